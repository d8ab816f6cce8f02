package dev.herder.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** What the benchmarks share: checking their ports before they start a cluster, and percentiles. */
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

    /** The nearest-rank percentile (0 < p <= 100) of values sorted ascending. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
