package dev.herder.controlplane.scheduling;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.Quantity;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable view of one node for the scheduler: the Node, whether it takes pods, what it can
 * allocate, and running totals of the pods placed on it. {@link #withPod}/{@link #withoutPod} return
 * a new view updated incrementally; no pod list is kept, so the caller must only remove pods it added.
 *
 * <p>Allocatable cpu, memory and pods come from {@code status.allocatable}, each falling back to
 * {@code status.capacity}. Absent (or unreadable) cpu or memory is 0: only pods that request none
 * fit. Absent pods is {@value #DEFAULT_MAX_PODS}.
 */
public final class NodeInfo {
    public static final String READY = "Ready";
    public static final String TRUE = "True";
    public static final String PODS = "pods";
    /** Kubernetes' default maximum pods per node. */
    public static final int DEFAULT_MAX_PODS = 110;

    /** What is read from the Node once, when it changes; shared by every pod-count version. */
    private record Facts(Node node, String name, Map<String, String> labels, boolean reportsReady,
                         boolean unschedulable, long milliCpu, long memoryBytes, int maxPods) {
        static Facts of(Node node) {
            String name = Objects.requireNonNull(node.metadata() == null ? null : node.metadata().name(), "node name");
            Map<String, String> labels = node.metadata().labels() == null ? Map.of() : node.metadata().labels();
            return new Facts(node, name, labels, readyCondition(node.status()),
                    node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable()),
                    allocatable(node.status(), PodRequests.CPU, true, 0),
                    allocatable(node.status(), PodRequests.MEMORY, false, 0),
                    (int) Math.min(Integer.MAX_VALUE, allocatable(node.status(), PODS, false, DEFAULT_MAX_PODS)));
        }
    }

    private final Facts facts;
    private final long requestedMilliCpu;
    private final long requestedMemoryBytes;
    private final long scoringMilliCpu;
    private final long scoringMemoryBytes;
    private final int podCount;
    private final Counts<HostPort> hostPorts;
    private final Counts<String> podsPerController;

    private NodeInfo(Facts facts, long requestedMilliCpu, long requestedMemoryBytes, long scoringMilliCpu,
                     long scoringMemoryBytes, int podCount, Counts<HostPort> hostPorts,
                     Counts<String> podsPerController) {
        this.facts = facts;
        this.requestedMilliCpu = requestedMilliCpu;
        this.requestedMemoryBytes = requestedMemoryBytes;
        this.scoringMilliCpu = scoringMilliCpu;
        this.scoringMemoryBytes = scoringMemoryBytes;
        this.podCount = podCount;
        this.hostPorts = hostPorts;
        this.podsPerController = podsPerController;
    }

    /** A node with no pods on it. */
    public static NodeInfo of(Node node) {
        return new NodeInfo(Facts.of(node), 0, 0, 0, 0, 0, Counts.empty(), Counts.empty());
    }

    /** The same pods on a newer version of the node (a heartbeat, a cordon, new capacity). */
    public NodeInfo withNode(Node updated) {
        return new NodeInfo(Facts.of(updated), requestedMilliCpu, requestedMemoryBytes, scoringMilliCpu, scoringMemoryBytes,
                podCount, hostPorts, podsPerController);
    }

    /** This node with one more pod. @throws IllegalArgumentException if the pod's quantities are invalid */
    public NodeInfo withPod(Pod pod) {
        return withPod(PodRequests.of(pod));
    }

    public NodeInfo withPod(PodRequests pod) {
        Counts<HostPort> ports = hostPorts;
        for (HostPort p : pod.hostPorts()) {
            ports = ports.plus(p);
        }
        Counts<String> owners = pod.controllerUid() == null ? podsPerController : podsPerController.plus(pod.controllerUid());
        return new NodeInfo(facts, requestedMilliCpu + pod.milliCpu(), requestedMemoryBytes + pod.memoryBytes(),
                scoringMilliCpu + pod.scoringMilliCpu(), scoringMemoryBytes + pod.scoringMemoryBytes(),
                podCount + 1, ports, owners);
    }

    /** This node without a pod added before. @throws IllegalArgumentException if the pod's quantities are invalid */
    public NodeInfo withoutPod(Pod pod) {
        return withoutPod(PodRequests.of(pod));
    }

    public NodeInfo withoutPod(PodRequests pod) {
        Counts<HostPort> ports = hostPorts;
        for (HostPort p : pod.hostPorts()) {
            ports = ports.minus(p);
        }
        Counts<String> owners = pod.controllerUid() == null ? podsPerController : podsPerController.minus(pod.controllerUid());
        return new NodeInfo(facts, requestedMilliCpu - pod.milliCpu(), requestedMemoryBytes - pod.memoryBytes(),
                scoringMilliCpu - pod.scoringMilliCpu(), scoringMemoryBytes - pod.scoringMemoryBytes(),
                podCount - 1, ports, owners);
    }

    private static boolean readyCondition(NodeStatus status) {
        if (status == null || status.conditions() == null) {
            return false;
        }
        for (NodeCondition c : status.conditions()) {
            if (READY.equals(c.type())) {
                return TRUE.equals(c.status());
            }
        }
        return false;
    }

    private static long allocatable(NodeStatus status, String key, boolean millis, long absent) {
        String text = status == null ? null : status.allocatable() == null ? null : status.allocatable().get(key);
        if (text == null && status != null && status.capacity() != null) {
            text = status.capacity().get(key);
        }
        if (text == null) {
            return absent;
        }
        try {
            return Math.max(0, millis ? Quantity.millis(text) : Quantity.units(text));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return absent;
        }
    }

    public Node node() { return facts.node; }

    public String name() { return facts.name; }

    public Map<String, String> labels() { return facts.labels; }

    /** Ready condition True and not cordoned: the node takes new pods. */
    public boolean ready() { return facts.reportsReady && !facts.unschedulable; }

    /** The node's Ready condition is True (whether or not it is cordoned). */
    public boolean reportsReady() { return facts.reportsReady; }

    /** spec.unschedulable: cordoned by an operator. */
    public boolean unschedulable() { return facts.unschedulable; }

    public long allocatableMilliCpu() { return facts.milliCpu; }

    public long allocatableMemoryBytes() { return facts.memoryBytes; }

    public int maxPods() { return facts.maxPods; }

    public long requestedMilliCpu() { return requestedMilliCpu; }

    public long requestedMemoryBytes() { return requestedMemoryBytes; }

    /** cpu counted for scoring: requests, with {@link PodRequests#DEFAULT_SCORING_MILLI_CPU} for containers without. */
    public long scoringMilliCpu() { return scoringMilliCpu; }

    /** memory counted for scoring: requests, with {@link PodRequests#DEFAULT_SCORING_MEMORY_BYTES} for containers without. */
    public long scoringMemoryBytes() { return scoringMemoryBytes; }

    public int podCount() { return podCount; }

    /** The host ports pods hold on this node. */
    public Set<HostPort> hostPortsInUse() { return hostPorts.keys(); }

    /** True when a pod here holds a port that {@code wanted} cannot share. */
    public boolean hostPortTaken(HostPort wanted) {
        return !hostPorts.isEmpty() && hostPorts.anyKey(wanted::conflictsWith);
    }

    /** Pods on this node whose controller (owner reference with controller=true) has this uid. */
    public int podsOfController(String controllerUid) {
        return controllerUid == null ? 0 : podsPerController.get(controllerUid);
    }

    /** Same node object and same pod totals. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NodeInfo n && facts.node.equals(n.facts.node) && requestedMilliCpu == n.requestedMilliCpu
                && requestedMemoryBytes == n.requestedMemoryBytes && scoringMilliCpu == n.scoringMilliCpu
                && scoringMemoryBytes == n.scoringMemoryBytes && podCount == n.podCount
                && hostPorts.equals(n.hostPorts) && podsPerController.equals(n.podsPerController);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facts.name, requestedMilliCpu, requestedMemoryBytes, podCount, hostPorts, podsPerController);
    }

    @Override
    public String toString() {
        return "NodeInfo[" + facts.name + (ready() ? "" : facts.reportsReady ? " unschedulable" : " not ready")
                + " cpu " + requestedMilliCpu + "m/" + facts.milliCpu + "m"
                + " memory " + requestedMemoryBytes + "/" + facts.memoryBytes
                + " pods " + podCount + "/" + facts.maxPods + " ports " + hostPorts + " controllers " + podsPerController + "]";
    }
}
