package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectMeta;
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

/** All three control-plane JVMs stopped and started again on their data: every object is back as it was. */
class FullRestartTest {
    private static final int BASE_PORT = 3650;

    @Test
    void everyObjectIsBackAfterAllControlPlaneNodesRestart() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("full-restart", BASE_PORT, 3)) {
            cluster.startAllControlPlanes();
            cluster.awaitUp(3, Duration.ofSeconds(60));
            cluster.startSimulatedAgent("sim", 2, 0);
            cluster.awaitReadyNodes(2, Duration.ofSeconds(30));

            List<ApiObject> objects = new ArrayList<>(TestPods.pods("web", 10));
            ObjectMeta meta = new ObjectMeta("web", null, "default", Map.of("app", "web"), null, null, null, null, null,
                    null, null);
            objects.add(new ReplicationController("v1", ReplicationController.KIND, meta, new ReplicationControllerSpec(2, 0,
                    Map.of("app", "web"), new PodTemplateSpec(new ObjectMeta(null, null, null, Map.of("app", "web"), null,
                    null, null, null, null, null, null), TestPods.pod("t").spec())), null));
            objects.add(new Service("v1", Service.KIND, meta, new ServiceSpec(Map.of("app", "web"),
                    List.of(new ServicePort(null, "TCP", 80, IntOrString.of(8080), null)), "ClusterIP", null, "None"), null));
            ApiResponse applied = cluster.call(new ApiRequest.Apply(objects));
            assertTrue(((ApiResponse.Applied) applied).allSucceeded(), () -> "apply failed: " + applied);
            // the 10 pods and the 2 the controller makes, all bound
            LocalCluster.await("12 pods bound", Duration.ofSeconds(60), () -> {
                List<dev.herder.protocol.api.Pod> pods = cluster.list("Pod");
                return pods.size() == 12 && pods.stream().allMatch(p -> p.spec().nodeName() != null);
            });
            Map<String, List<ApiObject>> before = everything(cluster);

            cluster.stop(1);
            cluster.kill(2);
            cluster.stop(3);
            cluster.startAllControlPlanes();
            cluster.awaitUp(3, Duration.ofSeconds(90));
            // Right after a full restart a majority read may time out while replicas still load from disk and
            // meet each other; the API then answers UNAVAILABLE ("try again"), so the test tries again.
            List<Map<String, List<ApiObject>>> answer = new ArrayList<>();
            LocalCluster.await("every kind listed after the restart", Duration.ofSeconds(60),
                    () -> answer.add(everything(cluster)));
            Map<String, List<ApiObject>> after = answer.get(0);
            for (String kind : List.of("Pod", "ReplicationController", "Service")) {
                assertEquals(identities(before.get(kind)), identities(after.get(kind)), kind + " objects after the restart");
            }
            assertEquals(12, after.get("Pod").size());
        }
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
