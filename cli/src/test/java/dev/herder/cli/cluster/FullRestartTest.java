package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.DockerSettings;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * All three control-plane JVMs and all three etcd members killed with kill -9 and started again: every object is
 * back as it was, and the agent, which kept running, keeps its pods' containers (adopted, not restarted).
 */
class FullRestartTest {
    private static final int BASE_PORT = 3650;
    private static final String NODE = "restart-node";
    private static final String POD_ADDRESS = "127.0.0.3";

    @Test
    void everyObjectIsBackAndRunningContainersAreAdoptedAfterEveryControlPlaneJvmAndEtcdMemberIsKilled()
            throws Exception {
        DockerRuntime docker = new DockerRuntime(DockerSettings.from(ConfigFactory.load()));
        docker.version();
        try (LocalCluster cluster = LocalCluster.inFolder("full-restart", BASE_PORT, 3)) {
            cluster.startAllControlPlanes();
            cluster.awaitUp(3, Duration.ofSeconds(60));
            cluster.startDockerAgent(NODE, POD_ADDRESS, 0, "herder.agent.pods.poll-interval = 300ms\n");
            cluster.awaitReadyNodes(1, Duration.ofSeconds(30));

            List<ApiObject> objects = new ArrayList<>(TestPods.pods("web", 3));
            ObjectMeta meta = new ObjectMeta("web", null, "default", Map.of("app", "web"), null, null, null, null, null,
                    null, null);
            objects.add(new ReplicationController("v1", ReplicationController.KIND, meta, new ReplicationControllerSpec(2, 0,
                    Map.of("app", "web"), new PodTemplateSpec(new ObjectMeta(null, null, null, Map.of("app", "web"), null,
                    null, null, null, null, null, null), TestPods.pod("t").spec())), null));
            objects.add(new Service("v1", Service.KIND, meta, new ServiceSpec(Map.of("app", "web"),
                    List.of(new ServicePort(null, "TCP", 80, IntOrString.of(8080), null)), "ClusterIP", null, "None"), null));
            ApiResponse applied = cluster.call(new ApiRequest.Apply(objects));
            assertTrue(((ApiResponse.Applied) applied).allSucceeded(), () -> "apply failed: " + applied);
            // the 3 pods and the 2 the controller makes, all running in containers on the engine
            LocalCluster.await("5 pods Running", Duration.ofSeconds(90), () -> {
                List<Pod> pods = cluster.list(Pod.KIND);
                return pods.size() == 5 && pods.stream().allMatch(FullRestartTest::running);
            });
            Map<String, List<ApiObject>> before = everything(cluster);
            Map<String, Object> containersBefore = containers(cluster.list(Pod.KIND));

            for (int i = 1; i <= 3; i++) {
                cluster.kill(i);
            }
            for (int i = 1; i <= 3; i++) {
                cluster.killEtcd(i);
            }
            for (int i = 1; i <= 3; i++) {
                cluster.startEtcd(i);
            }
            cluster.startAllControlPlanes();
            cluster.awaitUp(3, Duration.ofSeconds(90));
            cluster.awaitReadyNodes(1, Duration.ofSeconds(60));
            List<Map<String, List<ApiObject>>> answer = new ArrayList<>();
            LocalCluster.await("every kind listed after the restart", Duration.ofSeconds(60),
                    () -> answer.add(everything(cluster)));
            Map<String, List<ApiObject>> after = answer.get(0);
            for (String kind : List.of("Pod", "ReplicationController", "Service")) {
                assertEquals(identities(before.get(kind)), identities(after.get(kind)), kind + " objects after the restart");
            }
            assertEquals(5, after.get("Pod").size());
            // the agent reports again to the new control plane; its containers are the ones it ran before
            LocalCluster.await("the pods Running in the same containers", Duration.ofSeconds(60), () -> {
                List<Pod> pods = cluster.list(Pod.KIND);
                return pods.stream().allMatch(FullRestartTest::running) && containers(pods).equals(containersBefore);
            });
            assertEquals(containersBefore, containers(cluster.list(Pod.KIND)),
                    "every pod runs in the container it ran in before, never restarted");
        } finally {
            docker.list(Map.of(ContainerSpecs.NODE_LABEL, NODE)).forEach(c -> docker.remove(c.id()));
            docker.close();
        }
    }

    private static boolean running(Pod p) {
        return p.spec().nodeName() != null && p.status() != null && "Running".equals(p.status().phase());
    }

    /** Each pod's containers: id and restart count. */
    private static Map<String, Object> containers(List<Pod> pods) {
        Map<String, Object> out = new HashMap<>();
        for (Pod p : pods) {
            List<ContainerStatus> statuses = p.status() == null || p.status().containerStatuses() == null ? List.of()
                    : p.status().containerStatuses();
            out.put(p.metadata().name(), statuses.stream().map(s -> s.containerID() + "#" + s.restartCount()).toList());
        }
        return out;
    }

    private static Map<String, List<ApiObject>> everything(LocalCluster cluster) {
        Map<String, List<ApiObject>> out = new HashMap<>();
        for (String kind : Kinds.ALL) {
            out.put(kind, cluster.list(kind));
        }
        return out;
    }

    /** What must survive: name, uid, spec and binding. Versions may only have grown. */
    private static Map<String, Object> identities(List<ApiObject> objects) {
        Map<String, Object> out = new HashMap<>();
        objects.forEach(o -> out.put(o.metadata().name(), List.of(o.metadata().uid(), o.specPart())));
        return out;
    }
}
