package dev.herder.cli.cluster;

import dev.herder.cli.client.HerderClient;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A real Herder cluster for tests: control-plane and agent JVMs started with `herder control-plane` and
 * `herder agent` (the CLI's own main) on loopback ports, each from a config file that includes the
 * project's config/application.conf, with their data in a temporary folder. Nodes can be killed with
 * SIGKILL (Process.destroyForcibly) and started again on the same data.
 */
final class LocalCluster implements AutoCloseable {
    private static final String MAIN = "dev.herder.cli.Main";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Status polls during a failover must not hang on a request lost with a killed node. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(3);

    private final Path dir;
    private final int basePort;
    private final int size;
    private final Map<Integer, Process> controlPlanes = new HashMap<>();
    private final List<Process> agents = new ArrayList<>();
    private HerderClient client;
    private HerderClient poller;

    /** A cluster whose data and logs go to target/cluster-tests/NAME, emptied first, and kept for reading after a failure. */
    static LocalCluster inFolder(String name, int basePort, int size) throws IOException {
        Path dir = Path.of("target", "cluster-tests", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dir);
        return new LocalCluster(dir, basePort, size);
    }

    /** A cluster of size control-plane nodes on basePort+1 ... basePort+size; agents on basePort+10 onward. */
    LocalCluster(Path dir, int basePort, int size) {
        this.dir = dir;
        this.basePort = basePort;
        this.size = size;
    }

    String contacts() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            out.add("127.0.0.1:" + (basePort + i));
        }
        return String.join(",", out);
    }

    void startControlPlane(int i) throws IOException {
        Path conf = dir.resolve("control-plane-" + i + ".conf");
        Files.writeString(conf, common() + "herder.data-dir = \"" + dir.resolve("cp-" + i) + "\"\n"
                + "pekko.remote.artery.canonical.port = " + (basePort + i) + "\n"
                + "pekko.cluster.roles = [\"control-plane\"]\n");
        controlPlanes.put(i, start("control-plane-" + i, List.of("control-plane", "--config", conf.toString())));
    }

    void startAllControlPlanes() throws IOException {
        for (int i = 1; i <= size; i++) {
            startControlPlane(i);
        }
    }

    Process startSimulatedAgent(String nodeName, int nodes, int portOffset) throws IOException {
        Path conf = dir.resolve("agent-" + nodeName + ".conf");
        Files.writeString(conf, common() + "herder.data-dir = \"" + dir.resolve("agent-" + nodeName) + "\"\n"
                + "herder.agent.node-name = \"" + nodeName + "\"\n"
                + "herder.agent.simulated.start-delay = 200ms\n"
                + "pekko.remote.artery.canonical.port = " + (basePort + 10 + portOffset) + "\n"
                + "pekko.cluster.roles = [\"agent\"]\n");
        Process p = start("agent-" + nodeName, List.of("agent", "--simulated", "--nodes", String.valueOf(nodes),
                "--config", conf.toString()));
        agents.add(p);
        return p;
    }

    private String common() {
        String seeds = contactsList().stream().map(c -> "\"pekko://herder@" + c + "\"").collect(Collectors.joining(","));
        Path app = Path.of(System.getProperty("user.dir")).getParent().resolve("config/application.conf");
        return "include file(\"" + app + "\")\n"
                + "pekko.cluster.seed-nodes = [" + seeds + "]\n"
                + "pekko.loglevel = INFO\n";
    }

    private List<String> contactsList() {
        return List.of(contacts().split(","));
    }

    private Process start(String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), MAIN));
        cmd.addAll(args);
        File log = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }

    /** SIGKILL, as `kill -9`: no shutdown hooks, no leaving the cluster. */
    void kill(int controlPlane) throws InterruptedException {
        Process p = controlPlanes.remove(controlPlane);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the node leaves the cluster gracefully. */
    void stop(int controlPlane) throws InterruptedException {
        Process p = controlPlanes.remove(controlPlane);
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** The control-plane index whose port is in host:port. */
    int indexOf(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) - basePort;
    }

    HerderClient client() {
        if (client == null) {
            client = HerderClient.connect(contactsList(), CALL_TIMEOUT);
        }
        return client;
    }

    ApiResponse call(ApiRequest request) {
        return client().call(request);
    }

    @SuppressWarnings("unchecked")
    <T extends ApiObject> List<T> list(String kind) {
        ApiResponse rsp = call(new ApiRequest.Get(kind, null, null, null));
        if (!(rsp instanceof ApiResponse.Objects objects)) {
            throw new IllegalStateException("list of " + kind + " failed: " + rsp);
        }
        return (List<T>) objects.items();
    }

    ApiResponse.Cluster status() {
        if (poller == null) {
            poller = HerderClient.connect(contactsList(), POLL_TIMEOUT);
        }
        return (ApiResponse.Cluster) poller.call(new ApiRequest.ClusterStatus());
    }

    /** Waits until this many control-plane members are Up and reachable, and one of them holds the Master. */
    void awaitUp(int controlPlanes, Duration timeout) {
        await(controlPlanes + " control-plane members Up with a leader", timeout, () -> {
            try {
                ApiResponse.Cluster c = status();
                return c.leader() != null && c.members().stream().filter(m -> m.status().equals("Up") && m.reachable()
                        && m.roles().contains("control-plane")).count() == controlPlanes;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    void awaitReadyNodes(int count, Duration timeout) {
        await(count + " Ready nodes", timeout, () -> this.<Node>list(Node.KIND).stream().filter(LocalCluster::ready)
                .count() == count);
    }

    static boolean ready(Node n) {
        if (n.status() == null || n.status().conditions() == null) {
            return false;
        }
        return n.status().conditions().stream().anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
    }

    static NodeCondition readyCondition(Node n) {
        return n.status().conditions().stream().filter(c -> "Ready".equals(c.type())).findFirst().orElseThrow();
    }

    static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet: the cluster may be forming or failing over
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (poller != null) {
            poller.close();
        }
        agents.forEach(Process::destroyForcibly);
        controlPlanes.values().forEach(Process::destroyForcibly);
        for (Process p : agents) {
            waitQuietly(p);
        }
        for (Process p : controlPlanes.values()) {
            waitQuietly(p);
        }
    }

    private static void waitQuietly(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
