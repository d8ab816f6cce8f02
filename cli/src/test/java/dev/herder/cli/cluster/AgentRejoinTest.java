package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agent that loses the whole control plane is downed by the Split Brain Resolver (it is in the minority of the
 * control-plane role), but its process stays up and joins again once the control plane is back: its nodes are
 * Ready again with fresh heartbeats and their pods still run.
 */
class AgentRejoinTest {
    private static final int BASE_PORT = 4350;

    @Test
    void anAgentJoinsAgainAfterTheWholeControlPlaneWasLost() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("agent-rejoin", BASE_PORT, 1)) {
            cluster.startAllControlPlanes();
            cluster.awaitUp(1, Duration.ofSeconds(60));
            Process agent = cluster.startSimulatedAgent("rejoin", 2, 0);
            cluster.awaitReadyNodes(2, Duration.ofSeconds(30));
            ApiResponse applied = cluster.call(new ApiRequest.Apply(List.copyOf(TestPods.pods("survivor", 4))));
            assertTrue(((ApiResponse.Applied) applied).allSucceeded(), () -> "apply failed: " + applied);
            awaitAllRunning(cluster, 4);

            cluster.kill(1);
            var log = cluster.dir().resolve("agent-rejoin.log");
            LocalCluster.await("the agent downed and about to join again", Duration.ofSeconds(40),
                    () -> read(log).contains("joining the cluster again"));
            assertTrue(agent.isAlive(), "the agent process outlives the control plane");

            cluster.startControlPlane(1);
            cluster.awaitUp(1, Duration.ofSeconds(60));
            LocalCluster.await("the agent's process back in the cluster", Duration.ofSeconds(60),
                    () -> cluster.status().members().stream().anyMatch(m -> m.roles().contains("agent")
                            && "Up".equals(m.status())));
            assertTrue(agent.isAlive(), "the same agent process joined again");
            cluster.awaitReadyNodes(2, Duration.ofSeconds(30));
            // pods bound after the rejoin reach the agent's new incarnation, and their status comes back
            ApiResponse more = cluster.call(new ApiRequest.Apply(List.copyOf(TestPods.pods("newcomer", 2))));
            assertTrue(((ApiResponse.Applied) more).allSucceeded(), () -> "apply failed: " + more);
            awaitAllRunning(cluster, 6);
        }
    }

    private static void awaitAllRunning(LocalCluster cluster, int count) {
        LocalCluster.await(count + " pods Running", Duration.ofSeconds(60), () -> cluster.<Pod>list(Pod.KIND).stream()
                .filter(p -> p.status() != null && "Running".equals(p.status().phase())).count() == count);
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
