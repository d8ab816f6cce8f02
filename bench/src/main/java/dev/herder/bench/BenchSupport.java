package dev.herder.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** What the benchmarks share: checking their ports before they start a cluster, waiting, and percentiles. */
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
    static void apply(dev.herder.cli.client.HerderClient client, String yaml) {
        var rsp = client.call(new dev.herder.protocol.wire.ApiRequest.Apply(
                dev.herder.protocol.manifest.ManifestReader.read(yaml, "bench").objects()));
        if (!(rsp instanceof dev.herder.protocol.wire.ApiResponse.Applied a) || !a.allSucceeded()) {
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
    static void await(String what, java.time.Duration within, java.time.Duration poll,
                      java.util.function.BooleanSupplier condition) {
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
}
