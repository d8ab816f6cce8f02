package dev.herder.controlplane.scheduling;

import dev.herder.protocol.api.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a node for a pod, the way kube-scheduler does: filter out the nodes that cannot take it,
 * score the rest, take the best. Pure and stateless; the Master calls {@link #place} for each pending
 * pod and then records the choice with {@link NodeInfo#withPod}.
 *
 * <p>Filters, in order (a node counts once, under the first it fails; see {@link FitReason}): Ready,
 * not cordoned, nodeSelector, cpu, memory, pod count, host ports.
 *
 * <p>Score = {@value #LEAST_REQUESTED_WEIGHT} × least-requested (0..100, Kubernetes' LeastAllocated:
 * the average over cpu and memory of free share after placing the pod) − {@value #SPREAD_PENALTY} per
 * pod of the same controller already on the node. So one replica more on a node weighs as much as
 * {@value #SPREAD_PENALTY}% less free capacity: replicas spread across nodes whose load differs by
 * less than that. Equal scores go to the node whose name sorts first.
 *
 * <p>Pods that already name {@code spec.nodeName} are bound there by their author and are not meant
 * to be scheduled; {@link #place} returns that node unchecked, as kube-scheduler never sees them.
 *
 * <p>Cost: one pass over the nodes, no allocation per node.
 */
public final class Scheduler {
    /** Score of a node with nothing requested on it. */
    public static final int MAX_NODE_SCORE = 100;
    /** Weight of the least-requested score. */
    public static final int LEAST_REQUESTED_WEIGHT = 1;
    /** Points taken from a node's score for each pod of the same controller already on it. */
    public static final int SPREAD_PENALTY = 20;
    /** Message when there are no nodes at all. */
    public static final String NO_NODES = "0/0 nodes available: no nodes registered";

    private static final FitReason[] REASONS = FitReason.values();

    /** A node for the pod, or why none fits. Invalid quantities in the pod make it Unschedulable, saying which. */
    public Placement place(Pod pod, Collection<NodeInfo> nodes) {
        String bound = pod.spec() == null ? null : pod.spec().nodeName();
        if (bound != null && !bound.isEmpty()) {
            return new Placement.Placed(bound);
        }
        if (nodes.isEmpty()) {
            return new Placement.Unschedulable(NO_NODES, Map.of());
        }
        PodRequests requests;
        try {
            requests = PodRequests.of(pod);
        } catch (IllegalArgumentException e) {
            return new Placement.Unschedulable("pod cannot be scheduled: " + e.getMessage(), Map.of());
        }
        return place(requests, Filters.NodeSelector.of(pod.spec() == null ? null : pod.spec().nodeSelector()), nodes);
    }

    private static Placement place(PodRequests pod, Filters.NodeSelector selector, Collection<NodeInfo> nodes) {
        NodeInfo best = null;
        long bestScore = Long.MIN_VALUE;
        int[] failures = null;
        for (NodeInfo node : nodes) {
            FitReason reason = Filters.firstFailure(pod, selector, node);
            if (reason != null) {
                if (failures == null) {
                    failures = new int[REASONS.length];
                }
                failures[reason.ordinal()]++;
                continue;
            }
            long score = score(pod, node);
            if (best == null || score > bestScore || (score == bestScore && node.name().compareTo(best.name()) < 0)) {
                best = node;
                bestScore = score;
            }
        }
        return best != null ? new Placement.Placed(best.name()) : unschedulable(nodes.size(), failures);
    }

    /** The node's score for this pod; higher is better. Visible for tests. */
    static long score(PodRequests pod, NodeInfo node) {
        int cpu = leastRequested(node.allocatableMilliCpu(), node.scoringMilliCpu() + pod.scoringMilliCpu());
        int memory = leastRequested(node.allocatableMemoryBytes(), node.scoringMemoryBytes() + pod.scoringMemoryBytes());
        return (long) LEAST_REQUESTED_WEIGHT * ((cpu + memory) / 2)
                - (long) SPREAD_PENALTY * node.podsOfController(pod.controllerUid());
    }

    /** Free share after placing, 0..{@value #MAX_NODE_SCORE}; 0 when nothing is allocatable or it is overcommitted. */
    static int leastRequested(long allocatable, long requestedAfter) {
        if (allocatable <= 0 || requestedAfter > allocatable) {
            return 0;
        }
        return (int) ((allocatable - requestedAfter) * (double) MAX_NODE_SCORE / allocatable);
    }

    /** "0/N nodes available: 2 insufficient cpu, 1 not ready": reasons by count descending, then name. */
    static Placement.Unschedulable unschedulable(int total, int[] failures) {
        List<FitReason> present = new ArrayList<>();
        for (FitReason r : REASONS) {
            if (failures[r.ordinal()] > 0) {
                present.add(r);
            }
        }
        present.sort(Comparator.comparingInt((FitReason r) -> -failures[r.ordinal()]).thenComparing(FitReason::text));
        Map<String, Integer> reasons = new LinkedHashMap<>();
        StringBuilder message = new StringBuilder("0/").append(total).append(" nodes available: ");
        for (FitReason r : present) {
            message.append(reasons.isEmpty() ? "" : ", ").append(failures[r.ordinal()]).append(' ').append(r.text());
            reasons.put(r.text(), failures[r.ordinal()]);
        }
        return new Placement.Unschedulable(message.toString(), reasons);
    }
}
