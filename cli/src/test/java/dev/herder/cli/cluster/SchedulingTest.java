package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.ResourceRequirements;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Master on real JVMs: a pod that fits no node stays Pending and says why, nodes whose agent died go
 * NotReady, and the pod is scheduled as soon as a node that fits registers.
 */
class SchedulingTest {
    private static final int BASE_PORT = 3950;
    /** not-ready-after (10 s in reference.conf) plus time for the Master to notice. */
    private static final Duration NOT_READY_WITHIN = Duration.ofSeconds(20);

    @Test
    void aPodThatFitsNowhereWaitsWithItsReasonsAndRunsOnceANodeFits() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("scheduling", BASE_PORT, 3)) {
            cluster.startAllControlPlanes();
            cluster.awaitUp(3, Duration.ofSeconds(60));
            Process small = cluster.startSimulatedAgent("small", 2, 0, "herder.agent.capacity.cpu = \"1\"\n");
            cluster.awaitReadyNodes(2, Duration.ofSeconds(30));

            ApiResponse applied = cluster.call(new ApiRequest.Apply(List.<ApiObject>of(bigPod())));
            assertTrue(((ApiResponse.Applied) applied).allSucceeded(), () -> "apply failed: " + applied);
            awaitReason(cluster, "0/2 nodes available: 2 insufficient cpu");

            small.destroyForcibly();
            small.waitFor(10, TimeUnit.SECONDS);
            LocalCluster.await("both nodes NotReady", NOT_READY_WITHIN, () -> cluster.<Node>list(Node.KIND).stream()
                    .noneMatch(LocalCluster::ready));
            Node gone = cluster.<Node>list(Node.KIND).get(0);
            assertEquals("Unknown", LocalCluster.readyCondition(gone).status());
            awaitReason(cluster, "0/2 nodes available: 2 not ready");

            cluster.startSimulatedAgent("large", 1, 1, "herder.agent.capacity.cpu = \"4\"\n");
            LocalCluster.await("the pod Running on large-1", Duration.ofSeconds(30), () -> {
                Pod pod = cluster.<Pod>list(Pod.KIND).get(0);
                return "large-1".equals(pod.spec().nodeName()) && "Running".equals(pod.status().phase());
            });
        }
    }

    private static void awaitReason(LocalCluster cluster, String message) {
        LocalCluster.await("PodScheduled=False with \"" + message + "\"", Duration.ofSeconds(30), () -> {
            Pod pod = cluster.<Pod>list(Pod.KIND).get(0);
            PodCondition scheduled = pod.status().conditions().stream()
                    .filter(c -> "PodScheduled".equals(c.type())).findFirst().orElse(null);
            return pod.spec().nodeName() == null && "Pending".equals(pod.status().phase()) && scheduled != null
                    && "False".equals(scheduled.status()) && "Unschedulable".equals(scheduled.reason())
                    && message.equals(scheduled.message());
        });
    }

    private static Pod bigPod() {
        Container c = new Container("main", "local/busybox:1", List.of("sleep", "3600"), null, null, null, null,
                new ResourceRequirements(Map.of("cpu", "2", "memory", "64Mi"), null), null, null, null, null, null, null,
                null);
        return new Pod("v1", Pod.KIND, new ObjectMeta("big", null, "default", null, null, null, null, null, null, null,
                null), new PodSpec(List.of(c), null, null, "Always", null, null, null, null, null, null), null);
    }
}
