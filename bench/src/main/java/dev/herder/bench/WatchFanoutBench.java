package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watch fan-out: WATCHERS concurrent watches of pods on one control-plane node's HTTP API (each its own HTTP/1.1
 * connection, watch=true from the list's resourceVersion, as an informer after its list), then WRITES pods created
 * one at a time through the same API; for each, the time from the create's acknowledgement (its 201 answer
 * reaching the writer) to its ADDED event reaching the first and the last watcher. Every watcher must see every
 * pod, or the bench fails naming how many did not. Prints p50, p99 and max of both.
 *
 * <p>Starts its own cluster: one etcd member, one control-plane JVM on 127.0.0.1:6351 (its API on the cluster's HTTP
 * port), one agent JVM of 3 simulated nodes (so each pod is also bound and reported Running: two more events to
 * every watcher); data and logs in bench/target/watch-fanout-bench. The watchers run in this JVM, on the same two
 * cores as the cluster. -DbasePort moves the range.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.WatchFanoutBench [watchers] [writes]</pre>
 */
public final class WatchFanoutBench {
    private static final int BASE_PORT = BenchSupport.basePort(6350);
    private static final int NODES = 3;
    private static final String AGENT_CONF = "herder.agent.capacity.pods = \"2000\"\n";
    private static final Duration FORM_WITHIN = Duration.ofMinutes(3);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_WITHIN = Duration.ofMinutes(2);
    private static final Duration EVENT_WITHIN = Duration.ofSeconds(30);
    /** Between writes, so that one write's events (and its bind's and status's) are out before the next. */
    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final int WARM_UP = 20;

    private WatchFanoutBench() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int watchers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path root = ClusterProcesses.repositoryRoot();
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/watch-fanout-bench"));
        BenchSupport.requireFreePorts("WatchFanoutBench", BASE_PORT, 1, 1);
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, 1);
             HerderClient client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT)) {
            System.out.println("starting one etcd member, one control-plane JVM and " + NODES
                    + " simulated nodes; logs in " + dir);
            BenchSupport.startSimulatedCluster(cluster, client, "fan", NODES, AGENT_CONF, FORM_WITHIN);
            String server = cluster.httpServer(1);
            HttpPods pods = new HttpPods(List.of(server));
            String prefix = "fan-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            int total = WARM_UP + writes;
            try (PodWatchers watching = new PodWatchers(server, pods.listVersion(), watchers, prefix, total)) {
                BenchSupport.await(watchers + " watches open", CONNECT_WITHIN, BenchSupport.POLL,
                        () -> watching.open() == watchers);
                System.out.println(watchers + " watches open; " + WARM_UP + " warm-up writes, then " + writes);
                List<Long> first = new ArrayList<>();
                List<Long> last = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    int status = pods.create(server, prefix + "-" + i);
                    long acked = System.nanoTime();
                    if (status != 201) {
                        throw new IllegalStateException("creating " + prefix + "-" + i + " answered " + status);
                    }
                    int write = i;
                    try {
                        BenchSupport.await("pod " + write + "'s ADDED at every watcher", EVENT_WITHIN,
                                Duration.ofMillis(5), () -> watching.seen(write) == watchers);
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException(e.getMessage() + ": " + watching.seen(write) + " of "
                                + watchers + " saw it, " + watching.ended() + " watches were cut", e);
                    }
                    if (i >= WARM_UP) {
                        first.add(watching.firstAt(i) - acked);
                        last.add(watching.lastAt(i) - acked);
                    }
                    Thread.sleep(PAUSE.toMillis());
                }
                System.out.println(row("ack -> first watcher", first));
                System.out.println(row("ack -> last watcher", last));
                System.out.println("watches cut meanwhile: " + watching.ended());
            }
        }
        System.out.printf(Locale.ROOT, "wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static String row(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-22s ms p50 %.1f, p99 %.1f, max %.1f (%d writes)", what,
                BenchSupport.percentile(sorted, 50) / 1e6, BenchSupport.percentile(sorted, 99) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }
}
