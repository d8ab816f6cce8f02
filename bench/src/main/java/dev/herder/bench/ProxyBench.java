package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the service proxy costs, on 3 control-plane JVMs (127.0.0.1:5251-5253) and two Docker agents on one
 * engine (nodes bench-proxy-a at 127.0.0.2 and bench-proxy-b at 127.0.0.3): an RC of two busybox httpd pods
 * (one per node, each answering GET / with its name) behind a service on port 18281.
 * <ol>
 *   <li>overhead: REQUESTS GETs, each on a new connection (HTTP/1.0, as busybox httpd speaks it), from this JVM,
 *   sent to the pods directly (alternating) and through node A's proxy; one client at a time, then 8 at once.
 *   Requests per second and latency percentiles.</li>
 *   <li>unready: one pod's /healthz is removed (readiness probe every 1 s, failureThreshold 1); from the moment
 *   its agent marks it not Ready (its Ready condition's lastTransitionTime) to the last answer it gives through
 *   either node's proxy, which a client polling both proxies every 10 ms watches. ROUNDS rounds.</li>
 * </ol>
 * With {@code isolated}, no cluster: in this JVM, a minimal HTTP server thread on 127.0.0.5, Herder's proxy
 * listener (the one each node runs) in front of it, and, for comparison, the plainest Pekko Streams TCP relay
 * (each client connection joined to a new backend connection, no passing over a refusing backend); REQUESTS
 * sequential GETs to each, three rounds, the last reported.
 * Data and logs in bench/target/proxy-bench; prints a table; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.ProxyBench [REQUESTS] [isolated]</pre>
 */
public final class ProxyBench {
    private static final int BASE_PORT = BenchSupport.basePort(5250);
    private static final int POD_PORT = 18280;
    private static final int SERVICE_PORT = 18281;
    private static final String[] NODES = {"127.0.0.2", "127.0.0.3"};
    private static final int ROUNDS = 5;
    private static final Duration WITHIN = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(100);

    private ProxyBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        if (args.length > 1 && args[1].equals("isolated")) {
            isolated(requests);
            return;
        }
        Path root = ClusterProcesses.repositoryRoot();
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/proxy-bench"));
        BenchSupport.requireFreePorts("ProxyBench", List.of(BASE_PORT + 1, BASE_PORT + 2, BASE_PORT + 3,
                BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET, BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET + 1));
        List<String> rows = new ArrayList<>();
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, 3);
             HerderClient client = HerderClient.connect(cluster.contactList(), Duration.ofSeconds(30))) {
            cluster.startAllControlPlanes();
            await("3 control-plane members Up with a leader", () -> {
                ApiResponse.Cluster c = (ApiResponse.Cluster) client.call(new ApiRequest.ClusterStatus());
                return c.leader() != null && c.members().stream().filter(m -> m.status().equals("Up")).count() == 3;
            });
            String agentConf = "herder.agent.pods.poll-interval = 300ms\n";
            cluster.startDockerAgent("bench-proxy-a", NODES[0], 0, agentConf);
            cluster.startDockerAgent("bench-proxy-b", NODES[1], 1, agentConf);
            await("2 Ready nodes", () -> list(client, Node.KIND).size() == 2);
            BenchSupport.apply(client, servers() + "---\n" + "apiVersion: v1\nkind: Service\nmetadata:\n  name: bench\nspec:\n"
                    + "  selector:\n    app: bench\n  ports:\n  - port: " + SERVICE_PORT + "\n    targetPort: " + POD_PORT + "\n");
            await("2 pods Ready in the endpoints", () -> readyEndpoints(client) == 2);
            await("both pods through the proxy", () -> {
                try {
                    return !get(NODES[0], SERVICE_PORT).equals(get(NODES[0], SERVICE_PORT));
                } catch (IOException e) {
                    return false;
                }
            });
            for (int concurrency : new int[] {1, 8}) {
                rows.add(load("direct to the pods", requests, concurrency, i -> NODES[i % 2], POD_PORT));
                rows.add(load("through node A's proxy", requests, concurrency, i -> NODES[0], SERVICE_PORT));
            }
            List<Long> unready = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                unready.add(unreadyToGone(client));
            }
            List<Long> sorted = unready.stream().sorted().toList();
            rows.add(String.format("%-58s median %6d ms  (min %d, max %d; %d rounds)",
                    "pod marked not Ready -> its last answer through any proxy", BenchSupport.percentile(sorted, 50),
                    sorted.get(0), sorted.get(sorted.size() - 1), ROUNDS));
        } finally {
            new ProcessBuilder("sh", "-c", "docker ps -aq --filter label=herder.dev/node=bench-proxy-a | xargs -r docker"
                    + " rm -f; docker ps -aq --filter label=herder.dev/node=bench-proxy-b | xargs -r docker rm -f")
                    .inheritIO().start().waitFor();
        }
        System.out.println();
        rows.forEach(System.out::println);
    }

    private static String servers() {
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: bench\nspec:\n  replicas: 2\n"
                + "  selector:\n    app: bench\n  template:\n    metadata:\n      labels:\n        app: bench\n"
                + "    spec:\n      terminationGracePeriodSeconds: 1\n      containers:\n      - name: web\n"
                + "        image: local/busybox:1\n        ports:\n        - containerPort: " + POD_PORT + "\n"
                + "        env:\n        - name: POD_NAME\n          valueFrom:\n            fieldRef:\n"
                + "              fieldPath: metadata.name\n        - name: HOST_IP\n          valueFrom:\n"
                + "            fieldRef:\n              fieldPath: status.hostIP\n"
                + "        command: [\"sh\", \"-c\", \"mkdir -p /www; echo $POD_NAME > /www/index.html;"
                + " echo ok > /www/healthz; exec httpd -f -p $HOST_IP:" + POD_PORT + " -h /www\"]\n"
                + "        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: " + POD_PORT
                + "\n          periodSeconds: 1\n          failureThreshold: 1\n";
    }

    /** The proxy's own cost per connection, with nothing else running: see the class comment. */
    private static void isolated(int requests) throws Exception {
        String host = "127.0.0.5";
        java.net.ServerSocket server = new java.net.ServerSocket(0, 128, java.net.InetAddress.getByName(host));
        Thread serving = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    InputStream in = s.getInputStream();
                    StringBuilder request = new StringBuilder();
                    byte[] buf = new byte[1024];
                    for (int n; request.indexOf("\r\n\r\n") < 0 && (n = in.read(buf)) > 0; ) {
                        request.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
                    }
                    s.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the next connection
                }
            }
        });
        serving.setDaemon(true);
        serving.start();
        int backend = server.getLocalPort();
        var system = org.apache.pekko.actor.typed.ActorSystem.create(
                org.apache.pekko.actor.typed.javadsl.Behaviors.empty(), "proxy-bench",
                com.typesafe.config.ConfigFactory.parseString("pekko.loglevel = WARNING"));
        try {
            var tcp = org.apache.pekko.stream.javadsl.Tcp.get(system);
            var materializer = org.apache.pekko.stream.Materializer.matFromSystem(system);
            var listener = new dev.herder.agent.proxy.Listener(tcp, materializer, Duration.ofSeconds(1));
            listener.target(new dev.herder.agent.proxy.Target(List.of(new dev.herder.protocol.wire.ServiceRoutes.Backend(
                    host, backend, "server")), false));
            int proxied = freePort(host);
            listener.bind(host, proxied).toCompletableFuture().get();
            int plain = freePort(host);
            tcp.bind(host, plain).to(org.apache.pekko.stream.javadsl.Sink.foreach(c -> c.handleWith(
                    tcp.outgoingConnection(host, backend), materializer))).run(materializer).toCompletableFuture().get();
            List<String> rows = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                rows.clear();
                rows.add(load("direct to the server", requests, 1, i -> host, backend));
                rows.add(load("plain Pekko TCP relay", requests, 1, i -> host, plain));
                rows.add(load("Herder's proxy listener", requests, 1, i -> host, proxied));
            }
            System.out.println();
            rows.forEach(System.out::println);
        } finally {
            system.terminate();
            server.close();
        }
    }

    private static int freePort(String host) throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        }
    }

    /** requests GETs, concurrency at a time; requests per second and latency percentiles. */
    private static String load(String what, int requests, int concurrency,
                               java.util.function.IntFunction<String> host, int port) throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>(requests));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                        get(host.apply(i), port);
                        micros.add((System.nanoTime() - t) / 1000);
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        List<Long> sorted = micros.stream().sorted().toList();
        return String.format("%-24s %d client(s): %7.0f req/s  p50 %5.2f ms  p99 %6.2f ms  (%d requests, %d failed)",
                what, concurrency, requests / (elapsed / 1e9), BenchSupport.percentile(sorted, 50) / 1000.0,
                BenchSupport.percentile(sorted, 99) / 1000.0, requests, failed.get());
    }

    /** One round of the unready measure: ms from the pod's Ready=False to its last answer through a proxy. */
    private static long unreadyToGone(HerderClient client) throws Exception {
        Pod sick = list(client, Pod.KIND).stream().map(Pod.class::cast).filter(ProxyBench::ready).findFirst()
                .orElseThrow();
        String name = sick.metadata().name();
        String container = sick.status().containerStatuses().get(0).containerID();
        long[] lastSeen = new long[1];
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            int i = 0;
            while (polling.get()) {
                try {
                    if (get(NODES[i++ % 2], SERVICE_PORT).equals(name)) {
                        lastSeen[0] = System.currentTimeMillis();
                    }
                    Thread.sleep(10);
                } catch (IOException e) {
                    // counted nowhere: only which pod answers matters here
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.start();
        Thread.sleep(500);
        docker("exec", container, "rm", "/www/healthz");
        await(name + " not Ready", () -> !ready(pod(client, name)));
        Thread.sleep(3000); // far longer than any route change takes: the last answer has been given
        polling.set(false);
        poller.join();
        Instant unready = Instant.parse(readyCondition(pod(client, name)).lastTransitionTime());
        docker("exec", container, "sh", "-c", "echo ok > /www/healthz");
        await(name + " Ready again", () -> ready(pod(client, name)) && readyEndpoints(client) == 2);
        Thread.sleep(1000);
        return Math.max(0, lastSeen[0] - unready.toEpochMilli());
    }

    static String get(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            s.setSoTimeout(3000);
            s.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.0 200") && !response.contains(" 200 ")) {
                throw new IOException("not a 200 answer");
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4).strip();
        }
    }

    private static void docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static boolean ready(Pod p) {
        PodCondition c = readyCondition(p);
        return c != null && "True".equals(c.status());
    }

    private static PodCondition readyCondition(Pod p) {
        return p.status() == null || p.status().conditions() == null ? null : p.status().conditions().stream()
                .filter(c -> "Ready".equals(c.type())).findFirst().orElse(null);
    }

    private static Pod pod(HerderClient client, String name) {
        return (Pod) ((ApiResponse.Objects) client.call(new ApiRequest.Get(Pod.KIND, "default", name, null))).items().get(0);
    }

    private static long readyEndpoints(HerderClient client) {
        var items = ((ApiResponse.Objects) client.call(new ApiRequest.Get(Endpoints.KIND, "default", "bench", null)))
                .items();
        return items.isEmpty() ? 0 : ((Endpoints) items.get(0)).subsets().stream()
                .mapToLong(s -> s.addresses() == null ? 0 : s.addresses().size()).sum();
    }

    private static List<?> list(HerderClient client, String kind) {
        return ((ApiResponse.Objects) Pages.list(client, kind, null, null, null)).items();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        BenchSupport.await(what, WITHIN, POLL, condition);
    }
}
