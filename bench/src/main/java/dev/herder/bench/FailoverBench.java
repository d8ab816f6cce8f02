package dev.herder.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Master failover time, measured from outside as a user sees it. Starts 3 control-plane JVMs and one JVM of 3
 * simulated nodes on loopback (127.0.0.1:3851-3853 and 3860, data and logs in bench/target/failover-bench), then,
 * ROUNDS times: kills the JVM that holds the Master with SIGKILL and, every 100 ms from then on, asks for the
 * cluster status and applies (then reads) one new pod, each request with a 2 s client timeout. It measures
 * kill → first status naming a different leader, and kill → that pod first seen bound to a node (scheduled by
 * the new Master). The killed node then starts again on its data, and the next round waits for 3 control-plane
 * members Up and 3 Ready nodes, then {@link #SETTLE} more. Prints a table and medians, writes
 * bench/target/failover.csv; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.FailoverBench [rounds]</pre>
 */
public final class FailoverBench {
    private static final int BASE_PORT = 3850;
    private static final int CONTROL_PLANES = 3;
    private static final int NODES = 3;
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration FORM_WITHIN = Duration.ofSeconds(90);
    private static final Duration FAILOVER_WITHIN = Duration.ofSeconds(60);
    /**
     * After all members are Up, before the next kill: the status answers from one node's view, and the others
     * learn that the restarted node is Up by gossip (one exchange per pekko.cluster.gossip-interval, 1 s). A
     * kill before they do leaves a survivor that counts only 2 Up control-plane nodes, one of them unreachable;
     * keep-majority then downs the survivor's side (a tie goes to the lowest address) and the whole cluster.
     */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final String NAMESPACE = "default";

    private FailoverBench() {
    }

    /** One round's figures; a figure is -1 when it was not observed within the round's time limit. */
    record Round(int round, String killed, String newLeader, long msToNewLeader, long msToFirstPodBound) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = ClusterProcesses.repositoryRoot();
        Path target = root.resolve("bench/target");
        Path dir = ClusterProcesses.emptyFolder(target.resolve("failover-bench"));
        printSettings(root);
        requireFreePorts();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Round> results = new ArrayList<>();
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
             HerderClient client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT)) {
            System.out.println("starting " + CONTROL_PLANES + " control-plane JVMs and " + NODES
                    + " simulated nodes; logs in " + dir);
            cluster.startAllControlPlanes();
            awaitControlPlanes(client, CONTROL_PLANES);
            cluster.startSimulatedAgent("sim", NODES, 0);
            for (int r = 1; r <= rounds; r++) {
                awaitControlPlanes(client, CONTROL_PLANES);
                awaitReadyNodes(client, NODES);
                settle();
                Round result = round(r, "failover-" + run + "-" + r, cluster, client);
                System.out.println(describe(result, cluster));
                results.add(result);
                if (r < rounds) {
                    cluster.startControlPlane(cluster.indexOf(result.killed()));
                }
            }
        } finally {
            if (!results.isEmpty()) {
                report(results, target.resolve("failover.csv"));
            }
        }
    }

    /** Kills the Master's JVM and measures, from outside, how long the cluster takes to be whole again. */
    private static Round round(int round, String podName, ClusterProcesses cluster, HerderClient client) throws Exception {
        String leader = await("a leader", FORM_WITHIN, () -> status(client).leader());
        Pod pod = ApplyThroughput.pod(podName);
        AtomicReference<String> newLeader = new AtomicReference<>();
        AtomicLong newLeaderAt = new AtomicLong();
        AtomicLong boundAt = new AtomicLong();
        AtomicLong created = new AtomicLong();
        CountDownLatch done = new CountDownLatch(2);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long killedAt = System.nanoTime();
        cluster.kill(cluster.indexOf(leader));
        try {
            ticker.scheduleAtFixedRate(() -> {
                if (newLeaderAt.get() == 0) {
                    client.send(new ApiRequest.ClusterStatus()).thenAccept(rsp -> {
                        if (rsp instanceof ApiResponse.Cluster c && c.leader() != null && !c.leader().equals(leader)
                                && newLeaderAt.compareAndSet(0, System.nanoTime())) {
                            newLeader.set(c.leader());
                            done.countDown();
                        }
                    });
                }
                if (created.get() == 0) {
                    client.send(new ApiRequest.Apply(List.<ApiObject>of(pod))).thenAccept(rsp -> {
                        if (rsp instanceof ApiResponse.Applied a && a.allSucceeded()) {
                            created.compareAndSet(0, System.nanoTime());
                        }
                    });
                } else if (boundAt.get() == 0) {
                    client.send(new ApiRequest.Get(Pod.KIND, NAMESPACE, podName, null)).thenAccept(rsp -> {
                        if (rsp instanceof ApiResponse.Objects o && !o.items().isEmpty()
                                && ((Pod) o.items().get(0)).spec().nodeName() != null
                                && boundAt.compareAndSet(0, System.nanoTime())) {
                            done.countDown();
                        }
                    });
                }
            }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
            done.await(FAILOVER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            ticker.shutdownNow();
        }
        return new Round(round, leader, newLeader.get(), since(killedAt, newLeaderAt.get()), since(killedAt, boundAt.get()));
    }

    private static String describe(Round r, ClusterProcesses cluster) {
        if (r.newLeader() == null || r.msToFirstPodBound() < 0) {
            List<Integer> alive = new ArrayList<>();
            for (int i = 1; i <= CONTROL_PLANES; i++) {
                if (cluster.isRunning(i)) {
                    alive.add(i);
                }
            }
            return String.format("round %d: killed %s; within %d s: new leader %s, first pod bound after %s ms "
                    + "(control-plane JVMs still running: %s; see their logs)", r.round(), r.killed(),
                    FAILOVER_WITHIN.toSeconds(), r.newLeader() == null ? "none" : r.newLeader() + " after "
                    + r.msToNewLeader() + " ms", shown(r.msToFirstPodBound()), alive);
        }
        return String.format("round %d: killed %s, new leader %s after %d ms, first pod bound after %d ms", r.round(),
                r.killed(), r.newLeader(), r.msToNewLeader(), r.msToFirstPodBound());
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
    }

    private static long since(long start, long at) {
        return at == 0 ? -1 : (at - start) / 1_000_000;
    }

    private static ApiResponse.Cluster status(HerderClient client) {
        return (ApiResponse.Cluster) client.call(new ApiRequest.ClusterStatus());
    }

    private static void awaitControlPlanes(HerderClient client, int count) {
        await(count + " control-plane members Up with a leader", FORM_WITHIN, () -> {
            ApiResponse.Cluster c = status(client);
            long up = c.members().stream().filter(m -> m.status().equals("Up") && m.reachable()
                    && m.roles().contains("control-plane")).count();
            return c.leader() != null && up == count ? c : null;
        });
    }

    private static void awaitReadyNodes(HerderClient client, int count) {
        await(count + " Ready nodes", FORM_WITHIN, () -> {
            ApiResponse rsp = client.call(new ApiRequest.Get(Node.KIND, null, null, null));
            long ready = ((ApiResponse.Objects) rsp).items().stream().map(Node.class::cast)
                    .filter(FailoverBench::ready).count();
            return ready == count ? rsp : null;
        });
    }

    private static boolean ready(Node n) {
        return n.status() != null && n.status().conditions() != null && n.status().conditions().stream()
                .anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
    }

    /** Polls until what gives a value; a failed call (the cluster forming or failing over) counts as not yet. */
    private static <T> T await(String what, Duration timeout, Supplier<T> poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = poll.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    private static void requireFreePorts() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= CONTROL_PLANES; i++) {
            ports.add(BASE_PORT + i);
        }
        ports.add(BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET);
        BenchSupport.requireFreePorts("FailoverBench", ports);
    }

    /** The timings this run depends on, as config/application.conf and the client's config set them. */
    private static void printSettings(Path root) {
        Config app = ConfigFactory.parseFile(root.resolve(ClusterProcesses.APPLICATION_CONF).toFile())
                .resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true)).getConfig("pekko.cluster");
        Config client = ConfigFactory.parseResources("herder-client.conf").getConfig("pekko.cluster.client");
        System.out.printf("settings (config/application.conf): failure-detector heartbeat-interval=%s "
                        + "acceptable-heartbeat-pause=%s threshold=%s; split-brain-resolver %s stable-after=%s "
                        + "down-all-when-unstable=%s; singleton hand-over-retry-interval=%s%n",
                app.getString("failure-detector.heartbeat-interval"),
                app.getString("failure-detector.acceptable-heartbeat-pause"), app.getString("failure-detector.threshold"),
                app.getString("split-brain-resolver.active-strategy"), app.getString("split-brain-resolver.stable-after"),
                app.getString("split-brain-resolver.down-all-when-unstable"),
                app.getString("singleton.hand-over-retry-interval"));
        System.out.printf("client: timeout=%d ms, request every %d ms; ClusterClient heartbeat-interval=%s "
                        + "acceptable-heartbeat-pause=%s (herder-client.conf)%n", CLIENT_TIMEOUT.toMillis(), TICK.toMillis(),
                client.getString("heartbeat-interval"), client.getString("acceptable-heartbeat-pause"));
    }

    private static void report(List<Round> results, Path csv) throws IOException {
        String format = "%-6s %-16s %-16s %-18s %-26s%n";
        System.out.println();
        System.out.printf(format, "round", "killed", "new leader", "ms to new leader", "ms to first pod scheduled");
        StringBuilder out = new StringBuilder("round,killed,new_leader,ms_to_new_leader,ms_to_first_pod_scheduled\n");
        for (Round r : results) {
            System.out.printf(format, r.round(), r.killed(), r.newLeader() == null ? "-" : r.newLeader(),
                    shown(r.msToNewLeader()), shown(r.msToFirstPodBound()));
            out.append(r.round()).append(',').append(r.killed()).append(',').append(r.newLeader() == null ? "" : r.newLeader())
                    .append(',').append(r.msToNewLeader()).append(',').append(r.msToFirstPodBound()).append('\n');
        }
        String leaderMedian = median(results.stream().mapToLong(Round::msToNewLeader).toArray());
        String podMedian = median(results.stream().mapToLong(Round::msToFirstPodBound).toArray());
        System.out.printf(format, "median", "", "", leaderMedian, podMedian);
        out.append("median,,,").append(leaderMedian).append(',').append(podMedian).append('\n');
        Files.writeString(csv, out);
        System.out.println("written to " + csv);
    }

    /** The median of the observed figures (-1 means not observed and is left out). */
    private static String median(long[] figures) {
        long[] seen = Arrays.stream(figures).filter(f -> f >= 0).sorted().toArray();
        if (seen.length == 0) {
            return "-";
        }
        int mid = seen.length / 2;
        long median = seen.length % 2 == 1 ? seen[mid] : (seen[mid - 1] + seen[mid]) / 2;
        return seen.length == figures.length ? String.valueOf(median) : median + " (" + seen.length + " seen)";
    }

    private static String shown(long ms) {
        return ms < 0 ? "not seen" : String.valueOf(ms);
    }
}
