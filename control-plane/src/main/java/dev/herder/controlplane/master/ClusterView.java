package dev.herder.controlplane.master;

import dev.herder.controlplane.controllers.ControllerPods;
import dev.herder.controlplane.pods.PodTransitions;
import dev.herder.controlplane.store.ObjectCodec;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Master's cache of pods, nodes, controllers and services, built from a list of each kind at a revision and
 * the watch after it. Pure: it keeps no state the store does not have, so a new Master builds the same view after
 * a failover. Of two copies of one pod it keeps the newer (higher resourceVersion), so a watch event that trails a
 * bind the Master already saw acknowledged does not undo it.
 *
 * <p>It indexes pods as they change, so that a scheduling pass costs what is pending and what changed, not every
 * pod there is: the pods waiting for a node, oldest first, and per node the pods bound to it; and it remembers
 * which nodes' pods (or node objects) changed since the Master last asked ({@link #takeChangedNodes}).
 */
final class ClusterView {
    private static final Comparator<Pod> BY_AGE = Comparator
            .comparing((Pod p) -> String.valueOf(p.metadata().creationTimestamp()))
            .thenComparing(Pod::key);

    private final Map<String, Pod> pods = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, ReplicationController> controllers = new HashMap<>();
    private final Map<String, Service> services = new HashMap<>();
    /** Pods that name no node and are not being deleted, oldest first. */
    private final TreeSet<Pod> pending = new TreeSet<>(BY_AGE);
    /** Per node, by key, the pods bound to it but those evicted from it (their node was lost). */
    private final Map<String, Map<String, Pod>> bound = new HashMap<>();
    /** Nodes whose bound pods or node object changed since {@link #takeChangedNodes}. */
    private final Set<String> changedNodes = new HashSet<>();
    /** By controller uid, by key, the pods a controller owns; and by namespace the pods no controller owns. */
    private final Map<String, Map<String, Pod>> owned = new HashMap<>();
    private final Map<String, Map<String, Pod>> unowned = new HashMap<>();
    /** Controller uids and namespaces (of unowned pods) whose pods changed since {@link #takeChangedPodGroups}. */
    private final Set<String> changedOwners = new HashSet<>();
    private final Set<String> changedUnowned = new HashSet<>();
    /** Grows whenever room may have appeared: a node changed, or a bound pod left its node. */
    private long capacityEpoch;

    /** The indexes of pods a view may keep: each costs every pod change some work, so a view keeps those it reads. */
    enum Index {
        /** {@link #pending}, {@link #pendingKeys}. */
        PENDING,
        /** {@link #boundTo}, {@link #takeChangedNodes}. */
        BOUND,
        /** {@link #ownedBy}, {@link #ownerUids}, {@link #unownedIn}, {@link #takeChangedPodGroups}. */
        GROUPS
    }

    /** The kinds this view follows, and those of them not listed yet. */
    private final Set<String> kinds;
    private final Set<String> unlisted;
    private final Set<Index> indexes;

    /** A view of every kind the Master reads, with every index. */
    ClusterView() {
        this(ViewNews.KINDS, EnumSet.allOf(Index.class));
    }

    /** A view of these kinds only, with these indexes only (a child of the Master keeps what it needs). */
    ClusterView(Collection<String> kinds, Set<Index> indexes) {
        this.kinds = Set.copyOf(kinds);
        this.unlisted = new HashSet<>(kinds);
        this.indexes = indexes.isEmpty() ? EnumSet.noneOf(Index.class) : EnumSet.copyOf(indexes);
    }

    /** The kinds this view follows. */
    Set<String> kinds() {
        return kinds;
    }

    /**
     * Takes the Master's news of one of its kinds; true when this made the view whole (the last of its kinds was
     * listed for the first time).
     */
    boolean apply(ViewNews news) {
        if (!kinds.contains(news.kind())) {
            throw new IllegalArgumentException("this view follows " + kinds + ", not " + news.kind());
        }
        if (news instanceof ViewNews.Listed listed) {
            listed(listed.kind(), listed.objects());
            return unlisted.remove(listed.kind()) && unlisted.isEmpty();
        }
        ((ViewNews.Changed) news).changes().forEach(c -> changed(news.kind(), c.id(), c.object()));
        return false;
    }

    /**
     * Whether every kind was listed. Until then the view may lack objects the store has: a partial view would
     * look like pods gone (an agent would stop them) or missing (a controller would make more), so nothing acts on it.
     */
    boolean ready() {
        return unlisted.isEmpty();
    }

    /** Every object of a kind as listed at one revision: what the view had of that kind is replaced. */
    void listed(String kind, List<ApiObject> objects) {
        if (Pod.KIND.equals(kind)) {
            for (Pod was : List.copyOf(pods.values())) {
                freed(was, null);
            }
            pods.clear();
            pending.clear();
            changedNodes.addAll(bound.keySet());
            bound.clear();
            changedOwners.addAll(owned.keySet());
            changedUnowned.addAll(unowned.keySet());
            owned.clear();
            unowned.clear();
        } else {
            if (Node.KIND.equals(kind)) {
                changedNodes.addAll(nodes.keySet());
            }
            mapOf(kind).clear();
            capacityEpoch++;
        }
        objects.forEach(o -> changed(kind, o.key(), o));
    }

    /** One object changed (object null: it was removed). */
    void changed(String kind, String id, ApiObject object) {
        if (Pod.KIND.equals(kind)) {
            Pod was = pods.get(id);
            Pod now = object == null ? null : was == null ? (Pod) object : newer(was, (Pod) object);
            if (now == was) {
                return;
            }
            if (now == null) {
                pods.remove(id);
            } else {
                pods.put(id, now);
            }
            unindex(was);
            index(now);
            freed(was, now);
            return;
        }
        if (Node.KIND.equals(kind)) {
            capacityEpoch++;
            changedNodes.add(id);
        }
        @SuppressWarnings("unchecked") Map<String, ApiObject> map = (Map<String, ApiObject>) mapOf(kind);
        if (object == null) {
            map.remove(id);
        } else {
            map.put(id, object);
        }
    }

    private void unindex(Pod p) {
        if (p == null) {
            return;
        }
        if (indexes.contains(Index.GROUPS)) {
            group(p, true);
        }
        if (indexes.contains(Index.PENDING)) {
            pending.remove(p);
        }
        String node = p.spec().nodeName();
        Map<String, Pod> onNode = node == null || !indexes.contains(Index.BOUND) ? null : bound.get(node);
        if (onNode != null && onNode.remove(p.key()) != null) {
            changedNodes.add(node);
            if (onNode.isEmpty()) {
                bound.remove(node);
            }
        }
    }

    private void index(Pod p) {
        if (p == null) {
            return;
        }
        if (indexes.contains(Index.GROUPS)) {
            group(p, false);
        }
        String node = p.spec().nodeName();
        if (node == null) {
            if (p.metadata().deletionTimestamp() == null && indexes.contains(Index.PENDING)) {
                pending.add(p);
            }
        } else if (indexes.contains(Index.BOUND) && !PodTransitions.evicted(p)) {
            bound.computeIfAbsent(node, n -> new HashMap<>()).put(p.key(), p);
            changedNodes.add(node);
        }
    }

    /** Files the pod under its controller's uid, or under its namespace when it has none (or takes it out). */
    private void group(Pod p, boolean remove) {
        OwnerReference owner = ControllerPods.controllerOf(p);
        String group = owner != null ? owner.uid() : p.metadata().namespace();
        Map<String, Map<String, Pod>> groups = owner != null ? owned : unowned;
        (owner != null ? changedOwners : changedUnowned).add(group);
        if (remove) {
            Map<String, Pod> members = groups.get(group);
            if (members != null) {
                members.remove(p.key());
                if (members.isEmpty()) {
                    groups.remove(group);
                }
            }
        } else {
            groups.computeIfAbsent(group, g -> new HashMap<>()).put(p.key(), p);
        }
    }

    /** The pods whose controller has this uid. */
    Collection<Pod> ownedBy(String controllerUid) {
        need(Index.GROUPS);
        return members(owned, controllerUid);
    }

    /** The uids of the controllers that own pods here (some of which may be gone). */
    Set<String> ownerUids() {
        need(Index.GROUPS);
        return Collections.unmodifiableSet(owned.keySet());
    }

    /** The pods of the namespace that no controller owns. */
    Collection<Pod> unownedIn(String namespace) {
        need(Index.GROUPS);
        return members(unowned, namespace);
    }

    private static Collection<Pod> members(Map<String, Map<String, Pod>> groups, String group) {
        Map<String, Pod> members = groups.get(group);
        return members == null ? List.of() : Collections.unmodifiableCollection(members.values());
    }

    /**
     * The controller uids, and the namespaces of unowned pods, whose pods changed since the last call, as one set
     * of each; none are remembered after.
     */
    PodGroups takeChangedPodGroups() {
        need(Index.GROUPS);
        PodGroups out = new PodGroups(Set.copyOf(changedOwners), Set.copyOf(changedUnowned));
        changedOwners.clear();
        changedUnowned.clear();
        return out;
    }

    /** Controller uids and namespaces whose pods changed. */
    record PodGroups(Set<String> owners, Set<String> namespaces) {
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
    Collection<Pod> pods() {
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

    Map<String, Node> nodes() {
        return nodes;
    }

    /** Pods that name no node and are not being deleted, oldest first. */
    List<Pod> pending() {
        need(Index.PENDING);
        return new ArrayList<>(pending);
    }

    /** Keys of the pods that wait for a node. */
    Set<String> pendingKeys() {
        need(Index.PENDING);
        Set<String> out = new HashSet<>();
        pending.forEach(p -> out.add(p.key()));
        return out;
    }

    /** The names of the nodes pods are bound to (some may have no Node object any more). */
    Set<String> boundNodeNames() {
        return Collections.unmodifiableSet(bound.keySet());
    }

    /** The pods bound to the node, but those evicted from it (their node was lost: they no longer run there). */
    Collection<Pod> boundTo(String node) {
        need(Index.BOUND);
        Map<String, Pod> onNode = bound.get(node);
        return onNode == null ? List.of() : Collections.unmodifiableCollection(onNode.values());
    }

    /** The nodes whose bound pods, or whose node object, changed since the last call; none are remembered after. */
    Set<String> takeChangedNodes() {
        need(Index.BOUND);
        Set<String> out = Set.copyOf(changedNodes);
        changedNodes.clear();
        return out;
    }

    private void need(Index index) {
        if (!indexes.contains(index)) {
            throw new IllegalStateException("this view keeps no " + index + " index (it keeps " + indexes + ")");
        }
    }

    private static Pod newer(Pod a, Pod b) {
        if (!a.metadata().uid().equals(b.metadata().uid())) {
            return b;
        }
        return ObjectCodec.revisionOf(b) >= ObjectCodec.revisionOf(a) ? b : a;
    }
}
