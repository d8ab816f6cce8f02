package dev.herder.controlplane.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.objects.KindRules;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeSpec;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.wire.NodeHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Heartbeats that describe the node register and update it; those that only say it is alive keep it Ready. */
class NodeRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final List<String> events = new ArrayList<>();
    private final NodeRules rules = new NodeRules(Duration.ofSeconds(10), Duration.ofSeconds(1),
            (involved, type, reason, message) -> events.add(reason));

    private static Node described() {
        return new Node("v1", Node.KIND, new ObjectMeta("n1", null, null, Map.of("zone", "a"), Map.of(), null, null,
                null, null, null, null), new NodeSpec(false, null, null),
                new NodeStatus(Map.of("cpu", "4", "pods", "110"), null, null, null, null));
    }

    private static Node stored(String ready) {
        return new Node("v1", Node.KIND, new ObjectMeta("n1", null, null, Map.of("zone", "a"), Map.of(), "uid-n1", "7",
                1L, "2026-12-03T11:00:00Z", null, null), new NodeSpec(false, null, null),
                new NodeStatus(Map.of("cpu", "4", "pods", "110"), Map.of("cpu", "4", "pods", "110"),
                        List.of(new NodeCondition("Ready", ready, null, null, "2026-12-03T11:59:00Z",
                                "2026-12-03T11:59:00Z")), null, null));
    }

    @Test
    void aHeartbeatWithoutTheNodeRegistersNothingAndOneWithItRegistersTheNodeReady() {
        assertNull(rules.onMessage(new NodeHeartbeat(null, 1), Optional.empty(), NOW).write());
        ApiObject registered = rules.onMessage(new NodeHeartbeat(described(), 2), Optional.empty(), NOW).write();
        assertNotNull(registered);
        assertTrue(NodeRules.isReady((Node) registered));
        assertEquals("4", ((Node) registered).status().capacity().get("cpu"));
    }

    @Test
    void aHeartbeatWithoutTheNodeKeepsAReadyNodeUnwrittenAndBringsANotReadyOneBackAsStored() {
        KindRules.Reaction steady = rules.onMessage(new NodeHeartbeat(null, 1), Optional.of(stored("True")), NOW);
        assertNull(steady.write(), "a steady heartbeat costs no write");
        Node back = (Node) rules.onMessage(new NodeHeartbeat(null, 2), Optional.of(stored("Unknown")), NOW).write();
        assertNotNull(back, "a node that was not Ready is Ready again");
        assertTrue(NodeRules.isReady(back));
        assertEquals(stored("Unknown").metadata().labels(), back.metadata().labels());
        assertEquals(stored("Unknown").status().capacity(), back.status().capacity());
    }

    @Test
    void aDescribingHeartbeatKeepsTheLabelsAUserAddedAndSetsTheAgentsOwn() {
        Node labelled = stored("True");
        ObjectMeta m = labelled.metadata();
        labelled = new Node("v1", Node.KIND, new ObjectMeta(m.name(), null, null, Map.of("zone", "b", "disk", "ssd"),
                Map.of(), m.uid(), m.resourceVersion(), m.generation(), m.creationTimestamp(), null, null),
                labelled.spec(), labelled.status());
        Node written = (Node) rules.onMessage(new NodeHeartbeat(described(), 1), Optional.of(labelled), NOW).write();
        assertNotNull(written, "the agent's zone differs from the stored one");
        assertEquals(Map.of("zone", "a", "disk", "ssd"), written.metadata().labels());
    }
}
