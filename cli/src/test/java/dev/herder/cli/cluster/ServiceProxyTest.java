package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.DockerSettings;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Services on Docker: two agents on one engine with different loopback addresses (127.0.0.2, 127.0.0.3), pods
 * serving HTTP (busybox httpd answering with the pod's name), and each node's proxy in front of them.
 */
class ServiceProxyTest {
    private static final int BASE_PORT = 5150;
    private static final String NODE_A = "proxy-a";
    private static final String NODE_B = "proxy-b";
    private static final String[] NODES = {"127.0.0.2", "127.0.0.3"};
    private static LocalCluster cluster;
    private static DockerRuntime docker;

    @BeforeAll
    static void start() throws Exception {
        docker = new DockerRuntime(DockerSettings.from(ConfigFactory.load()));
        docker.version();
        cluster = LocalCluster.inFolder("service-proxy", BASE_PORT, 1);
        cluster.startAllControlPlanes();
        cluster.awaitUp(1, Duration.ofSeconds(60));
        String fast = "herder.agent.pods.poll-interval = 300ms\n";
        cluster.startDockerAgent(NODE_A, NODES[0], 0, fast);
        cluster.startDockerAgent(NODE_B, NODES[1], 1, fast);
        cluster.awaitReadyNodes(2, Duration.ofSeconds(40));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (docker != null) {
            for (String node : List.of(NODE_A, NODE_B)) {
                docker.list(Map.of(ContainerSpecs.NODE_LABEL, node)).forEach(c -> docker.remove(c.id()));
            }
            docker.close();
        }
    }

    private static void apply(String yaml) {
        ApiResponse rsp = cluster.call(new ApiRequest.Apply(ManifestReader.read(yaml, "test").objects()));
        assertTrue(((ApiResponse.Applied) rsp).allSucceeded(), () -> "apply failed: " + rsp);
    }

    /**
     * An RC of HTTP servers on their node's address, each answering / with its pod's name, Ready on /healthz.
     * Pods share their node's network: each RC's pods listen on a port of their own.
     */
    private static String servers(String app, int replicas, int podPort) {
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: " + app + "\nspec:\n  replicas: "
                + replicas + "\n  selector:\n    app: " + app + "\n  template:\n    metadata:\n      labels:\n"
                + "        app: " + app + "\n    spec:\n      terminationGracePeriodSeconds: 1\n      containers:\n"
                + "      - name: web\n        image: local/busybox:1\n        ports:\n        - name: http\n"
                + "          containerPort: " + podPort + "\n        env:\n        - name: POD_NAME\n"
                + "          valueFrom:\n            fieldRef:\n              fieldPath: metadata.name\n"
                + "        - name: HOST_IP\n          valueFrom:\n            fieldRef:\n"
                + "              fieldPath: status.hostIP\n"
                + "        command: [\"sh\", \"-c\", \"mkdir -p /www; echo $POD_NAME > /www/index.html;"
                + " echo ok > /www/healthz; exec httpd -f -p $HOST_IP:" + podPort + " -h /www\"]\n"
                + "        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: http\n"
                + "          periodSeconds: 1\n";
    }

    private static String service(String name, String app, int port, String extra) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\nspec:\n  selector:\n    app: " + app
                + "\n" + extra + "  ports:\n  - name: http\n    port: " + port + "\n    targetPort: http\n";
    }

    /** GET / over a fresh connection from a client address; the body (a pod's name), or an exception. */
    static String get(String from, String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress(host, port), 2000);
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.") || !response.contains(" 200 ")) {
                throw new IOException("not a 200 answer: " + response.lines().findFirst().orElse("(nothing)"));
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4).strip();
        }
    }

    private static Set<String> readyPods(String app) {
        Set<String> out = new HashSet<>();
        for (Pod p : cluster.<Pod>list(Pod.KIND)) {
            if (p.metadata().labels() != null && app.equals(p.metadata().labels().get("app")) && p.status() != null
                    && p.status().conditions() != null && p.status().conditions().stream()
                    .anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()))) {
                out.add(p.metadata().name());
            }
        }
        return out;
    }

    private static Set<String> endpointPods(String service) {
        ApiResponse rsp = cluster.call(new ApiRequest.Get(Endpoints.KIND, "default", service, null));
        Set<String> out = new HashSet<>();
        for (var o : ((ApiResponse.Objects) rsp).items()) {
            for (var s : ((Endpoints) o).subsets()) {
                if (s.addresses() != null) {
                    s.addresses().forEach(a -> out.add(a.targetRef().name()));
                }
            }
        }
        return out;
    }

    /** The pods that answered n requests through a node's proxy; fails on any failed request. */
    private static Set<String> answers(String node, int port, int n) throws IOException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            seen.add(get("127.0.0.1", node, port));
        }
        return seen;
    }

    /** Waits until 6 requests through a node's proxy are answered by exactly these pods. */
    private static void awaitAnswers(String what, String node, int port, Set<String> pods, Duration within) {
        LocalCluster.await(what, within, () -> {
            try {
                return answers(node, port, 6).equals(pods);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static Set<String> awaitServers(String app, String service, int count) {
        LocalCluster.await(count + " " + app + " pods Ready in the endpoints", Duration.ofSeconds(90),
                () -> readyPods(app).size() == count && endpointPods(service).equals(readyPods(app)));
        return readyPods(app);
    }

    @Test
    void requestsThroughEitherNodesProxyReachBothPodsAndANodePortToo() throws Exception {
        apply(servers("echo", 2, 18080));
        apply(service("echo", "echo", 18180, "  type: NodePort\n").replace("    targetPort: http\n",
                "    targetPort: http\n    nodePort: 30180\n"));
        Set<String> pods = awaitServers("echo", "echo", 2);
        assertEquals(2, cluster.<Pod>list(Pod.KIND).stream().filter(p -> pods.contains(p.metadata().name()))
                .map(p -> p.spec().nodeName()).distinct().count(), "one pod on each node");
        for (String node : NODES) {
            awaitAnswers("both pods through " + node, node, 18180, pods, Duration.ofSeconds(10));
            assertEquals(pods, answers(node, 18180, 6), "round robin through " + node + " reaches both");
            assertEquals(pods, answers(node, 30180, 6), "the node port of " + node + " reaches both");
        }
    }

    @Test
    void aPodFindsTheServicesThatExistWhenItStartsInItsEnvironment() {
        apply(service("finder-target", "nobody", 18184, ""));
        // A pod gets the services its node's agent knows when its container starts. The service and a pod applied
        // right after it reach the agent along different ways (routes and assignments, from different store keys),
        // so the pod could start first; node B's proxy listening on the service's port says its agent knows it.
        LocalCluster.await("node B's proxy listening for finder-target", Duration.ofSeconds(30), () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(NODES[1], 18184), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: finder\nspec:\n  nodeName: " + NODE_B + "\n"
                + "  terminationGracePeriodSeconds: 1\n  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"echo at=$FINDER_TARGET_SERVICE_HOST:$FINDER_TARGET_SERVICE_PORT"
                + " http=$FINDER_TARGET_SERVICE_PORT_HTTP; sleep 3600\"]\n");
        LocalCluster.await("finder printed the service's address", Duration.ofSeconds(60), () -> {
            var logs = cluster.herder("logs", "finder");
            return logs.exitCode() == 0 && logs.out().contains("at=127.0.0.3:18184 http=18184");
        });
    }

    @Test
    void clientIpAffinityKeepsOneClientOnOnePod() throws Exception {
        apply(servers("sticky", 2, 18081));
        apply(service("sticky", "sticky", 18181, "  sessionAffinity: ClientIP\n"));
        Set<String> pods = awaitServers("sticky", "sticky", 2);
        LocalCluster.await("the proxy serves sticky", Duration.ofSeconds(10), () -> {
            try {
                return pods.contains(get("127.0.0.1", NODES[0], 18181));
            } catch (IOException e) {
                return false;
            }
        });
        Set<String> chosen = new HashSet<>();
        for (String client : List.of("127.0.0.10", "127.0.0.11", "127.0.0.12", "127.0.0.13")) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                seen.add(get(client, NODES[0], 18181));
            }
            assertEquals(1, seen.size(), client + " was sent to " + seen);
            chosen.addAll(seen);
        }
        assertTrue(pods.containsAll(chosen));
    }

    @Test
    void aPodThatStopsBeingReadyLeavesTheEndpointsAndGetsNoConnectionsUntilItIsReadyAgain() throws Exception {
        apply(servers("flaky", 2, 18082));
        apply(service("flaky", "flaky", 18182, ""));
        Set<String> pods = awaitServers("flaky", "flaky", 2);
        String sick = pods.iterator().next();
        Pod pod = cluster.<Pod>list(Pod.KIND).stream().filter(p -> p.metadata().name().equals(sick)).findFirst()
                .orElseThrow();
        String container = pod.status().containerStatuses().get(0).containerID();
        awaitAnswers("both behind the proxy", NODES[1], 18182, pods, Duration.ofSeconds(10));

        docker.exec(container, List.of("rm", "/www/healthz"), Duration.ofSeconds(5));
        LocalCluster.await(sick + " out of the endpoints", Duration.ofSeconds(15),
                () -> !endpointPods("flaky").contains(sick));
        Thread.sleep(1000); // the routes reach the proxies within a second of the endpoints
        Set<String> others = new HashSet<>(pods);
        others.remove(sick);
        for (String node : NODES) {
            assertEquals(others, answers(node, 18182, 8), "the unready pod gets no connection through " + node);
        }

        docker.exec(container, List.of("sh", "-c", "echo ok > /www/healthz"), Duration.ofSeconds(5));
        LocalCluster.await(sick + " back in the endpoints", Duration.ofSeconds(15),
                () -> endpointPods("flaky").contains(sick));
        awaitAnswers(sick + " answering again", NODES[0], 18182, pods, Duration.ofSeconds(5));
    }

    @Test
    void aPodDeletedUnderLoadCostsAtMostTheRequestsInFlight() throws Exception {
        apply(servers("busy", 2, 18083));
        apply(service("busy", "busy", 18183, ""));
        Set<String> pods = awaitServers("busy", "busy", 2);
        awaitAnswers("both behind the proxy", NODES[0], 18183, pods, Duration.ofSeconds(10));
        String victim = pods.iterator().next();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        long deleteAt = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long endAt = deleteAt + Duration.ofSeconds(8).toNanos();
        boolean deleted = false;
        while (System.nanoTime() < endAt) {
            if (!deleted && System.nanoTime() >= deleteAt) {
                ApiResponse rsp = cluster.call(new ApiRequest.Delete(Pod.KIND, "default", victim));
                assertTrue(rsp instanceof ApiResponse.Deleted, () -> "delete: " + rsp);
                deleted = true;
            }
            requests++;
            try {
                get("127.0.0.1", NODES[requests % 2], 18183);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(requests > 100, "the client sent " + requests + " requests");
        assertTrue(failures.size() <= 1, failures.size() + " of " + requests + " requests failed: " + failures);
    }

    @Test
    void aRollingUpdateThroughTheServiceFailsNoRequest() throws Exception {
        String v1 = servers("rolling", 2, 18085)
                .replace("spec:\n  replicas: 2\n", "spec:\n  replicas: 2\n  minReadySeconds: 1\n  strategy:\n"
                        + "    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n")
                .replace("    metadata:\n      labels:\n", "    metadata:\n      annotations:\n"
                        + "        herder.dev/restart-backoff: initial=1s,max=2s\n      labels:\n")
                // out of the endpoints (and every proxy) before it stops serving, as Kubernetes users do it
                .replace("        readinessProbe:\n", "        lifecycle:\n          preStop:\n            exec:\n"
                        + "              command: [\"sleep\", \"2\"]\n        readinessProbe:\n")
                .replace("terminationGracePeriodSeconds: 1", "terminationGracePeriodSeconds: 5");
        apply(v1);
        apply(service("rolling", "rolling", 18185, ""));
        Set<String> before = awaitServers("rolling", "rolling", 2);
        awaitAnswers("both behind the proxy", NODES[0], 18185, before, Duration.ofSeconds(10));
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> served = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread client = new Thread(() -> {
            while (running.get()) {
                int n = requests.incrementAndGet();
                try {
                    served.add(get("127.0.0.1", NODES[n % 2], 18185));
                } catch (IOException e) {
                    failures.add(e.getMessage());
                }
            }
        });
        client.start();
        try {
            apply(v1.replace("image: local/busybox:1", "image: local/busybox:2"));
            var status = cluster.herder("--timeout", "20s", "rollout", "status", "rc", "rolling");
            assertEquals(0, status.exitCode(), status.out() + status.err());
            Thread.sleep(1000);
        } finally {
            running.set(false);
            client.join(10_000);
        }
        Set<String> after = readyPods("rolling");
        assertTrue(after.stream().noneMatch(before::contains), "every pod was replaced: " + before + " -> " + after);
        assertTrue(served.containsAll(after), "the new pods served: " + served);
        assertTrue(requests.get() > 50, "the client sent " + requests.get() + " requests");
        assertEquals(List.of(), failures, "of " + requests.get() + " requests");
    }

    @Test
    void aServicePortAlreadyInUseOnANodeIsAWarningEventOfTheService() throws Exception {
        try (ServerSocket taken = new ServerSocket(18190, 1, InetAddress.getByName(NODES[0]))) {
            apply(service("blocked", "nothing", 18190, ""));
            var failed = cluster.awaitEvents("involvedObject.name=blocked,reason=FailedToListen", 1,
                    Duration.ofSeconds(20)).get(0);
            assertEquals("Warning", failed.type());
            assertEquals(NODE_A, failed.source().host());
            assertTrue(failed.message().startsWith("node " + NODE_A + " cannot listen on 127.0.0.2:18190 for the port"
                    + " http of service default/blocked: "), failed.message());
            assertTrue(taken.isBound());
        }
    }
}
