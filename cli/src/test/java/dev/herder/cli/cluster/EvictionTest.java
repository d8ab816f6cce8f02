package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node lost with its agent: once its last heartbeat is older than the eviction timeout its pods are marked
 * Failed (NodeLost) and their controller replaces them on the nodes left; the agent back does not bring them
 * back to life.
 */
class EvictionTest {
    private static final int BASE_PORT = 4650;
    private static final Duration EVICTION = Duration.ofSeconds(6);

    @Test
    void theLostNodesPodsAreReplacedElsewhereAndStayFailedWhenItComesBack() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("eviction", BASE_PORT, 1)) {
            cluster.controlPlaneConfig("herder.control-plane.nodes.not-ready-after = 3s\n"
                    + "herder.control-plane.nodes.pod-eviction-timeout = " + EVICTION.toSeconds() + "s\n");
            cluster.startAllControlPlanes();
            cluster.awaitUp(1, Duration.ofSeconds(60));
            Process lost = cluster.startSimulatedAgent("lost", 1, 0);
            cluster.startSimulatedAgent("kept", 2, 1);
            cluster.awaitReadyNodes(3, Duration.ofSeconds(30));
            ApiResponse applied = cluster.call(new ApiRequest.Apply(ManifestReader.read(
                    "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: spread\nspec:\n  replicas: 6\n"
                            + "  selector:\n    app: spread\n  template:\n    metadata:\n      labels:\n        app: spread\n"
                            + "    spec:\n      containers:\n      - name: main\n        image: local/busybox:1\n", "test")
                    .objects()));
            assertTrue(((ApiResponse.Applied) applied).allSucceeded(), () -> "apply failed: " + applied);
            awaitRunning(cluster, 6);
            List<String> onLost = running(cluster).stream().filter(p -> p.spec().nodeName().equals("lost-1"))
                    .map(p -> p.metadata().name()).toList();
            assertEquals(2, onLost.size(), "the 6 replicas are spread 2 per node");

            lost.destroyForcibly();
            assertTrue(lost.waitFor(10, TimeUnit.SECONDS));
            // counted from the kill, which is after the node's last heartbeat
            LocalCluster.await("6 replicas Running on the nodes left", EVICTION.plusSeconds(5), () -> {
                List<Pod> running = running(cluster);
                return running.size() == 6 && running.stream().noneMatch(p -> p.spec().nodeName().equals("lost-1"));
            });
            for (String name : onLost) {
                Pod evicted = pod(cluster, name);
                assertEquals("Failed", evicted.status().phase());
                assertEquals("NodeLost", evicted.status().reason());
                assertTrue(evicted.status().message().contains("lost-1"), evicted.status().message());
            }

            cluster.awaitEvents("involvedObject.name=lost-1,reason=NodeNotReady,type=Warning", 1, Duration.ofSeconds(10));
            for (String name : onLost) {
                var lostEvent = cluster.awaitEvents("involvedObject.name=" + name + ",reason=NodeLost", 1,
                        Duration.ofSeconds(10)).get(0);
                assertEquals("node-controller", lostEvent.source().component());
                assertTrue(lostEvent.message().startsWith("Marking the pod Failed: node lost-1 stopped posting"),
                        lostEvent.message());
            }
            // 6 pods at first and one replacement for each evicted pod
            cluster.awaitEvents("involvedObject.name=spread,reason=SuccessfulCreate", 8, Duration.ofSeconds(10));

            cluster.startSimulatedAgent("lost", 1, 0);
            LocalCluster.await("lost-1 Ready again", Duration.ofSeconds(30),
                    () -> cluster.<dev.herder.protocol.api.Node>list("Node").stream()
                            .anyMatch(n -> n.metadata().name().equals("lost-1") && LocalCluster.ready(n)));
            Thread.sleep(3000); // the agent's first reports have come and gone
            assertEquals(6, running(cluster).size(), "no duplicates: the evicted pods did not come back");
            for (String name : onLost) {
                assertEquals("Failed", pod(cluster, name).status().phase());
            }
            cluster.awaitEvents("involvedObject.name=lost-1,reason=NodeReady", 1, Duration.ofSeconds(10));
            var described = cluster.herder("describe", "node", "lost-1");
            assertTrue(described.out().matches("(?s).*\\n  Normal +RegisteredNode .*\\n  Warning +NodeNotReady .*"
                    + "\\n  Normal +NodeReady +\\d+s +node-controller +Node lost-1 status is now: NodeReady.*"),
                    described.out());
        }
    }

    private static List<Pod> running(LocalCluster cluster) {
        return cluster.<Pod>list(Pod.KIND).stream()
                .filter(p -> p.status() != null && "Running".equals(p.status().phase())).toList();
    }

    private static void awaitRunning(LocalCluster cluster, int count) {
        LocalCluster.await(count + " pods Running", Duration.ofSeconds(60), () -> running(cluster).size() == count);
    }

    private static Pod pod(LocalCluster cluster, String name) {
        return (Pod) ((ApiResponse.Objects) cluster.call(new ApiRequest.Get(Pod.KIND, "default", name, null))).items().get(0);
    }
}
