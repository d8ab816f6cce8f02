package dev.herder.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.store.Informer;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterViewTest {

    static Pod pod(String name, String uid, String rv, String node, String created) {
        Container c = new Container("main", "img", null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new Pod("v1", "Pod", new ObjectMeta(name, null, "default", null, null, uid, rv, 1L, created, null, null),
                new PodSpec(List.of(c), null, null, null, null, node, null, null, null, null), null);
    }

    @Test
    void pendingPodsComeOldestFirstAndBoundOnesAreGroupedByNode() {
        ClusterView view = new ClusterView();
        view.listed("Pod", List.<ApiObject>of(
                pod("b", "u2", "5", null, "2026-01-02T00:00:00Z"),
                pod("a", "u1", "5", null, "2026-01-03T00:00:00Z"),
                pod("c", "u3", "5", "n1", "2026-01-01T00:00:00Z")));
        assertEquals(List.of("b", "a"), view.pending().stream().map(p -> p.metadata().name()).toList());
        assertEquals(1, view.boundTo("n1").size());
    }

    @Test
    void aTrailingWatchEventDoesNotUndoAnAcknowledgedBind() {
        ClusterView view = new ClusterView();
        view.listed("Pod", List.<ApiObject>of(pod("a", "u1", "5", null, "t")));
        view.changed("Pod", "default/a", pod("a", "u1", "6", "n1", "t"));
        view.changed("Pod", "default/a", pod("a", "u1", "5", null, "t"));
        assertTrue(view.pending().isEmpty());
    }

    @Test
    void aRecreatedPodReplacesTheOldOneAndRemovedPodsLeave() {
        ClusterView view = new ClusterView();
        view.listed("Pod", List.<ApiObject>of(pod("a", "u1", "9", "n1", "t")));
        view.changed("Pod", "default/a", pod("a", "u2", "1", null, "t"));
        assertEquals("u2", view.pending().get(0).metadata().uid());
        view.changed("Pod", "default/a", null);
        assertTrue(view.pending().isEmpty());
        assertTrue(view.boundTo("n1").isEmpty());
    }

    @Test
    void capacityEpochMovesWhenABoundPodLeavesOrANodeChangesButNotForNewPendingPods() {
        ClusterView view = new ClusterView();
        view.listed("Pod", List.<ApiObject>of(pod("a", "u1", "5", "n1", "t")));
        long start = view.capacityEpoch();
        view.changed("Pod", "default/b", pod("b", "u2", "5", null, "t"));
        assertEquals(start, view.capacityEpoch(), "a new pending pod frees nothing");
        view.changed("Pod", "default/a", null);
        assertTrue(view.capacityEpoch() > start, "a bound pod left its node");
        long afterDelete = view.capacityEpoch();
        view.listed("Node", List.of());
        assertTrue(view.capacityEpoch() > afterDelete, "nodes changed");
    }

    @Test
    void itTellsWhichNodesPodsChangedOnceAndKeepsEachNodesBoundPodsUpToDate() {
        ClusterView view = new ClusterView();
        view.listed("Pod", List.<ApiObject>of(pod("a", "u1", "5", "n1", "t"), pod("b", "u2", "5", null, "t")));
        assertEquals(java.util.Set.of("n1"), view.takeChangedNodes());
        assertTrue(view.takeChangedNodes().isEmpty(), "what was told is not told again");

        view.changed("Pod", "default/c", pod("c", "u3", "6", null, "t"));
        assertTrue(view.takeChangedNodes().isEmpty(), "a new pending pod changes no node");

        view.changed("Pod", "default/b", pod("b", "u2", "7", "n2", "t"));
        view.changed("Pod", "default/a", pod("a", "u1", "8", "n3", "t"));
        assertEquals(java.util.Set.of("n1", "n2", "n3"), view.takeChangedNodes());
        assertTrue(view.boundTo("n1").isEmpty());
        assertEquals(List.of("b"), view.boundTo("n2").stream().map(p -> p.metadata().name()).toList());
        assertEquals(List.of("c"), view.pending().stream().map(p -> p.metadata().name()).toList());

        view.changed("Pod", "default/b", pod("b", "u2", "6", null, "t"));
        assertTrue(view.takeChangedNodes().isEmpty(), "a trailing older copy changes nothing");
        assertEquals(1, view.boundTo("n2").size());
    }

    @Test
    void itGroupsPodsByControllerAndUnownedOnesByNamespaceAndTellsWhichGroupsChanged() {
        ClusterView view = new ClusterView();
        Pod owned = owned(pod("a", "u1", "5", null, "t"), "rc-1");
        view.listed("Pod", List.<ApiObject>of(owned, pod("b", "u2", "5", null, "t")));
        ClusterView.PodGroups first = view.takeChangedPodGroups();
        assertEquals(java.util.Set.of("rc-1"), first.owners());
        assertEquals(java.util.Set.of("default"), first.namespaces());
        assertEquals(List.of("a"), view.ownedBy("rc-1").stream().map(p -> p.metadata().name()).toList());
        assertEquals(List.of("b"), view.unownedIn("default").stream().map(p -> p.metadata().name()).toList());

        view.changed("Pod", "default/a", owned(pod("a", "u1", "6", "n1", "t"), "rc-1"));
        ClusterView.PodGroups second = view.takeChangedPodGroups();
        assertEquals(java.util.Set.of("rc-1"), second.owners());
        assertTrue(second.namespaces().isEmpty(), "no unowned pod changed");

        view.changed("Pod", "default/a", null);
        assertEquals(java.util.Set.of("rc-1"), view.takeChangedPodGroups().owners());
        assertTrue(view.ownedBy("rc-1").isEmpty());
    }

    @Test
    void aViewOfSomeKindsIsReadyOnceEachWasListedAndRefusesNewsOfOthers() {
        ClusterView view = new ClusterView(List.of("Pod", "Node"), java.util.EnumSet.of(ClusterView.Index.PENDING));
        assertFalse(view.apply(new ViewNews.Listed("Pod", List.of(pod("a", "u1", "5", null, "t")), 5)));
        assertFalse(view.ready(), "nodes not listed yet");
        view.apply(new ViewNews.Changed("Pod", List.of(new Informer.ObjectChange("default/b",
                pod("b", "u2", "6", null, "t"), 6))));
        assertTrue(view.apply(new ViewNews.Listed("Node", List.of(), 6)), "the last kind listed makes it whole");
        assertTrue(view.ready());
        assertFalse(view.apply(new ViewNews.Listed("Node", List.of(), 7)), "only the first time");
        assertEquals(List.of("a", "b"), view.pending().stream().map(p -> p.metadata().name()).toList());
        assertThrows(IllegalArgumentException.class, () -> view.apply(new ViewNews.Listed("Service", List.of(), 7)));
        assertThrows(IllegalStateException.class, () -> view.boundTo("n1"), "it keeps no index of bound pods");
    }

    @Test
    void aViewKeepsOnlyTheIndexesItWasGivenAndTheSameOnesAsAFullView() {
        ClusterView full = new ClusterView();
        ClusterView bound = new ClusterView(List.of("Pod"), java.util.EnumSet.of(ClusterView.Index.BOUND));
        List<ApiObject> pods = List.of(pod("a", "u1", "5", null, "t"), pod("b", "u2", "5", "n1", "t"),
                owned(pod("c", "u3", "5", "n1", "t"), "rc-1"));
        full.listed("Pod", pods);
        bound.listed("Pod", pods);
        bound.changed("Pod", "default/b", null);
        full.changed("Pod", "default/b", null);
        assertEquals(List.of("c"), bound.boundTo("n1").stream().map(p -> p.metadata().name()).toList());
        assertEquals(List.of("c"), full.boundTo("n1").stream().map(p -> p.metadata().name()).toList());
        assertThrows(IllegalStateException.class, bound::pending);
        assertThrows(IllegalStateException.class, () -> bound.ownedBy("rc-1"));
        assertEquals(1, full.ownedBy("rc-1").size());
    }

    private static Pod owned(Pod pod, String controllerUid) {
        ObjectMeta m = pod.metadata();
        return (Pod) pod.withMetadata(new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.labels(),
                m.annotations(), m.uid(), m.resourceVersion(), m.generation(), m.creationTimestamp(),
                m.deletionTimestamp(), List.of(new dev.herder.protocol.api.OwnerReference("v1", "ReplicationController",
                        "rc", controllerUid, true, true))));
    }
}
