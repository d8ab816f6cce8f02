package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three control-plane JVMs and one JVM of simulated nodes on loopback. 50 pods run; the JVM holding the
 * Master is killed with SIGKILL; another takes over, nothing acknowledged is lost, and scheduling goes on.
 */
class MasterFailoverTest {
    private static final int BASE_PORT = 3550;
    private static final Duration NEW_LEADER_WITHIN = Duration.ofSeconds(15);

    @Test
    void anotherNodeTakesOverAfterKillOfTheMasterAndNothingIsLost() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("master-failover", BASE_PORT, 3)) {
            cluster.startAllControlPlanes();
            cluster.awaitUp(3, Duration.ofSeconds(60));
            cluster.startSimulatedAgent("sim", 3, 0);
            cluster.awaitReadyNodes(3, Duration.ofSeconds(30));

            ApiResponse applied = cluster.call(new ApiRequest.Apply(TestPods.pods("before", 50)));
            assertTrue(((ApiResponse.Applied) applied).allSucceeded(), () -> "apply failed: " + applied);
            awaitRunning(cluster, 50);
            Map<String, Pod> before = byName(cluster.list(Pod.KIND));

            String leader = cluster.status().leader();
            assertNotNull(leader, "a leader before the kill");
            long killedAt = System.nanoTime();
            cluster.kill(cluster.indexOf(leader));
            LocalCluster.await("a new leader", NEW_LEADER_WITHIN, () -> {
                String now = cluster.status().leader();
                return now != null && !now.equals(leader);
            });
            long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.println("new leader " + cluster.status().leader() + " " + takeoverMillis + " ms after kill -9 of " + leader);
            assertNotEquals(leader, cluster.status().leader());

            List<Map<String, Pod>> answer = new java.util.ArrayList<>();
            LocalCluster.await("pods listed after the failover", Duration.ofSeconds(30),
                    () -> answer.add(byName(cluster.list(Pod.KIND))));
            Map<String, Pod> after = answer.get(0);
            assertEquals(before.keySet(), after.keySet(), "every pod acknowledged before the kill is still there");
            for (Pod was : before.values()) {
                Pod is = after.get(was.metadata().name());
                assertEquals(was.spec(), is.spec(), "spec and binding of " + was.metadata().name());
                assertEquals(was.metadata().uid(), is.metadata().uid());
                assertTrue(Long.parseLong(is.metadata().resourceVersion()) >= Long.parseLong(was.metadata().resourceVersion()),
                        "resourceVersion of " + was.metadata().name() + " never goes down");
            }

            ApiResponse more = cluster.call(new ApiRequest.Apply(TestPods.pods("after", 10)));
            assertTrue(((ApiResponse.Applied) more).allSucceeded(), () -> "apply after failover failed: " + more);
            awaitRunning(cluster, 60);
        }
    }

    private static void awaitRunning(LocalCluster cluster, int count) {
        LocalCluster.await(count + " pods Running", Duration.ofSeconds(60), () -> {
            List<Pod> pods = cluster.list(Pod.KIND);
            return pods.size() == count && pods.stream().allMatch(p -> p.spec().nodeName() != null
                    && p.status() != null && "Running".equals(p.status().phase()));
        });
    }

    private static Map<String, Pod> byName(List<Pod> pods) {
        return pods.stream().collect(Collectors.toMap(p -> p.metadata().name(), Function.identity()));
    }
}
