package dev.herder.controlplane.objects;

import static dev.herder.controlplane.store.TestEtcd.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.store.EtcdMembers;
import dev.herder.controlplane.store.EtcdStore;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.TestEtcd;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's writes on a real one-member etcd, past a client's time: a request its client has already sent again
 * elsewhere makes no write guarded on a read of its own, so it cannot overwrite what the retry stored.
 */
class ObjectWritesTest {
    private static EtcdMembers etcd;
    private static EtcdStore connection;
    private static ObjectWrites writes;

    @BeforeAll
    static void startEtcd() throws Exception {
        etcd = TestEtcd.start(ObjectWritesTest.class, 5981, 5991, 1);
        connection = EtcdStore.connect(TestEtcd.settings(etcd));
        writes = new ObjectWrites(new ObjectStore(connection));
    }

    @AfterAll
    static void stopEtcd() {
        if (connection != null) {
            connection.close();
        }
        etcd.close();
    }

    @Test
    void anApplyPastItsClientsTimeDoesNotOverwriteAndSaysWhy() throws Exception {
        assertNull(await(writes.apply(pod("late", "v1"))).error());

        ApiResponse.ApplyOutcome late = await(writes.apply(pod("late", "v2"), passed()));

        assertEquals(ApiError.Code.UNAVAILABLE, late.error().code());
        assertTrue(late.error().message().contains("\"late\"") && late.error().message().contains("ran out"),
                late.error().message());
        assertEquals("v1", content("late"), "the stored pod keeps what was written before");

        assertEquals(Admission.CONFIGURED, await(writes.apply(pod("late", "v3"), WriteBy.halfOf(Duration.ofSeconds(30))))
                .action(), "within its time an apply updates");
        assertEquals("v3", content("late"));
    }

    @Test
    void aNewObjectIsStillCreatedPastItsClientsTimeForItsCreateIsGuardedOnNothingBeingThere() throws Exception {
        ApiResponse.ApplyOutcome created = await(writes.apply(pod("fresh", "v1"), passed()));

        assertEquals(Admission.CREATED, created.action());
        assertEquals("v1", content("fresh"));
    }

    @Test
    void anUpdatePastItsClientsTimeIsNotMade() throws Exception {
        assertNull(await(writes.apply(pod("scaled", "v1"))).error());

        Result result = await(writes.update(Pod.KIND, "default", "scaled", current -> pod("scaled", "v2")
                .withMetadata(withContent(current.metadata(), "v2")), passed()));

        Result.Failed failed = assertInstanceOf(Result.Failed.class, result);
        assertFalse(failed.error().mayHaveHappened());
        assertEquals("v1", content("scaled"));
    }

    private static WriteBy passed() throws InterruptedException {
        WriteBy writeBy = WriteBy.halfOf(Duration.ofMillis(2));
        Thread.sleep(5);
        assertTrue(writeBy.passed());
        return writeBy;
    }

    private static Pod pod(String name, String content) {
        Pod pod = AdmissionTest.pod("local/busybox:1", null, null);
        return (Pod) pod.withMetadata(withContent(new ObjectMeta(name, null, "default", null, null, null, null, null,
                null, null, null), content));
    }

    private static ObjectMeta withContent(ObjectMeta m, String content) {
        return new ObjectMeta(m.name(), m.generateName(), m.namespace(), Map.of("content", content), m.annotations(),
                m.uid(), m.resourceVersion(), m.generation(), m.creationTimestamp(), m.deletionTimestamp(),
                m.ownerReferences());
    }

    private static String content(String name) throws Exception {
        ApiObject stored = await(writes.store().get(Pod.KIND, "default", name)).orElseThrow();
        return stored.metadata().labels().get("content");
    }
}
