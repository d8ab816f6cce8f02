package dev.herder.controlplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.api.ObjectLister;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events recorded, folded together and expired, on a real (one-node, durable) Distributed Data store. */
class EventRecorderTest {
    @TempDir
    Path dir;
    private ActorTestKit kit;

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    private static Pod pod(String name, String uid) {
        return new Pod("v1", Pod.KIND, new ObjectMeta(name, null, "default", null, null, uid, "5", null, null, null,
                null), null, null);
    }

    private List<Event> events(String fieldSelector) {
        var settings = TestNode.settings(kit);
        ApiResponse rsp = new ObjectLister(kit.system(), StoreKeys.of(settings), settings)
                .list(Event.KIND, null, null, fieldSelector).toCompletableFuture().join();
        return ((ApiResponse.Objects) rsp).items().stream().map(Event.class::cast).toList();
    }

    private List<Event> await(String fieldSelector, Predicate<List<Event>> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<Event> found = events(fieldSelector);
        while (!done.test(found) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = events(fieldSelector);
        }
        return found;
    }

    @Test
    void repeatsAreOneEventThatCountsUpAlsoAcrossFlushes() throws Exception {
        kit = TestNode.start(dir);
        EventSink sink = Events.get(kit.system()).sink("test-controller");
        Pod web = pod("web-1", "uid-1");
        for (int i = 0; i < 3; i++) {
            sink.record(web, Event.WARNING, "FailedScheduling", "0/3 nodes available: 3 insufficient cpu");
        }
        sink.record(web, Event.NORMAL, "Scheduled", "Successfully assigned default/web-1 to node-1");
        List<Event> first = await("involvedObject.name=web-1", l -> l.size() == 2);
        Map<String, Event> byReason = first.stream().collect(Collectors.toMap(Event::reason, e -> e));
        Event failed = byReason.get("FailedScheduling");
        assertEquals(3, failed.count());
        assertEquals(1, byReason.get("Scheduled").count());
        assertEquals("test-controller", failed.source().component());
        assertEquals("uid-1", failed.involvedObject().uid());
        assertEquals("default", failed.metadata().namespace());

        Thread.sleep(50);
        sink.record(web, Event.WARNING, "FailedScheduling", "0/3 nodes available: 3 insufficient cpu");
        Event again = await("reason=FailedScheduling", l -> l.size() == 1 && l.get(0).count() == 4).get(0);
        assertEquals(4, again.count());
        assertEquals(failed.metadata().uid(), again.metadata().uid());
        assertEquals(failed.firstTimestamp(), again.firstTimestamp());
        assertNotEquals(failed.lastTimestamp(), again.lastTimestamp());
        assertEquals(true, Long.parseLong(again.metadata().resourceVersion())
                > Long.parseLong(failed.metadata().resourceVersion()));
    }

    @Test
    void anotherObjectOfTheSameNameHasItsOwnEventsAndANodesLiveInTheDefaultNamespace() throws Exception {
        kit = TestNode.start(dir);
        EventSink sink = Events.get(kit.system()).sink("test-controller");
        sink.record(pod("web-1", "uid-1"), Event.NORMAL, "Scheduled", "same words");
        sink.record(pod("web-1", "uid-2"), Event.NORMAL, "Scheduled", "same words");
        Node node = new Node("v1", Node.KIND, new ObjectMeta("node-1", null, null, null, null, "n-uid", "1", null, null,
                null, null), null, null);
        sink.record(node, Event.WARNING, "NodeNotReady", "Node node-1 status is now: NodeNotReady");
        List<Event> pods = await("involvedObject.kind=Pod", l -> l.size() == 2);
        assertEquals(List.of("uid-1", "uid-2"), pods.stream().map(e -> e.involvedObject().uid()).sorted().toList());
        Event lost = await("involvedObject.kind=Node", l -> l.size() == 1).get(0);
        assertEquals("default", lost.metadata().namespace());
        assertEquals(null, lost.involvedObject().namespace());
    }

    @Test
    void aLongMessageIsCutToKubernetesLimit() throws Exception {
        kit = TestNode.start(dir);
        Events.get(kit.system()).sink("test-controller").record(pod("web-1", "uid-1"), Event.WARNING, "Long",
                "x".repeat(5000));
        Event e = await("reason=Long", l -> l.size() == 1).get(0);
        assertEquals(EventKeys.MAX_MESSAGE, e.message().length());
    }

    @Test
    void eventsLastSeenLongerAgoThanTheTtlAreRemoved() throws Exception {
        kit = TestNode.start(dir, "herder.control-plane.events { ttl = 2s, prune-interval = 200ms }");
        EventSink sink = Events.get(kit.system()).sink("test-controller");
        sink.record(pod("old-1", "uid-old"), Event.NORMAL, "Old", "seen once");
        await("reason=Old", l -> l.size() == 1);
        var settings = TestNode.settings(kit);
        kit.spawn(EventPruner.create(StoreKeys.of(settings), settings));
        Instant until = Instant.now().plus(Duration.ofSeconds(4));
        while (Instant.now().isBefore(until)) {
            sink.record(pod("busy-1", "uid-busy"), Event.NORMAL, "Busy", "seen again and again");
            Thread.sleep(250);
        }
        assertEquals(List.of(), await("reason=Old", List::isEmpty));
        assertEquals(1, events("reason=Busy").size(), "an event seen within the TTL stays");
    }
}
