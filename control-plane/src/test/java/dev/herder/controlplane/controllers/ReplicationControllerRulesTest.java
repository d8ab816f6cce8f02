package dev.herder.controlplane.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of a replication controller: which pods are its, the pods it makes, its status. */
class ReplicationControllerRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:30Z");
    private static final Container MAIN = new Container("main", "local/busybox:1", List.of("sleep", "3600"), null, null,
            null, null, null, null, null, null, null, null, null, null);

    private static ReplicationController rc(int replicas, int minReadySeconds) {
        ObjectMeta meta = new ObjectMeta("web", null, "default", Map.of("app", "web"), null, "rc-uid", "1", 3L,
                "2026-11-27T09:00:00Z", null, null);
        PodTemplateSpec template = new PodTemplateSpec(new ObjectMeta(null, null, null, Map.of("app", "web", "tier", "front"),
                Map.of("note", "x"), null, null, null, null, null, null),
                new PodSpec(List.of(MAIN), null, null, "Always", null, null, null, null, null, null));
        return new ReplicationController("v1", ReplicationController.KIND, meta,
                new ReplicationControllerSpec(replicas, minReadySeconds, Map.of("app", "web"), template), null);
    }

    private static Pod pod(String name, String namespace, Map<String, String> labels, String ownerUid, String phase,
                           String readySince) {
        List<OwnerReference> owners = ownerUid == null ? null
                : List.of(new OwnerReference("v1", ReplicationController.KIND, "x", ownerUid, true, true));
        ObjectMeta meta = new ObjectMeta(name, null, namespace, labels, null, name + "-uid", "1", 1L,
                "2026-11-27T10:00:00Z", null, owners);
        List<PodCondition> conditions = readySince == null ? List.of()
                : List.of(new PodCondition("Ready", "True", null, null, null, readySince));
        return new Pod("v1", Pod.KIND, meta, new PodSpec(List.of(MAIN), null, null, "Always", null, "node-1", null, null,
                null, null), new PodStatus(phase, conditions, null, null, null, null, null, List.of()));
    }

    @Test
    void aControllerHasThePodsItOwnsAndUnownedOnesItsSelectorMatchesInItsNamespace() {
        Map<String, String> web = Map.of("app", "web");
        List<Pod> pods = List.of(
                pod("owned", "default", Map.of("app", "other"), "rc-uid", "Running", null),
                pod("orphan", "default", web, null, "Running", null),
                pod("someone-elses", "default", web, "other-uid", "Running", null),
                pod("elsewhere", "prod", web, null, "Running", null),
                pod("unmatched", "default", Map.of("app", "db"), null, "Running", null));
        assertEquals(List.of("orphan", "owned"),
                ControllerPods.of(rc(2, 0), pods).stream().map(ReplicationControllerCommand.PodSummary::name).toList());
    }

    @Test
    void aPodOfTheTemplateIsOwnedByTheControllerAndCarriesTheTemplatesLabels() {
        Pod p = ReplicationControllerRules.podFor(rc(1, 0), "web-b2k4x", "0a1b2c3d4e");
        assertEquals("web-b2k4x", p.metadata().name());
        assertEquals("default", p.metadata().namespace());
        assertEquals(Map.of("app", "web", "tier", "front", TemplateHash.LABEL, "0a1b2c3d4e"), p.metadata().labels());
        assertEquals(Map.of("note", "x"), p.metadata().annotations());
        OwnerReference owner = p.metadata().ownerReferences().get(0);
        assertEquals("rc-uid", owner.uid());
        assertEquals(Boolean.TRUE, owner.controller());
        assertEquals(ReplicationController.KIND, owner.kind());
        assertNull(p.spec().nodeName());
        assertNull(p.status());
    }

    @Test
    void statusCountsActivePodsReadyOnesAndThoseReadyForMinReadySeconds() {
        List<ReplicationControllerCommand.PodSummary> pods = List.of(
                ControllerPods.summary(pod("a", "default", Map.of(), "rc-uid", "Running", "2026-11-27T10:00:00Z")),
                ControllerPods.summary(pod("b", "default", Map.of(), "rc-uid", "Running", "2026-11-27T10:00:25Z")),
                ControllerPods.summary(pod("c", "default", Map.of(), "rc-uid", "Pending", null)),
                ControllerPods.summary(pod("d", "default", Map.of(), "rc-uid", "Failed", null)));
        // b has been ready 5 s of the 10 minReadySeconds: ready, not yet available; d has ended and is not counted
        assertEquals(new ReplicationControllerStatus(3, 3, 2, 1, 3L, 0), ReplicationControllerRules.status(rc(3, 10), pods, NOW));
        assertEquals(new ReplicationControllerStatus(3, 3, 2, 2, 3L, 0), ReplicationControllerRules.status(rc(3, 0), pods, NOW));
    }

    @Test
    void aControllerCreatesAtMostABurstOfPodsAtOnce() {
        int burst = ReplicationControllerRules.BURST_CREATES;
        assertEquals(3, ReplicationControllerRules.createsNow(3, 0));
        assertEquals(burst, ReplicationControllerRules.createsNow(1000, 0), "a thousand replicas start with a burst");
        assertEquals(10, ReplicationControllerRules.createsNow(1000, burst - 10), "the burst refills as pods are seen");
        assertEquals(0, ReplicationControllerRules.createsNow(1000, burst));
        assertEquals(0, ReplicationControllerRules.createsNow(5, burst + 3), "none while more than a burst is out");
    }
}
