package dev.herder.controlplane.objects;

import static dev.herder.controlplane.store.TestEtcd.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.EtcdMembers;
import dev.herder.controlplane.store.ObjectCodec;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.Stores;
import dev.herder.controlplane.store.TestEtcd;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.EntityInput;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A node's watch hands each change of an object, and only of those, to the entity registered for it; on real etcd. */
class LocalWatchTest {
    private static EtcdMembers etcd;
    private static ActorTestKit kit;
    private static ObjectWrites writes;

    @BeforeAll
    static void start() throws Exception {
        etcd = TestEtcd.start(LocalWatchTest.class, 5985, 5995, 1);
        kit = TestNode.start(etcd.endpointsConfig());
        writes = new ObjectWrites(Stores.get(kit.system()).objects());
        LocalWatch.get(kit.system()).start();
        TestProbe<Boolean> started = kit.createTestProbe();
        started.awaitAssert(Duration.ofSeconds(20), () -> {
            if (LocalWatch.get(kit.system()).revision(Pod.KIND) == 0) {
                throw new AssertionError("the watch of pods has not started");
            }
            return null;
        });
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        etcd.close();
    }

    @Test
    void theRegisteredEntityIsToldEachChangeOfItsObjectAndNoOneElsesAndNothingAfterItLeaves() throws Exception {
        TestProbe<EntityInput> entity = kit.createTestProbe();
        LocalWatch watch = LocalWatch.get(kit.system());
        watch.register(Pod.KIND, "default/watched", entity.getRef());

        ApiObject created = await(writes.apply(pod("watched"))).object();
        await(writes.apply(pod("unwatched")));
        LocalWatch.Observed first = entity.expectMessageClass(LocalWatch.Observed.class, Duration.ofSeconds(10));
        assertEquals(ObjectCodec.revisionOf(created), first.revision());
        assertEquals(created.metadata().uid(), first.object().metadata().uid());

        Result removed = await(writes.store().commit(new Change.Delete(created)));
        LocalWatch.Observed gone = entity.expectMessageClass(LocalWatch.Observed.class, Duration.ofSeconds(10));
        assertNull(gone.object(), "a removal is told as no object");
        assertEquals(ObjectCodec.revisionOf(((Result.Stored) removed).object()), gone.revision());
        entity.expectNoMessage(Duration.ofMillis(300));

        watch.unregister(Pod.KIND, "default/watched", entity.getRef());
        await(writes.apply(pod("watched")));
        entity.expectNoMessage(Duration.ofMillis(500));
    }

    @Test
    void theWatchGoesOnAfterEtcdIsKilledAndStartedAgain() throws Exception {
        TestProbe<EntityInput> entity = kit.createTestProbe();
        LocalWatch.get(kit.system()).register(Pod.KIND, "default/survivor", entity.getRef());
        etcd.kill(1);
        etcd.start(1);

        TestProbe<Boolean> written = kit.createTestProbe();
        written.awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
            try {
                if (await(writes.apply(pod("survivor"))).error() != null) {
                    throw new AssertionError("not written yet");
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
        // a watch that cannot resume where it was (its revision compacted) tells the entity to read again first
        EntityInput next = entity.receiveMessage(Duration.ofSeconds(20));
        while (next instanceof LocalWatch.Resync) {
            next = entity.receiveMessage(Duration.ofSeconds(20));
        }
        LocalWatch.Observed seen = assertInstanceOf(LocalWatch.Observed.class, next);
        assertEquals("survivor", seen.object().metadata().name());
    }

    private static Pod pod(String name) {
        Pod pod = AdmissionTest.pod("local/busybox:1", null, null);
        return (Pod) pod.withMetadata(new ObjectMeta(name, null, "default", null, null, null, null, null, null, null,
                null));
    }
}
