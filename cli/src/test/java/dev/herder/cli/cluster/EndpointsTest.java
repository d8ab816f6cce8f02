package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.EndpointAddress;
import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service's Endpoints, kept by its entity from the pods its selector matches (simulated nodes: every pod
 * is Ready at its node's address): they follow scaling, a named targetPort, a lost node, and go with the
 * service.
 */
class EndpointsTest {
    private static final int BASE_PORT = 5050;

    private static void apply(LocalCluster cluster, String yaml) {
        ApiResponse rsp = cluster.call(new ApiRequest.Apply(ManifestReader.read(yaml, "test").objects()));
        assertTrue(((ApiResponse.Applied) rsp).allSucceeded(), () -> "apply failed: " + rsp);
    }

    private static String rc(int replicas) {
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  replicas: " + replicas
                + "\n  selector:\n    app: web\n  template:\n    metadata:\n      labels:\n        app: web\n"
                + "    spec:\n      containers:\n      - name: main\n        image: local/busybox:1\n"
                + "        ports:\n        - name: http\n          containerPort: 8080\n";
    }

    private static final String SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n"
            + "  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n"
            + "  - name: admin\n    port: 9090\n";

    /** The endpoints of that name: none when the answer is NOT_FOUND (as Kubernetes answers for a missing object). */
    private static List<Endpoints> endpoints(LocalCluster cluster, String name) {
        ApiResponse rsp = cluster.call(new ApiRequest.Get(Endpoints.KIND, "default", name, null));
        if (rsp instanceof ApiResponse.Failure f && f.error().code() == dev.herder.protocol.wire.ApiError.Code.NOT_FOUND) {
            return List.of();
        }
        return ((ApiResponse.Objects) rsp).items().stream().map(Endpoints.class::cast).toList();
    }

    private static List<EndpointAddress> ready(Endpoints e) {
        return e.subsets().stream().filter(s -> s.addresses() != null).flatMap(s -> s.addresses().stream()).toList();
    }

    private static List<EndpointAddress> notReady(Endpoints e) {
        return e.subsets().stream().filter(s -> s.notReadyAddresses() != null)
                .flatMap(s -> s.notReadyAddresses().stream()).toList();
    }

    private static Endpoints await(LocalCluster cluster, String what, java.util.function.Predicate<Endpoints> done) {
        Endpoints[] seen = new Endpoints[1];
        LocalCluster.await(what, Duration.ofSeconds(30), () -> {
            List<Endpoints> found = endpoints(cluster, "web");
            seen[0] = found.isEmpty() ? null : found.get(0);
            return seen[0] != null && done.test(seen[0]);
        });
        return seen[0];
    }

    @Test
    void endpointsFollowTheServicesPodsAndGoWithIt() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("endpoints", BASE_PORT, 1)) {
            cluster.controlPlaneConfig("herder.control-plane.nodes.not-ready-after = 3s\n");
            cluster.startAllControlPlanes();
            cluster.awaitUp(1, Duration.ofSeconds(60));
            Process lost = cluster.startSimulatedAgent("lost", 1, 0);
            cluster.startSimulatedAgent("kept", 2, 1);
            cluster.awaitReadyNodes(3, Duration.ofSeconds(30));
            apply(cluster, rc(3));
            apply(cluster, SERVICE);

            Endpoints three = await(cluster, "3 ready addresses", e -> ready(e).size() == 3);
            EndpointSubset subset = three.subsets().get(0);
            assertEquals(1, three.subsets().size());
            assertEquals(List.of("http:8080", "admin:9090"), subset.ports().stream()
                    .map(p -> p.name() + ":" + p.port()).toList(), "http resolved by name, admin by the service port");
            List<Pod> pods = cluster.<Pod>list(Pod.KIND);
            assertEquals(pods.stream().map(p -> p.metadata().name()).sorted().toList(),
                    subset.addresses().stream().map(a -> a.targetRef().name()).toList());
            var listed = cluster.herder("get", "endpoints");
            assertEquals(0, listed.exitCode(), listed.err());
            assertTrue(listed.out().matches("(?s)NAME +ENDPOINTS +AGE\\nweb +127\\.0\\.0\\.1:8080,127\\.0\\.0\\.1:9090,"
                    + "127\\.0\\.0\\.1:8080 \\+ 3 more\\.\\.\\. +\\d+s\\n"), listed.out());

            var described = cluster.herder("describe", "svc", "web");
            assertTrue(described.out().contains("Endpoints:         127.0.0.1:8080,127.0.0.1:8080,127.0.0.1:8080\n"),
                    described.out());

            apply(cluster, rc(5));
            await(cluster, "5 ready addresses", e -> ready(e).size() == 5);

            lost.destroyForcibly();
            assertTrue(lost.waitFor(10, TimeUnit.SECONDS));
            Endpoints afterLoss = await(cluster, "the lost node's pods not ready", e -> !notReady(e).isEmpty()
                    && notReady(e).stream().allMatch(a -> a.nodeName().equals("lost-1"))
                    && ready(e).stream().noneMatch(a -> a.nodeName().equals("lost-1")));
            assertEquals(5, ready(afterLoss).size() + notReady(afterLoss).size());

            // every node's proxy listens on a service's port: a second service cannot have it
            java.nio.file.Path clash = java.nio.file.Files.writeString(cluster.dir().resolve("clash.yaml"),
                    SERVICE.replace("name: web\nspec", "name: clash\nspec"));
            var taken = cluster.herder("apply", "-f", clash.toString());
            assertEquals(1, taken.exitCode(), taken.out());
            assertTrue(taken.err().contains("services \"clash\" is invalid: port 80 is already used by service default/web;"
                    + " port 9090 is already used by service default/web"), taken.err());
            java.nio.file.Path nodePort = java.nio.file.Files.writeString(cluster.dir().resolve("np.yaml"),
                    "apiVersion: v1\nkind: Service\nmetadata:\n  name: np\nspec:\n  type: NodePort\n"
                            + "  selector:\n    app: web\n  ports:\n  - port: 8000\n");
            var np = cluster.herder("apply", "-f", nodePort.toString());
            assertEquals(0, np.exitCode(), np.err());
            var shown = cluster.herder("get", "svc", "np");
            assertTrue(shown.out().contains("8000:30000/TCP"), "the first node port of the range: " + shown.out());
            assertTrue(cluster.herder("apply", "-f", nodePort.toString()).out().contains("service/np unchanged"),
                    "applied again, it keeps its node port");

            ApiResponse deleted = cluster.call(new ApiRequest.Delete("Service", "default", "web"));
            assertTrue(deleted instanceof ApiResponse.Deleted, () -> "delete: " + deleted);
            LocalCluster.await("the endpoints gone with the service", Duration.ofSeconds(10),
                    () -> endpoints(cluster, "web").isEmpty());
            var refused = cluster.herder("delete", "endpoints", "web");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().contains("endpoints are kept by Herder"), refused.err());
        }
    }
}
