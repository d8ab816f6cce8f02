package dev.herder.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.wire.EntityMessage;
import dev.herder.protocol.wire.NodeCommand;
import dev.herder.protocol.wire.NodeHeartbeat;
import dev.herder.protocol.wire.PodAssignments;
import dev.herder.protocol.wire.PodCommand;
import dev.herder.protocol.wire.PodStatusReport;
import dev.herder.protocol.wire.PodTerminated;
import dev.herder.protocol.wire.ServiceCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A simulated node's agent: registers by heartbeat, runs what it is assigned, drops what is taken away. */
class NodeAgentTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final Duration START_DELAY = Duration.ofMillis(50);
    private static final Duration REPORT_AGAIN_AFTER = Duration.ofMillis(300);

    record Sent(String kind, String entityId, EntityMessage message) {
    }

    /** A control plane that hands each message the agent sends, with its kind and entity, to the probe. */
    private static ControlPlane recording(TestProbe<Sent> probe) {
        return new ControlPlane() {
            @Override
            public void tellPod(String key, PodCommand message) {
                probe.getRef().tell(new Sent(Pod.KIND, key, message));
            }

            @Override
            public void tellNode(String name, NodeCommand message) {
                probe.getRef().tell(new Sent(Node.KIND, name, message));
            }

            @Override
            public void tellService(String key, ServiceCommand message) {
                probe.getRef().tell(new Sent("Service", key, message));
            }
        };
    }

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static AgentSettings settings() {
        return new AgentSettings("sim-1", "127.0.0.9", Map.of("zone", "a"), Map.of("cpu", "4", "memory", "8Gi", "pods", "110"),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30), REPORT_AGAIN_AFTER, START_DELAY);
    }

    private static Pod pod(String name, String uid) {
        Container c = new Container("main", "img", null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new Pod("v1", Pod.KIND, new ObjectMeta(name, null, "default", null, null, uid, "1", 1L, null, null, null),
                new PodSpec(List.of(c), null, null, null, null, "sim-1", null, null, null, null), null);
    }

    private static <T extends EntityMessage> T expect(TestProbe<Sent> probe, Class<T> type) {
        Sent sent = probe.fishForMessage(Duration.ofSeconds(3), s -> type.isInstance(s.message())
                ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore()).get(0);
        return type.cast(sent.message());
    }

    @Test
    void registersItsNodeWithAddressCapacityLabelsAndItsOwnPath() {
        TestProbe<Sent> probe = KIT.createTestProbe();
        ActorRef<?> agent = KIT.spawn(NodeAgent.create(settings(), recording(probe)));
        NodeHeartbeat beat = expect(probe, NodeHeartbeat.class);
        Node node = beat.node();
        assertEquals("sim-1", node.metadata().name());
        assertEquals("a", node.metadata().labels().get("zone"));
        assertEquals("4", node.status().capacity().get("cpu"));
        assertEquals("127.0.0.9", node.status().addresses().get(0).address());
        assertTrue(node.metadata().annotations().get(Node.AGENT_ANNOTATION).contains("/user/" + agent.path().name()));
    }

    @Test
    void heartbeatsBetweenNodeStatusIntervalsOnlySayTheNodeIsAlive() {
        TestProbe<Sent> probe = KIT.createTestProbe();
        AgentSettings s = settings();
        AgentSettings frequent = new AgentSettings(s.nodeName(), s.address(), s.labels(), s.capacity(),
                Duration.ofMillis(50), Duration.ofMillis(400), s.statusResync(), s.reportAgainAfter(), s.simulatedStartDelay());
        KIT.spawn(NodeAgent.create(frequent, recording(probe)));
        List<Node> carried = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            carried.add(expect(probe, NodeHeartbeat.class).node());
        }
        assertTrue(carried.get(0) != null, "the first heartbeat describes the node");
        long described = carried.stream().filter(java.util.Objects::nonNull).count();
        // 12 heartbeats at least 50 ms apart span 550 ms or more: the node is described again after 400 ms, and
        // most of them only say it is alive
        assertTrue(described >= 2 && described <= carried.size() / 2, described + " of 12 heartbeats described the node");
    }

    @Test
    void runsAssignedPodsAndReportsThemRunningAfterTheStartDelay() {
        TestProbe<Sent> probe = KIT.createTestProbe();
        var agent = KIT.spawn(NodeAgent.create(settings(), recording(probe)));
        agent.tell(new PodAssignments("sim-1", 10, true, List.of(pod("a", "u-a")), List.of()));
        PodStatusReport report = expect(probe, PodStatusReport.class);
        assertEquals("u-a", report.uid());
        assertEquals("Running", report.status().phase());
        assertEquals("127.0.0.9", report.status().hostIP());
        assertTrue(report.status().containerStatuses().get(0).ready());
    }

    @Test
    void ignoresStaleAssignmentsAndStopsWhatADeltaRemoves() {
        TestProbe<Sent> probe = KIT.createTestProbe();
        var agent = KIT.spawn(NodeAgent.create(settings(), recording(probe)));
        expect(probe, NodeHeartbeat.class);
        agent.tell(new PodAssignments("sim-1", 10, true, List.of(pod("a", "u-a")), List.of()));
        agent.tell(new PodAssignments("sim-1", 11, false, List.of(), List.of("u-a")));
        agent.tell(new PodAssignments("sim-1", 9, false, List.of(pod("b", "u-b")), List.of()));
        probe.expectNoMessage(START_DELAY.multipliedBy(6));
        agent.tell(new PodAssignments("sim-1", 12, false, List.of(pod("c", "u-c")), List.of()));
        assertEquals("u-c", expect(probe, PodStatusReport.class).uid());
    }

    @Test
    void reportsAgainWhenTheStoredStatusStaysBehindAndOnlyThen() {
        TestProbe<Sent> probe = KIT.createTestProbe();
        var agent = KIT.spawn(NodeAgent.create(settings(), recording(probe)));
        agent.tell(new PodAssignments("sim-1", 10, true, List.of(pod("a", "u-a")), List.of()));
        PodStatusReport first = expect(probe, PodStatusReport.class);
        // the Master's next list does not show the status yet: the report may be on its way, so it is left alone
        agent.tell(new PodAssignments("sim-1", 11, true, List.of(pod("a", "u-a")), List.of()));
        probe.expectNoMessage(REPORT_AGAIN_AFTER);
        // a list that still lacks it after report-again-after: the report was lost on the way, and goes again
        agent.tell(new PodAssignments("sim-1", 12, true, List.of(pod("a", "u-a")), List.of()));
        PodStatusReport again = expect(probe, PodStatusReport.class);
        assertEquals(first.status(), again.status());
        assertTrue(again.version() > first.version(), "a report sent again is a newer snapshot");
        probe.expectNoMessage(REPORT_AGAIN_AFTER);
        // once the stored status agrees, no list causes a report
        Pod stored = pod("a", "u-a").withStatus(again.status());
        agent.tell(new PodAssignments("sim-1", 13, true, List.of(stored), List.of()));
        agent.tell(new PodAssignments("sim-1", 14, false, List.of(stored), List.of()));
        probe.expectNoMessage(START_DELAY.multipliedBy(6));
    }

    @Test
    void saysATerminatingPodHasStoppedAndSaysItAgainOnlyAfterAWhile() {
        TestProbe<Sent> probe = KIT.createTestProbe();
        var agent = KIT.spawn(NodeAgent.create(settings(), recording(probe)));
        agent.tell(new PodAssignments("sim-1", 10, true, List.of(pod("a", "u-a")), List.of()));
        assertEquals("u-a", expect(probe, PodStatusReport.class).uid());
        Pod marked = pod("a", "u-a").withMetadata(pod("a", "u-a").metadata()
                .withDeletionTimestamp(Instant.now().plusSeconds(30).toString()));
        agent.tell(new PodAssignments("sim-1", 11, false, List.of(marked), List.of()));
        PodTerminated terminated = expect(probe, PodTerminated.class);
        assertEquals(new PodTerminated("default", "a", "u-a", "sim-1"), terminated);
        // the Master's next list still holds it (its entity has not removed it yet): not said again at once
        agent.tell(new PodAssignments("sim-1", 12, true, List.of(marked), List.of()));
        probe.expectNoMessage(REPORT_AGAIN_AFTER);
        // still there after report-again-after: the word was lost, and goes again; no status reports for it
        agent.tell(new PodAssignments("sim-1", 13, true, List.of(marked), List.of()));
        Sent again = probe.receiveMessage(Duration.ofSeconds(3));
        assertEquals(terminated, again.message());
    }

    @Test
    void neverStartsAPodThatIsTerminatingWhenItFirstHearsOfIt() {
        TestProbe<Sent> probe = KIT.createTestProbe();
        var agent = KIT.spawn(NodeAgent.create(settings(), recording(probe)));
        expect(probe, NodeHeartbeat.class);
        Pod marked = pod("b", "u-b").withMetadata(pod("b", "u-b").metadata()
                .withDeletionTimestamp(Instant.now().toString()));
        agent.tell(new PodAssignments("sim-1", 10, true, List.of(marked), List.of()));
        assertEquals("u-b", expect(probe, PodTerminated.class).uid());
        // a started pod would be reported Running after the start delay
        probe.expectNoMessage(START_DELAY.multipliedBy(6));
    }

    @Test
    void theGraceLeftIsTheTimeToTheDeletionTimestamp() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        Pod marked = pod("c", "u-c").withMetadata(pod("c", "u-c").metadata().withDeletionTimestamp("2026-12-04T10:00:20Z"));
        assertEquals(Duration.ofSeconds(20), NodeAgent.graceLeft(marked, now));
        assertEquals(Duration.ZERO, NodeAgent.graceLeft(marked, now.plusSeconds(21)));
    }
}
