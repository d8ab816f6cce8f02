package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.ContainerInfo;
import dev.herder.agent.runtime.ContainerSpec;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.DockerSettings;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two agents on one Docker engine, as a local cluster on one machine has them: each adopts, sweeps and stops only
 * the containers labelled with its own node, and neither touches a container Herder did not create.
 */
class SharedEngineTest {
    private static final int BASE_PORT = 4250;
    private static final String NODE_A = "shared-a";
    private static final String NODE_B = "shared-b";

    @Test
    void twoAgentsOnOneEngineLeaveEachOthersContainersAlone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> extra = new ArrayList<>();
        try (DockerRuntime docker = new DockerRuntime(DockerSettings.from(ConfigFactory.load()));
             LocalCluster cluster = LocalCluster.inFolder("shared-engine", BASE_PORT, 1)) {
            docker.version();
            cluster.startAllControlPlanes();
            cluster.awaitUp(1, Duration.ofSeconds(60));
            String fast = "herder.agent.pods.poll-interval = 300ms\n";
            Process agentA = cluster.startDockerAgent(NODE_A, "127.0.0.2", 0, fast);
            Process agentB = cluster.startDockerAgent(NODE_B, "127.0.0.3", 1, fast);
            cluster.awaitReadyNodes(2, Duration.ofSeconds(40));
            try {
                apply(cluster, pinned("pod-a", NODE_A) + "---\n" + pinned("pod-b", NODE_B));
                Pod a = awaitRunning(cluster, "pod-a");
                Pod b = awaitRunning(cluster, "pod-b");
                String aContainer = a.status().containerStatuses().get(0).containerID();
                String bContainer = b.status().containerStatuses().get(0).containerID();

                // B is away (its containers keep running) while A restarts and sweeps: B's orphan waits for B
                agentB.destroy();
                assertTrue(agentB.waitFor(30, TimeUnit.SECONDS), "agent B stopped");
                String foreign = startSleeper(docker, "herder-test-foreign-" + run, Map.of("purpose", "not herder's"));
                String orphanA = startSleeper(docker, "herder-test-orphan-a-" + run, orphanLabels(NODE_A));
                String orphanB = startSleeper(docker, "herder-test-orphan-b-" + run, orphanLabels(NODE_B));
                extra.addAll(List.of(foreign, orphanA, orphanB));

                agentA.destroy();
                assertTrue(agentA.waitFor(30, TimeUnit.SECONDS), "agent A stopped");
                cluster.startDockerAgent(NODE_A, "127.0.0.2", 0, fast);

                LocalCluster.await("agent A removes its own orphan", Duration.ofSeconds(40),
                        () -> docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, "gone-" + NODE_A)).isEmpty());
                assertRunning(docker, orphanB, "agent B's orphan is B's business, not A's");
                assertRunning(docker, foreign, "a container Herder did not create");
                assertRunning(docker, bContainer, "pod-b's container on node B");
                assertRunning(docker, aContainer, "pod-a's container, adopted by the restarted agent A");

                cluster.startDockerAgent(NODE_B, "127.0.0.3", 1, fast);
                LocalCluster.await("agent B, back, removes its own orphan", Duration.ofSeconds(40),
                        () -> docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, "gone-" + NODE_B)).isEmpty());
                assertRunning(docker, bContainer, "pod-b's container, adopted by the restarted agent B");
                assertRunning(docker, foreign, "a container Herder did not create, after B's sweep");

                ApiResponse deleted = cluster.call(new ApiRequest.Delete(Pod.KIND, "default", "pod-a"));
                assertTrue(deleted instanceof ApiResponse.Deleted, () -> "delete: " + deleted);
                LocalCluster.await("pod-a's container removed", Duration.ofSeconds(30),
                        () -> docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, a.metadata().uid())).isEmpty());
                assertRunning(docker, bContainer, "pod-b's container after pod-a was deleted");
                assertRunning(docker, foreign, "the foreign container after pod-a was deleted");
                assertEquals("Running", awaitRunning(cluster, "pod-b").status().phase());
            } finally {
                extra.forEach(docker::remove);
                for (String node : List.of(NODE_A, NODE_B)) {
                    docker.list(Map.of(ContainerSpecs.NODE_LABEL, node)).forEach(c -> docker.remove(c.id()));
                }
            }
        }
    }

    private static String pinned(String name, String node) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n  nodeName: " + node + "\n"
                + "  terminationGracePeriodSeconds: 1\n"
                + "  containers:\n  - name: main\n    image: local/busybox:1\n    command: [\"sleep\", \"3600\"]\n";
    }

    private static Map<String, String> orphanLabels(String node) {
        return Map.of(ContainerSpecs.NODE_LABEL, node, ContainerSpecs.POD_UID_LABEL, "gone-" + node,
                ContainerSpecs.CONTAINER_LABEL, "main");
    }

    private static String startSleeper(DockerRuntime docker, String name, Map<String, String> labels) {
        String id = docker.create(new ContainerSpec(name, "local/busybox:1", List.of("sleep", "3600"), null, null, null,
                false, labels, null, null, null));
        docker.start(id);
        return id;
    }

    private static void assertRunning(DockerRuntime docker, String id, String what) {
        ContainerInfo info = docker.inspect(id);
        assertTrue(info.running(), what + " (" + id + ") is still running");
    }

    private static void apply(LocalCluster cluster, String yaml) {
        ApiResponse rsp = cluster.call(new ApiRequest.Apply(ManifestReader.read(yaml, "test").objects()));
        assertTrue(((ApiResponse.Applied) rsp).allSucceeded(), () -> "apply failed: " + rsp);
    }

    private static Pod awaitRunning(LocalCluster cluster, String name) {
        Pod[] seen = new Pod[1];
        LocalCluster.await(name + " Running", Duration.ofSeconds(60), () -> {
            ApiResponse rsp = cluster.call(new ApiRequest.Get(Pod.KIND, "default", name, null));
            if (rsp instanceof ApiResponse.Objects o && !o.items().isEmpty()) {
                seen[0] = (Pod) o.items().get(0);
                return seen[0].status() != null && "Running".equals(seen[0].status().phase());
            }
            return false;
        });
        return seen[0];
    }
}
