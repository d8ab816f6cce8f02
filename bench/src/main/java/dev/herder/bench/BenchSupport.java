package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
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
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the benchmarks share: checking their ports before they start a cluster, applying, waiting, running a
 * command, the cluster's Ready nodes, and percentiles.
 */
final class BenchSupport {
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
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
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
            ApiResponse rsp = client.call(new ApiRequest.Get(Node.KIND, null, null, null));
            return rsp instanceof ApiResponse.Objects o ? o.items().stream().map(Node.class::cast)
                    .filter(n -> n.status() != null && n.status().conditions() != null && n.status().conditions()
                            .stream().anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status())))
                    .count() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** How many control-plane members are Up and reachable, once there is a leader (0 before). */
    static long controlPlanesUp(HerderClient client) {
        ApiResponse.Cluster c = (ApiResponse.Cluster) client.call(new ApiRequest.ClusterStatus());
        return c.leader() == null ? 0 : c.members().stream().filter(m -> "Up".equals(m.status()) && m.reachable()
                && m.roles().contains("control-plane")).count();
    }
}
