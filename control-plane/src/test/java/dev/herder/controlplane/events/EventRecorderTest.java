package dev.herder.controlplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.api.ObjectLister;
import dev.herder.controlplane.store.EtcdMembers;
import dev.herder.controlplane.store.Stores;
import dev.herder.controlplane.store.TestEtcd;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events recorded, folded together and expired by their lease, on a real one-member etcd. */
class EventRecorderTest {
    private static EtcdMembers etcd;
    private ActorTestKit kit;

    @BeforeAll
    static void startEtcd() throws Exception {
        etcd = TestEtcd.start(EventRecorderTest.class, 5961, 5971, 1);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    /** A control-plane node on the test's etcd; each test's events live in a namespace of their own. */
    private void start(String settings) {
        kit = TestNode.start(etcd.endpointsConfig() + settings);
    }

    private static Pod pod(String namespace, String name, String uid) {
        return new Pod("v1", Pod.KIND, new ObjectMeta(name, null, namespace, null, null, uid, "5", null, null, null,
                null), null, null);
    }

    private List<Event> events(String namespace, String fieldSelector) {
        ApiResponse rsp = new ObjectLister(Stores.get(kit.system()).objects())
                .list(Event.KIND, namespace, null, fieldSelector, null, null).toCompletableFuture().join();
        return ((ApiResponse.Objects) rsp).items().stream().map(Event.class::cast).toList();
    }

    private List<Event> await(String namespace, String fieldSelector, Predicate<List<Event>> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<Event> found = events(namespace, fieldSelector);
        while (!done.test(found) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = events(namespace, fieldSelector);
        }
        return found;
    }

    @Test
    void repeatsAreOneEventThatCountsUpAlsoAcrossFlushes() throws Exception {
        start("");
        EventSink sink = Events.get(kit.system()).sink("test-controller");
        Pod web = pod("repeats", "web-1", "uid-1");
        for (int i = 0; i < 3; i++) {
            sink.record(web, Event.WARNING, "FailedScheduling", "0/3 nodes available: 3 insufficient cpu");
        }
        sink.record(web, Event.NORMAL, "Scheduled", "Successfully assigned repeats/web-1 to node-1");
        List<Event> first = await("repeats", "involvedObject.name=web-1", l -> l.size() == 2);
        Map<String, Event> byReason = first.stream().collect(Collectors.toMap(Event::reason, e -> e));
        Event failed = byReason.get("FailedScheduling");
        assertEquals(3, failed.count());
        assertEquals(1, byReason.get("Scheduled").count());
        assertEquals("test-controller", failed.source().component());
        assertEquals("uid-1", failed.involvedObject().uid());
        assertEquals("repeats", failed.metadata().namespace());

        Thread.sleep(50);
        sink.record(web, Event.WARNING, "FailedScheduling", "0/3 nodes available: 3 insufficient cpu");
        Event again = await("repeats", "reason=FailedScheduling", l -> l.size() == 1 && l.get(0).count() == 4).get(0);
        assertEquals(4, again.count());
        assertEquals(failed.metadata().uid(), again.metadata().uid());
        assertEquals(failed.firstTimestamp(), again.firstTimestamp());
        assertNotEquals(failed.lastTimestamp(), again.lastTimestamp());
        assertTrue(Long.parseLong(again.metadata().resourceVersion()) > Long.parseLong(failed.metadata().resourceVersion()));
    }

    @Test
    void anEventMadeByAnotherNodeIsCountedUpNotReplaced() throws Exception {
        start("");
        Pod web = pod("two-nodes", "web-1", "uid-1");
        Events.get(kit.system()).sink("test-controller").record(web, Event.NORMAL, "Moved", "the same happening");
        await("two-nodes", "reason=Moved", l -> l.size() == 1);
        kit.shutdownTestKit();
        // another control-plane node (a fresh JVM's recorder, which never wrote it) records the same happening twice
        start("");
        EventSink sink = Events.get(kit.system()).sink("test-controller");
        sink.record(web, Event.NORMAL, "Moved", "the same happening");
        sink.record(web, Event.NORMAL, "Moved", "the same happening");
        Event counted = await("two-nodes", "reason=Moved", l -> l.size() == 1 && l.get(0).count() == 3).get(0);
        assertEquals(3, counted.count(), "counted on from what the first node wrote");
    }

    @Test
    void anotherObjectOfTheSameNameHasItsOwnEventsAndANodesLiveInTheDefaultNamespace() throws Exception {
        start("");
        EventSink sink = Events.get(kit.system()).sink("test-controller");
        sink.record(pod("same-name", "web-1", "uid-1"), Event.NORMAL, "Scheduled", "same words");
        sink.record(pod("same-name", "web-1", "uid-2"), Event.NORMAL, "Scheduled", "same words");
        Node node = new Node("v1", Node.KIND, new ObjectMeta("node-ev-1", null, null, null, null, "n-uid", "1", null,
                null, null, null), null, null);
        sink.record(node, Event.WARNING, "NodeNotReady", "Node node-ev-1 status is now: NodeNotReady");
        List<Event> pods = await("same-name", "involvedObject.kind=Pod", l -> l.size() == 2);
        assertEquals(List.of("uid-1", "uid-2"), pods.stream().map(e -> e.involvedObject().uid()).sorted().toList());
        Event lost = await("default", "involvedObject.name=node-ev-1", l -> l.size() == 1).get(0);
        assertEquals("default", lost.metadata().namespace());
        assertEquals(null, lost.involvedObject().namespace());
    }

    @Test
    void aLongMessageIsCutToKubernetesLimit() throws Exception {
        start("");
        Events.get(kit.system()).sink("test-controller").record(pod("long", "web-1", "uid-1"), Event.WARNING, "Long",
                "x".repeat(5000));
        Event e = await("long", "reason=Long", l -> l.size() == 1).get(0);
        assertEquals(EventKeys.MAX_MESSAGE, e.message().length());
    }

    @Test
    void theStoreRemovesAnEventOnceItsLeaseEndsWhileOneSeenAgainStays() throws Exception {
        start("herder.control-plane.events { ttl = 2s, lease-reuse = 1s }\n");
        EventSink sink = Events.get(kit.system()).sink("test-controller");
        sink.record(pod("ttl", "old-1", "uid-old"), Event.NORMAL, "Old", "seen once");
        assertEquals(1, await("ttl", "reason=Old", l -> l.size() == 1).size());
        Instant until = Instant.now().plus(Duration.ofSeconds(6));
        while (Instant.now().isBefore(until)) {
            sink.record(pod("ttl", "busy-1", "uid-busy"), Event.NORMAL, "Busy", "seen again and again");
            Thread.sleep(250);
        }
        assertEquals(List.of(), await("ttl", "reason=Old", List::isEmpty), "the lease of an event seen once ended");
        assertEquals(1, events("ttl", "reason=Busy").size(), "an event written again within the TTL stays");
    }
}
