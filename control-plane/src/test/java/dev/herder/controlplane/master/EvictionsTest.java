package dev.herder.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictionsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private static Node node(String name, String ready, Instant lastHeartbeat) {
        NodeCondition condition = new NodeCondition("Ready", ready, null, null, lastHeartbeat.toString(), null);
        return new Node("v1", Node.KIND, new ObjectMeta(name, null, null, null, null, "n-" + name, "1", 1L, null, null,
                null), null, new NodeStatus(null, null, List.of(condition), null, null));
    }

    private static Pod terminating(String name, String node, Instant deadline) {
        Pod p = ClusterViewTest.pod(name, "u-" + name, "5", node, "t");
        return (Pod) p.withMetadata(p.metadata().withDeletionTimestamp(deadline == null ? null : deadline.toString()));
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.metadata().name()).sorted().toList();
    }

    @Test
    void removesTerminatingPodsPastTheirDeadlineOnLostOrGoneNodesOnly() {
        ClusterView view = new ClusterView();
        view.listed(Node.KIND, List.<ApiObject>of(node("ready", "True", NOW),
                node("lost", "Unknown", NOW.minus(TIMEOUT).minusSeconds(1)),
                node("late", "Unknown", NOW.minusSeconds(5))));
        view.listed(Pod.KIND, List.<ApiObject>of(
                terminating("on-ready", "ready", NOW.minusSeconds(60)),
                terminating("on-lost", "lost", NOW.minusSeconds(1)),
                terminating("on-lost-in-grace", "lost", NOW.plusSeconds(20)),
                terminating("on-late", "late", NOW.minusSeconds(60)),
                terminating("on-gone", "gone", NOW.minusSeconds(1)),
                terminating("running-on-gone", "gone", null)));
        Evictions evictions = new Evictions(TIMEOUT);
        assertEquals(List.of("on-gone", "on-lost"), names(evictions.abandonedTerminating(view, NOW)));
        assertEquals(List.of(), names(evictions.abandonedTerminating(view, NOW.plusSeconds(1))),
                "not asked again while its delete may be on its way");
        assertEquals(List.of("on-gone", "on-lost"),
                names(evictions.abandonedTerminating(view, NOW.plus(Evictions.RESEND).plusSeconds(1))));
        assertEquals(List.of(), evictions.due(view, NOW), "Terminating pods are not marked Failed");
    }
}
