package dev.herder.controlplane.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.pods.PodStrategy;
import dev.herder.controlplane.store.ObjectCodec;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ManagedFieldsEntry;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.wire.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class AdmissionTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    public static Pod pod(String image, String resourceVersion, Map<String, String> labels) {
        Container c = new Container("main", image, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new Pod("v1", "Pod", new ObjectMeta("web", null, "default", labels, null, null, resourceVersion, null, null,
                null, null), new PodSpec(List.of(c), null, null, null, null, null, null, null, null, null), null);
    }

    private static Admission.Decision apply(Optional<ApiObject> current, ApiObject incoming) {
        return Admission.apply(current, incoming, NOW, () -> "uid-1", PodStrategy.INSTANCE);
    }

    @Test
    void createsAMissingObjectWithUidVersionGenerationAndPendingStatus() {
        var accept = assertInstanceOf(Admission.Accept.class, apply(Optional.empty(), pod("a:1", null, null)));
        assertEquals(Admission.CREATED, accept.action());
        ObjectMeta m = accept.object().metadata();
        assertEquals("uid-1", m.uid());
        assertEquals(1L, m.generation());
        assertEquals(NOW.toString(), m.creationTimestamp());
        assertNull(m.resourceVersion(), "the store gives a new object its version");
        assertEquals("Pending", ((Pod) accept.object()).status().phase());
    }

    @Test
    void refusesToCreateWhenAResourceVersionIsGiven() {
        var refuse = assertInstanceOf(Admission.Refuse.class, apply(Optional.empty(), pod("a:1", "7", null)));
        assertEquals(ApiError.Code.CONFLICT, refuse.error().code());
        assertTrue(refuse.error().message().contains("does not exist"), refuse.error().message());
    }

    @Test
    void sameDesiredStateIsUnchanged() {
        ApiObject stored = stored();
        var accept = assertInstanceOf(Admission.Accept.class, apply(Optional.of(stored), pod("a:1", null, null)));
        assertEquals(Admission.UNCHANGED, accept.action());
        assertEquals(stored, accept.object());
    }

    @Test
    void staleResourceVersionIsAConflictNamingBothVersions() {
        ApiObject stored = stored();
        var refuse = assertInstanceOf(Admission.Refuse.class, apply(Optional.of(stored), pod("a:2", "1", null)));
        assertEquals(ApiError.Code.CONFLICT, refuse.error().code());
        assertTrue(refuse.error().message().contains("has been modified"), refuse.error().message());
        assertTrue(refuse.error().message().contains(stored.metadata().resourceVersion()), refuse.error().message());
    }

    @Test
    void currentResourceVersionUpdatesAndBumpsVersionAndGeneration() {
        ApiObject stored = stored();
        var accept = assertInstanceOf(Admission.Accept.class,
                apply(Optional.of(stored), pod("a:2", stored.metadata().resourceVersion(), null)));
        assertEquals(Admission.CONFIGURED, accept.action());
        assertEquals(2L, accept.object().metadata().generation());
        assertEquals("uid-1", accept.object().metadata().uid());
        assertEquals(stored.metadata().resourceVersion(), accept.object().metadata().resourceVersion(),
                "the update is guarded on the version read");
    }

    @Test
    void labelChangeKeepsGeneration() {
        ApiObject stored = stored();
        var accept = assertInstanceOf(Admission.Accept.class, apply(Optional.of(stored), pod("a:1", null, Map.of("x", "y"))));
        assertEquals(Admission.CONFIGURED, accept.action());
        assertEquals(1L, accept.object().metadata().generation());
    }

    /** A pod as the store holds it once created: with the version the store gave it. */
    private static ApiObject stored() {
        return ObjectCodec.withVersion(((Admission.Accept) apply(Optional.empty(), pod("a:1", null, null))).object(), "5");
    }

    @Test
    void recordsACreateAndAnUpdateAsTheirManagersUpdates() {
        var created = assertInstanceOf(Admission.Accept.class, Admission.apply(Optional.empty(),
                pod("a:1", null, null), NOW, () -> "uid-1", PodStrategy.INSTANCE, "kubectl-create"));
        List<ManagedFieldsEntry> afterCreate = created.object().metadata().managedFields();
        assertEquals(List.of("kubectl-create/Update"), afterCreate.stream()
                .map(e -> e.manager() + "/" + e.operation()).toList());
        assertTrue(afterCreate.get(0).fieldsV1().toString().contains("\"f:image\""), afterCreate.toString());
        ApiObject stored = ObjectCodec.withVersion(created.object(), "5");
        var updated = assertInstanceOf(Admission.Accept.class, Admission.apply(Optional.of(stored),
                pod("a:2", null, null), NOW, () -> "uid-2", PodStrategy.INSTANCE, "kubectl-edit"));
        List<ManagedFieldsEntry> afterUpdate = updated.object().metadata().managedFields();
        assertEquals(List.of("kubectl-create/Update", "kubectl-edit/Update"), afterUpdate.stream()
                .map(e -> e.manager() + "/" + e.operation()).toList());
        assertEquals("{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"main\\\"}\":{\"f:image\":{}}}}}",
                afterUpdate.get(1).fieldsV1().toString());
        assertFalse(afterUpdate.get(0).fieldsV1().toString().contains("\"f:image\""), afterUpdate.toString());
    }
}
