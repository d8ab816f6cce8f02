package dev.herder.controlplane.master;

import dev.herder.controlplane.pods.PodTransitions;
import dev.herder.controlplane.store.ObjectCodec;
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
 * The Master's cache of pods, nodes, controllers and services, built from a list of each kind at a revision and
 * the watch after it. Pure: it keeps no state the store does not have, so a new Master builds the same view after
 * a failover. Of two copies of one pod it keeps the newer (higher resourceVersion), so a watch event that trails a
 * bind the Master already saw acknowledged does not undo it.
 */
final class ClusterView {
    private static final Comparator<Pod> BY_AGE = Comparator
            .comparing((Pod p) -> String.valueOf(p.metadata().creationTimestamp()))
            .thenComparing(Pod::key);

    private final Map<String, Pod> pods = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, ReplicationController> controllers = new HashMap<>();
    private final Map<String, Service> services = new HashMap<>();
    /** Grows whenever room may have appeared: a node changed, or a bound pod left its node. */
    private long capacityEpoch;

    /** Every object of a kind as listed at one revision: what the view had of that kind is replaced. */
    void listed(String kind, List<ApiObject> objects) {
        if (Pod.KIND.equals(kind)) {
            for (Pod was : List.copyOf(pods.values())) {
                freed(was, null);
            }
            pods.clear();
        } else {
            mapOf(kind).clear();
            capacityEpoch++;
        }
        objects.forEach(o -> changed(kind, o.key(), o));
    }

    /** One object changed (object null: it was removed). */
    void changed(String kind, String id, ApiObject object) {
        if (Pod.KIND.equals(kind)) {
            Pod was = pods.get(id);
            if (object == null) {
                pods.remove(id);
                freed(was, null);
            } else {
                freed(was, pods.merge(id, (Pod) object, ClusterView::newer));
            }
            return;
        }
        if (Node.KIND.equals(kind)) {
            capacityEpoch++;
        }
        @SuppressWarnings("unchecked") Map<String, ApiObject> map = (Map<String, ApiObject>) mapOf(kind);
        if (object == null) {
            map.remove(id);
        } else {
            map.put(id, object);
        }
    }

    private Map<String, ? extends ApiObject> mapOf(String kind) {
        return switch (kind) {
            case Node.KIND -> nodes;
            case ReplicationController.KIND -> controllers;
            case Service.KIND -> services;
            default -> throw new IllegalArgumentException("the Master keeps no " + kind);
        };
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
            if (p.spec().nodeName() != null && !PodTransitions.evicted(p)) {
                out.computeIfAbsent(p.spec().nodeName(), n -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    private static Pod newer(Pod a, Pod b) {
        if (!a.metadata().uid().equals(b.metadata().uid())) {
            return b;
        }
        return ObjectCodec.revisionOf(b) >= ObjectCodec.revisionOf(a) ? b : a;
    }
}
