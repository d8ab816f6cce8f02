package dev.herder.controlplane.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.pods.PodCommands;
import dev.herder.controlplane.pods.PodRules;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.EntityMessage;
import java.nio.file.Path;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity that owns an object, on a real (one-node, durable) Distributed Data store. */
class ObjectEntityTest {
    @TempDir
    Path dir;
    private ActorTestKit kit;
    private StoreKeys keys;

    @BeforeEach
    void start() {
        kit = TestNode.start(dir);
        keys = new StoreKeys(4);
    }

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    private ActorRef<EntityMessage> entity() {
        return kit.spawn(ObjectEntity.create(Pod.KIND, "default/web", keys, new PodRules(), TestNode.settings(kit)));
    }

    private ApiResponse.ApplyOutcome apply(ActorRef<EntityMessage> entity, Pod pod) {
        TestProbe<ApiResponse> probe = kit.createTestProbe();
        entity.tell(new EntityCommand.Apply(pod, probe.getRef()));
        return ((ApiResponse.Applied) probe.receiveMessage()).outcomes().get(0);
    }

    @Test
    void createsThenReportsUnchangedThenRefusesAStaleWrite() {
        ActorRef<EntityMessage> entity = entity();
        ApiResponse.ApplyOutcome created = apply(entity, AdmissionTest.pod("a:1", null, null));
        assertEquals("created", created.action());
        assertEquals("unchanged", apply(entity, AdmissionTest.pod("a:1", null, null)).action());
        String rv = created.object().metadata().resourceVersion();
        assertEquals("configured", apply(entity, AdmissionTest.pod("a:2", rv, null)).action());
        ApiResponse.ApplyOutcome stale = apply(entity, AdmissionTest.pod("a:3", rv, null));
        assertEquals(ApiError.Code.CONFLICT, stale.error().code());
    }

    @Test
    void aNewIncarnationReadsWhatTheLastOneWrote() {
        ActorRef<EntityMessage> first = entity();
        ApiResponse.ApplyOutcome created = apply(first, AdmissionTest.pod("a:1", null, null));
        kit.stop(first);
        TestProbe<ApiResponse> probe = kit.createTestProbe();
        entity().tell(new EntityCommand.Get(probe.getRef()));
        ApiResponse.Objects found = assertInstanceOf(ApiResponse.Objects.class, probe.receiveMessage());
        assertEquals(created.object(), found.items().get(0));
    }

    @Test
    void bindsOnceAndKeepsTheFirstNode() {
        ActorRef<EntityMessage> entity = entity();
        String uid = apply(entity, AdmissionTest.pod("a:1", null, null)).object().metadata().uid();
        TestProbe<PodCommands.BindResult> probe = kit.createTestProbe();
        entity.tell(new PodCommands.Bind("node-1", uid, probe.getRef()));
        assertEquals("node-1", probe.receiveMessage().pod().spec().nodeName());
        entity.tell(new PodCommands.Bind("node-2", uid, probe.getRef()));
        assertEquals("node-1", probe.receiveMessage().pod().spec().nodeName());
    }

    @Test
    void deletesAndThenAnswersNotFound() {
        ActorRef<EntityMessage> entity = entity();
        apply(entity, AdmissionTest.pod("a:1", null, null));
        TestProbe<ApiResponse> probe = kit.createTestProbe();
        entity.tell(new EntityCommand.Delete(probe.getRef()));
        assertInstanceOf(ApiResponse.Deleted.class, probe.receiveMessage());
        entity.tell(new EntityCommand.Get(probe.getRef()));
        ApiResponse.Failure gone = assertInstanceOf(ApiResponse.Failure.class, probe.receiveMessage());
        assertEquals(ApiError.Code.NOT_FOUND, gone.error().code());
        assertTrue(gone.error().message().contains("pods \"web\" not found"), gone.error().message());
    }
}
