package dev.herder.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import dev.herder.bench.FailoverReport.Mode;
import dev.herder.bench.FailoverReport.Round;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Master failover time, measured from outside as a user sees it. Starts 3 control-plane JVMs and one JVM of 3
 * simulated nodes on loopback (127.0.0.1:3851-3853 and 3860, data and logs in bench/target/failover-bench), then
 * runs ROUNDS rounds of each mode asked for: {@code kill} sends SIGKILL to the JVM that holds the Master;
 * {@code leave} sends it SIGTERM, on which the node leaves the cluster gracefully (Pekko's coordinated shutdown,
 * run by the JVM's shutdown hook, leaves the cluster and hands the singleton over before the JVM exits). From
 * then on, every 100 ms, it asks for the cluster status and applies (then reads) one new pod, each request with
 * a 2 s client timeout, and measures stop → first status naming a different leader, and stop → that pod first
 * seen bound to a node. The stopped node then starts again on its data (joining through the other two), and the next round waits for 3
 * control-plane members Up and 3 Ready nodes, then {@link #SETTLE} more. Prints a table with medians per mode,
 * writes bench/target/failover.csv; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.FailoverBench [rounds] [kill|leave|both]</pre>
 */
public final class FailoverBench {
    private static final int BASE_PORT = BenchSupport.basePort(3850);
    private static final int CONTROL_PLANES = 3;
    private static final int NODES = 3;
    private static final int DEFAULT_ROUNDS = 5;
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FORM_WITHIN = Duration.ofMinutes(3);
    private static final Duration FAILOVER_WITHIN = Duration.ofSeconds(60);
    /** ClusterProcesses.stop kills a node that has not left within 30 s; this covers that and the kill. */
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(45);
    /**
     * After all members are Up, before the next stop: the status answers from one node's view, and the others
     * learn that the restarted node is Up by gossip (one exchange per pekko.cluster.gossip-interval, 1 s). A
     * kill before they do leaves a survivor that counts only 2 Up control-plane nodes, one of them unreachable;
     * keep-majority then downs the survivor's side (a tie goes to the lowest address) and the whole cluster.
     */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private FailoverBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
        List<Mode> modes = Mode.parse(args.length > 1 ? args[1] : "both");
        Path root = ClusterProcesses.repositoryRoot();
        Path target = root.resolve("bench/target");
        Path dir = ClusterProcesses.emptyFolder(target.resolve("failover-bench"));
        printSettings(root);
        BenchSupport.requireFreePorts("FailoverBench", BASE_PORT, CONTROL_PLANES, 1);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Round> results = new ArrayList<>();
        int total = rounds * modes.size();
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
             HerderClient client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT)) {
            System.out.println("starting " + CONTROL_PLANES + " control-plane JVMs and " + NODES
                    + " simulated nodes; logs in " + dir);
            BenchSupport.startSimulatedCluster(cluster, client, "sim", NODES, "", FORM_WITHIN);
            for (int n = 0; n < total; n++) {
                Mode mode = modes.get(n / rounds);
                int r = n % rounds + 1;
                BenchSupport.awaitControlPlanes(client, CONTROL_PLANES, FORM_WITHIN);
                BenchSupport.awaitReadyNodes(client, NODES, FORM_WITHIN);
                Thread.sleep(SETTLE.toMillis());
                Round result = round(mode, r, "failover-" + run + "-" + mode.label() + "-" + r, cluster, client);
                System.out.println(FailoverReport.describe(result, cluster, FAILOVER_WITHIN));
                results.add(result);
                if (n < total - 1) {
                    BenchSupport.restartIntoCluster(cluster, cluster.indexOf(result.stopped()));
                }
            }
        } finally {
            if (!results.isEmpty()) {
                FailoverReport.report(results, target.resolve("failover.csv"));
            }
        }
    }

    /** Stops the Master's JVM as mode says and measures, from outside, how long the cluster takes to be whole. */
    private static Round round(Mode mode, int round, String podName, ClusterProcesses cluster, HerderClient client)
            throws Exception {
        String leader = BenchSupport.awaitValue("a leader", FORM_WITHIN, BenchSupport.POLL,
                () -> BenchSupport.clusterStatus(client).leader());
        int index = cluster.indexOf(leader);
        Pod pod = BenchObjects.pod(podName);
        AtomicReference<String> newLeader = new AtomicReference<>();
        AtomicLong newLeaderAt = new AtomicLong();
        AtomicLong boundAt = new AtomicLong();
        AtomicLong created = new AtomicLong();
        CountDownLatch done = new CountDownLatch(2);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long stoppedAt = System.nanoTime();
        CompletableFuture<Long> gone = stop(mode, cluster, index);
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
                    client.send(new ApiRequest.Get(Pod.KIND, BenchObjects.NAMESPACE, podName, null)).thenAccept(rsp -> {
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
        long goneAt = gone.get(STOPPED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        return new Round(mode, round, leader, newLeader.get(), since(stoppedAt, newLeaderAt.get()),
                since(stoppedAt, boundAt.get()), since(stoppedAt, goneAt));
    }

    /**
     * kill: SIGKILL, and the requests begin once the JVM is gone (as before leave rounds existed). leave:
     * SIGTERM, and the requests begin at once, while the node leaves; the JVM's exit is awaited on the side.
     * Completes with System.nanoTime() when the JVM has ended.
     */
    private static CompletableFuture<Long> stop(Mode mode, ClusterProcesses cluster, int index) throws Exception {
        if (mode == Mode.KILL) {
            cluster.kill(index);
            return CompletableFuture.completedFuture(System.nanoTime());
        }
        CompletableFuture<Long> gone = new CompletableFuture<>();
        Thread stopper = new Thread(() -> {
            try {
                cluster.stop(index);
                gone.complete(System.nanoTime());
            } catch (InterruptedException | RuntimeException e) {
                gone.completeExceptionally(e);
            }
        }, "failover-bench-stop");
        stopper.start();
        return gone;
    }

    private static long since(long start, long at) {
        return at == 0 ? -1 : (at - start) / 1_000_000;
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
}
