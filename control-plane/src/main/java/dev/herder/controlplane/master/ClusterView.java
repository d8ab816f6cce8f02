package dev.herder.controlplane.master;

import dev.herder.controlplane.objects.Versions;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Master's cache of pods and nodes, rebuilt from the store's buckets as they change. Pure: it keeps
 * no state the store does not have, so a new Master rebuilds the same view after a failover. Of two copies
 * of one pod it keeps the newer (higher resourceVersion), so a replica that lags behind a bind the Master
 * already saw acknowledged does not undo it.
 */
final class ClusterView {
    private static final Comparator<Pod> BY_AGE = Comparator
            .comparing((Pod p) -> String.valueOf(p.metadata().creationTimestamp()))
            .thenComparing(Pod::key);

    private final Map<String, Set<String>> podIdsByBucket = new HashMap<>();
    private final Map<String, Pod> pods = new HashMap<>();
    private final Map<String, Set<String>> nodeIdsByBucket = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Set<String>> controllerIdsByBucket = new HashMap<>();
    private final Map<String, ReplicationController> controllers = new HashMap<>();
    private final Map<String, Set<String>> serviceIdsByBucket = new HashMap<>();
    private final Map<String, Service> services = new HashMap<>();
    /** Grows whenever room may have appeared: a node changed, or a bound pod left its node. */
    private long capacityEpoch;

    /** Takes a bucket of pods as the store now has it. */
    void podBucket(String bucket, Map<String, ApiObject> entries) {
        Set<String> before = podIdsByBucket.getOrDefault(bucket, Set.of());
        for (String id : before) {
            if (!entries.containsKey(id)) {
                freed(pods.remove(id), null);
            }
        }
        entries.forEach((id, o) -> freed(pods.get(id), pods.merge(id, (Pod) o, ClusterView::newer)));
        podIdsByBucket.put(bucket, new HashSet<>(entries.keySet()));
    }

    void nodeBucket(String bucket, Map<String, ApiObject> entries) {
        capacityEpoch++;
        replaceBucket(bucket, entries, nodeIdsByBucket, nodes, Node.class);
    }

    void controllerBucket(String bucket, Map<String, ApiObject> entries) {
        replaceBucket(bucket, entries, controllerIdsByBucket, controllers, ReplicationController.class);
    }

    void serviceBucket(String bucket, Map<String, ApiObject> entries) {
        replaceBucket(bucket, entries, serviceIdsByBucket, services, Service.class);
    }

    /** The objects of one bucket as the store now has it: those gone from it are dropped, the rest taken. */
    private static <T extends ApiObject> void replaceBucket(String bucket, Map<String, ApiObject> entries,
                                                           Map<String, Set<String>> idsByBucket, Map<String, T> objects,
                                                           Class<T> type) {
        for (String id : idsByBucket.getOrDefault(bucket, Set.of())) {
            if (!entries.containsKey(id)) {
                objects.remove(id);
            }
        }
        entries.forEach((id, o) -> objects.put(id, type.cast(o)));
        idsByBucket.put(bucket, new HashSet<>(entries.keySet()));
    }

    /** Services by key. */
    Map<String, Service> services() {
        return services;
    }

    /** Replication controllers by key. */
    Map<String, ReplicationController> controllers() {
        return controllers;
    }

    /** Every pod the view holds. */
    java.util.Collection<Pod> pods() {
        return pods.values();
    }

    private void freed(Pod was, Pod now) {
        if (was != null && was.spec().nodeName() != null && (now == null || now.spec().nodeName() == null)) {
            capacityEpoch++;
        }
    }

    /** Changes whenever a pod that did not fit anywhere might fit now. */
    long capacityEpoch() {
        return capacityEpoch;
    }

    /** A pod as a bind acknowledged it, ahead of the store's notification. */
    void podUpdated(Pod pod) {
        pods.merge(pod.key(), pod, ClusterView::newer);
    }

    Map<String, Node> nodes() {
        return nodes;
    }

    /** Pods that name no node and are not being deleted, oldest first. */
    List<Pod> pending() {
        List<Pod> out = new ArrayList<>();
        for (Pod p : pods.values()) {
            if (p.spec().nodeName() == null && p.metadata().deletionTimestamp() == null) {
                out.add(p);
            }
        }
        out.sort(BY_AGE);
        return out;
    }

    /** Keys of the pods that wait for a node. */
    Set<String> pendingKeys() {
        Set<String> out = new HashSet<>();
        pending().forEach(p -> out.add(p.key()));
        return out;
    }

    /** Pods bound to each node, but those evicted from it (their node was lost: they no longer run there). */
    Map<String, List<Pod>> boundByNode() {
        Map<String, List<Pod>> out = new HashMap<>();
        for (Pod p : pods.values()) {
            if (p.spec().nodeName() != null && !dev.herder.controlplane.pods.PodCommands.evicted(p)) {
                out.computeIfAbsent(p.spec().nodeName(), n -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    private static Pod newer(Pod a, Pod b) {
        if (!a.metadata().uid().equals(b.metadata().uid())) {
            return b;
        }
        return Versions.parse(b.metadata().resourceVersion()) >= Versions.parse(a.metadata().resourceVersion()) ? b : a;
    }
}
