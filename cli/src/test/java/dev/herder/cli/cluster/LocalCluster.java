package dev.herder.cli.cluster;

import dev.herder.cli.CliRun;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A real Herder cluster for tests: control-plane and agent JVMs started with `herder control-plane` and
 * `herder agent` (the CLI's own main) on loopback ports by {@link ClusterProcesses}, each from a config file that
 * includes the project's config/application.conf, with their data in a temporary folder. Nodes can be killed with
 * SIGKILL (Process.destroyForcibly) and started again on the same data. This class adds the client side: calls,
 * status polls and waits.
 */
final class LocalCluster implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Status polls during a failover must not hang on a request lost with a killed node. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(3);

    private final ClusterProcesses processes;
    private HerderClient client;
    private HerderClient poller;

    /** A cluster whose data and logs go to target/cluster-tests/NAME, emptied first, and kept for reading after a failure. */
    static LocalCluster inFolder(String name, int basePort, int size) throws IOException {
        Path dir = ClusterProcesses.emptyFolder(Path.of("target", "cluster-tests", name).toAbsolutePath());
        return new LocalCluster(dir, basePort, size);
    }

    /** A cluster of size control-plane nodes on basePort+1 ... basePort+size; agents on basePort+10 onward. */
    LocalCluster(Path dir, int basePort, int size) {
        this.processes = new ClusterProcesses(dir, basePort, size);
    }

    String contacts() {
        return processes.contacts();
    }

    /** The client URLs of the cluster's etcd members. */
    List<String> etcdEndpoints() {
        return processes.etcd().endpoints();
    }

    /** The URL of control-plane node i's Kubernetes HTTP API. */
    String httpServer(int controlPlane) {
        return processes.httpServer(controlPlane);
    }

    void startControlPlane(int i) throws IOException {
        processes.startControlPlane(i);
    }

    /** Extra config lines for every control-plane node started from now on. */
    void controlPlaneConfig(String lines) {
        processes.controlPlaneConfig(lines);
    }

    /** The maximum heap (-Xmx, e.g. "2g") of the control-plane and agent JVMs started from now on. */
    void heaps(String controlPlane, String agent) {
        processes.heaps(controlPlane, agent);
    }

    void startAllControlPlanes() throws IOException {
        processes.startAllControlPlanes();
    }

    Process startSimulatedAgent(String nodeName, int nodes, int portOffset) throws IOException {
        return processes.startSimulatedAgent(nodeName, nodes, portOffset);
    }

    Process startDockerAgent(String nodeName, String address, int portOffset, String extraConf) throws IOException {
        return processes.startDockerAgent(nodeName, address, portOffset, extraConf);
    }

    Process startSimulatedAgent(String nodeName, int nodes, int portOffset, String extraConf) throws IOException {
        return processes.startSimulatedAgent(nodeName, nodes, portOffset, extraConf);
    }

    /** SIGKILL, as `kill -9`: no shutdown hooks, no leaving the cluster. */
    void kill(int controlPlane) throws InterruptedException {
        processes.kill(controlPlane);
    }

    /** SIGTERM: the node leaves the cluster gracefully. */
    void stop(int controlPlane) throws InterruptedException {
        processes.stop(controlPlane);
    }

    /** The etcd member (1 ... size) that leads now. */
    int etcdLeader() {
        return processes.etcdLeader();
    }

    /** SIGKILL of an etcd member, as `kill -9`. */
    void killEtcd(int member) throws InterruptedException {
        processes.killEtcd(member);
    }

    /** Starts an etcd member again on its data folder. */
    void startEtcd(int member) throws IOException {
        processes.startEtcd(member);
    }

    /** The control-plane index whose port is in host:port. */
    int indexOf(String hostPort) {
        return processes.indexOf(hostPort);
    }

    HerderClient client() {
        if (client == null) {
            client = HerderClient.connect(processes.contactList(), CALL_TIMEOUT);
        }
        return client;
    }

    ApiResponse call(ApiRequest request) {
        return client().call(request);
    }

    /** Every object of the kind, in every namespace, read in pages. */
    @SuppressWarnings("unchecked")
    <T extends ApiObject> List<T> list(String kind) {
        ApiResponse rsp = Pages.list(client(), kind, null, null, null);
        if (!(rsp instanceof ApiResponse.Objects objects)) {
            throw new IllegalStateException("list of " + kind + " failed: " + rsp);
        }
        return (List<T>) objects.items();
    }

    /** The events whose fields match the selector, in every namespace. */
    List<dev.herder.protocol.api.Event> events(String fieldSelector) {
        ApiResponse rsp = Pages.list(client(), dev.herder.protocol.api.Event.KIND, null, null, fieldSelector);
        if (!(rsp instanceof ApiResponse.Objects objects)) {
            throw new IllegalStateException("list of events failed: " + rsp);
        }
        return objects.items().stream().map(dev.herder.protocol.api.Event.class::cast).toList();
    }

    /** Waits for an event (of any count) matching the field selector, and returns the ones that match. */
    List<dev.herder.protocol.api.Event> awaitEvents(String fieldSelector, int atLeast, Duration timeout) {
        @SuppressWarnings("unchecked") List<dev.herder.protocol.api.Event>[] seen = new List[1];
        await(atLeast + " events " + fieldSelector, timeout, () -> (seen[0] = events(fieldSelector)).size() >= atLeast);
        return seen[0];
    }

    /** The URLs of every control-plane node's HTTP API, comma-separated (the CLI's --server). */
    String httpServers() {
        List<String> servers = new ArrayList<>();
        for (int i = 1; i <= processes.size(); i++) {
            servers.add(processes.httpServer(i));
        }
        return String.join(",", servers);
    }

    /** Runs the herder command in this JVM against this cluster's HTTP API (its servers come first). */
    CliRun.Result herder(String... args) {
        return CliRun.run(withFirst(List.of("--server", httpServers()), args));
    }

    /** Runs the herder command in this JVM through Pekko ClusterClient (--via cluster-client --contact ...). */
    CliRun.Result herderViaClusterClient(String... args) {
        return CliRun.run(withFirst(List.of("--via", "cluster-client", "--contact", contacts()), args));
    }

    private static String[] withFirst(List<String> first, String... args) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    ApiResponse.Cluster status() {
        if (poller == null) {
            poller = HerderClient.connect(processes.contactList(), POLL_TIMEOUT);
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
        return processes.dir();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (poller != null) {
            poller.close();
        }
        processes.close();
    }
}
