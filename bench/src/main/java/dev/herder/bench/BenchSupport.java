package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the benchmarks share: checking their ports before they start a cluster, starting and waiting for one,
 * applying, running a command, the cluster's Ready nodes, and percentiles.
 */
final class BenchSupport {
    /** How often the waits ask by default. */
    static final Duration POLL = Duration.ofMillis(250);
    private static final String CONTROL_PLANE_ROLE = "control-plane";

    private BenchSupport() {
    }

    /** Fails, naming the port, when any of these loopback ports is taken (another run still going, say). */
    static void requireFreePorts(String bench, List<Integer> ports) throws IOException {
        for (int port : ports) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.getLocalPort();
            } catch (IOException e) {
                throw new IOException("port 127.0.0.1:" + port + " is taken; " + bench + " needs " + ports
                        + " (is another run still going?)", e);
            }
        }
    }

    /**
     * A benchmark's base port: its own default, or -DbasePort= (to run it beside a test run or another benchmark; a
     * cluster takes base ... base+99).
     */
    static int basePort(int defaultPort) {
        return Integer.getInteger("basePort", defaultPort);
    }

    /**
     * The same for a {@link ClusterProcesses} cluster on basePort: its control planes, their etcd members (client and
     * peer ports) and agent JVMs.
     */
    static void requireFreePorts(String bench, int basePort, int controlPlanes, int agentJvms) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= controlPlanes; i++) {
            ports.add(basePort + i);
            ports.add(basePort + ClusterProcesses.ETCD_CLIENT_PORT_OFFSET + i);
            ports.add(basePort + ClusterProcesses.ETCD_PEER_PORT_OFFSET + i);
        }
        for (int a = 0; a < agentJvms; a++) {
            ports.add(basePort + ClusterProcesses.AGENT_PORT_OFFSET + a);
        }
        requireFreePorts(bench, ports);
    }

    /**
     * Starts every control-plane JVM of the cluster and one agent JVM of nodes simulated nodes (named
     * agentName-1 ... -N, with extra agent config lines), and waits for all control planes Up with a leader and
     * every node Ready.
     */
    static void startSimulatedCluster(ClusterProcesses cluster, HerderClient client, String agentName, int nodes,
                                      String agentConf, Duration within) throws IOException {
        cluster.startAllControlPlanes();
        awaitControlPlanes(client, cluster.size(), within);
        cluster.startSimulatedAgent(agentName, nodes, 0, agentConf);
        awaitReadyNodes(client, nodes, within);
    }

    /**
     * Starts control-plane node index again with the other control planes as its only seed nodes. With the whole
     * list, a restarted first seed node that hears from no other seed within seed-node-timeout (5 s; it happens
     * on a loaded machine) forms a second cluster of its own instead of joining the running one.
     */
    static void restartIntoCluster(ClusterProcesses cluster, int index) throws IOException {
        List<String> seeds = new ArrayList<>();
        for (int i = 1; i <= cluster.size(); i++) {
            if (i != index) {
                seeds.add("\"pekko://" + HerderClient.CLUSTER_SYSTEM_NAME + "@" + cluster.address(i) + "\"");
            }
        }
        cluster.controlPlaneConfig("pekko.cluster.seed-nodes = [" + String.join(",", seeds) + "]\n");
        cluster.startControlPlane(index);
    }

    static ApiResponse.Cluster clusterStatus(HerderClient client) {
        return (ApiResponse.Cluster) client.call(new ApiRequest.ClusterStatus());
    }

    /** Waits for count control-plane members Up and reachable, with a leader (the node holding the Master). */
    static void awaitControlPlanes(HerderClient client, int count, Duration within) {
        await(count + " control-plane members Up with a leader", within, POLL, () -> controlPlanesUp(client) == count);
    }

    /** Waits for exactly count nodes with condition Ready=True. */
    static void awaitReadyNodes(HerderClient client, int count, Duration within) {
        await(count + " Ready nodes", within, POLL, () -> readyNodes(client) == count);
    }

    static boolean ready(Node n) {
        return n.status() != null && n.status().conditions() != null && n.status().conditions().stream()
                .anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
    }

    /** Applies a manifest through the API; fails naming the answer when any object is refused. */
    static void apply(HerderClient client, String yaml) {
        var rsp = client.call(new ApiRequest.Apply(ManifestReader.read(yaml, "bench").objects()));
        if (!(rsp instanceof ApiResponse.Applied a) || !a.allSucceeded()) {
            throw new IllegalStateException("apply failed: " + rsp);
        }
    }

    /** The nearest-rank percentile (0 < p <= 100) of values sorted ascending. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /**
     * Asks the condition every poll until it holds; a RuntimeException counts as "not yet" (a cluster still
     * forming, or failing over, does not answer). Fails, naming what, after within.
     */
    static void await(String what, Duration within, Duration poll, BooleanSupplier condition) {
        awaitValue(what, within, poll, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Asks every poll until value gives one (not null), and returns it; otherwise as {@link #await}. */
    static <T> T awaitValue(String what, Duration within, Duration poll, Supplier<T> value) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T v = value.get();
                if (v != null) {
                    return v;
                }
            } catch (RuntimeException e) {
                // not answering yet: ask again
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new IllegalStateException("not seen within " + within.toSeconds() + " s: " + what);
    }

    /** Runs a command (docker, say) to its end and returns its output; fails with the output when it exits non-zero. */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    /** How many nodes the API reports with condition Ready=True (0 while the cluster does not answer). */
    static long readyNodes(HerderClient client) {
        try {
            ApiResponse rsp = Pages.list(client, Node.KIND, null, null, null);
            return rsp instanceof ApiResponse.Objects o ? o.items().stream().map(Node.class::cast)
                    .filter(BenchSupport::ready).count() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** How many control-plane members are Up and reachable, once there is a leader (0 before). */
    static long controlPlanesUp(HerderClient client) {
        ApiResponse.Cluster c = clusterStatus(client);
        return c.leader() == null ? 0 : c.members().stream().filter(m -> "Up".equals(m.status()) && m.reachable()
                && m.roles().contains(CONTROL_PLANE_ROLE)).count();
    }

    /** Takes back a shutdown hook once its work was done without it (unless this JVM is already shutting down). */
    static void forgetShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // this JVM is already shutting down: the hook runs or has run
        }
    }
}
