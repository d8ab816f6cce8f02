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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Failover, measured from outside as a user sees it. Starts 3 etcd members, 3 control-plane JVMs and one JVM of 3
 * simulated nodes on loopback (127.0.0.1:3851-3853, 3860 and etcd on 3911-3913 / 3921-3923, -DbasePort moves them
 * all; data and logs in bench/target/failover-bench), then runs ROUNDS rounds of each mode asked for: {@code kill}
 * sends SIGKILL to the JVM that holds the Master; {@code other} to a control-plane JVM that does not; {@code etcd} to
 * the etcd member that leads; {@code leave} sends the Master's JVM SIGTERM, on which the node leaves the cluster
 * gracefully (Pekko's coordinated shutdown, run by the JVM's shutdown hook, leaves the cluster and hands the
 * singleton over before the JVM exits).
 *
 * <p>In every round a writer (a {@link FailoverWriter}: a FailoverClient of its own, attempt timeout
 * {@link #ATTEMPT_TIMEOUT}, talking first to the node about to be stopped) applies one new pod after another from
 * before the stop until at least {@link #WRITE_WINDOW} after it: the longest any write waited across the stop, and
 * the stop → the first write sent after it acknowledged. Beside it, every 100 ms, the bench asks for the cluster
 * status and applies (then reads) one new pod through a HerderClient with a 2 s timeout, and measures stop → first
 * status naming a different leader (when the Master moves), and stop → that pod first seen bound to a node. The
 * stopped process then starts again (a control-plane node on its data, joining through the other two; an etcd member
 * on its data), and the next round waits for 3 control-plane members Up and 3 Ready nodes, then {@link #SETTLE}
 * more. Prints a table with medians per mode, writes bench/target/failover.csv; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.FailoverBench [rounds] [kill|other|etcd|leave|both|all]</pre>
 */
public final class FailoverBench {
    private static final int BASE_PORT = BenchSupport.basePort(3850);
    private static final int CONTROL_PLANES = 3;
    private static final int NODES = 3;
    private static final int DEFAULT_ROUNDS = 5;
    /** The writer's pods stay (a few hundred a round): room for them all on the 3 simulated nodes. */
    private static final String AGENT_CONF = "herder.agent.capacity.pods = \"5000\"\n";
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);
    /** The writer's FailoverClient: one node's gateway silent this long, and the request goes to the next node. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(600);
    /** The writer's FailoverClient gives a write up after this long (counted as failed, timed to its failure). */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** The writer writes at least this long before the stop (connected, warm) ... */
    private static final Duration WRITE_BEFORE = Duration.ofSeconds(2);
    /**
     * ... and at least this long after it: past the failure detector, the Split Brain Resolver's downing and the
     * shards' move (about 10 s with config/), which a write to a pod whose shard lived on a killed node waits for.
     */
    private static final Duration WRITE_WINDOW = Duration.ofSeconds(20);
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
        List<Mode> modes = Mode.parse(args.length > 1 ? args[1] : "all");
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
            System.out.println("starting " + CONTROL_PLANES + " etcd members, " + CONTROL_PLANES
                    + " control-plane JVMs and " + NODES + " simulated nodes; logs in " + dir);
            BenchSupport.startSimulatedCluster(cluster, client, "sim", NODES, AGENT_CONF, FORM_WITHIN);
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
                    restart(cluster, result);
                }
            }
        } finally {
            if (!results.isEmpty()) {
                FailoverReport.report(results, target.resolve("failover.csv"));
            }
        }
    }

    /** Starts what the round stopped again: the control-plane node into the cluster, or the etcd member on its data. */
    private static void restart(ClusterProcesses cluster, Round result) throws Exception {
        if (result.mode() == Mode.ETCD) {
            int member = Integer.parseInt(result.stopped().substring("etcd-".length(), result.stopped().indexOf('@')));
            cluster.startEtcd(member);
            EtcdHealth.awaitAnswering(cluster.etcd().endpoints().get(member - 1), FORM_WITHIN);
        } else {
            BenchSupport.restartIntoCluster(cluster, cluster.indexOf(result.stopped()));
        }
    }

    /** Stops what mode says and measures, from outside, how long the cluster takes to be whole, and what a writer saw. */
    private static Round round(Mode mode, int round, String podName, ClusterProcesses cluster, HerderClient client)
            throws Exception {
        String leader = BenchSupport.awaitValue("a leader", FORM_WITHIN, BenchSupport.POLL,
                () -> BenchSupport.clusterStatus(client).leader());
        int master = cluster.indexOf(leader);
        int victim = switch (mode) {
            case KILL, LEAVE -> master;
            case OTHER -> otherThan(master, round, cluster.size());
            case ETCD -> cluster.etcdLeader();
        };
        String stopped = mode == Mode.ETCD ? "etcd-" + victim + "@" + cluster.etcd().endpoints().get(victim - 1)
                .replace("http://", "") : cluster.address(victim);
        // The writer talks first to the node about to be stopped (for an etcd member: the node after the Master's); a
        // write slower than the attempt timeout before the stop moves it to the next node, which the table shows.
        List<String> contacts = new ArrayList<>(cluster.contactList());
        Collections.rotate(contacts, -((mode == Mode.ETCD ? master : victim - 1) % contacts.size()));
        FailoverWriter writer = new FailoverWriter(contacts, ATTEMPT_TIMEOUT, WRITE_TIMEOUT, podName + "-w");
        Pod pod = BenchObjects.pod(podName);
        AtomicReference<String> newLeader = new AtomicReference<>();
        AtomicLong newLeaderAt = new AtomicLong();
        AtomicLong boundAt = new AtomicLong();
        AtomicLong created = new AtomicLong();
        CountDownLatch done = new CountDownLatch(mode.movesMaster() ? 2 : 1);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long stoppedAt;
        String writerNode;
        CompletableFuture<Long> gone;
        try {
            BenchSupport.await("the writer's first acknowledged write", FORM_WITHIN, BenchSupport.POLL,
                    () -> writer.acknowledged() > 0);
            Thread.sleep(WRITE_BEFORE.toMillis());
            writerNode = writer.node();
            stoppedAt = System.nanoTime();
            gone = stop(mode, cluster, victim);
            ticker.scheduleAtFixedRate(() -> {
                if (newLeaderAt.get() == 0) {
                    client.send(new ApiRequest.ClusterStatus()).thenAccept(rsp -> {
                        if (rsp instanceof ApiResponse.Cluster c && c.leader() != null && !c.leader().equals(leader)
                                && newLeaderAt.compareAndSet(0, System.nanoTime())) {
                            newLeader.set(c.leader());
                            if (mode.movesMaster()) {
                                done.countDown();
                            }
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
            long windowLeft = stoppedAt + WRITE_WINDOW.toNanos() - System.nanoTime();
            if (windowLeft > 0) {
                Thread.sleep(windowLeft / 1_000_000);
            }
        } finally {
            ticker.shutdownNow();
            writer.finish(WRITE_TIMEOUT.plus(ATTEMPT_TIMEOUT));
        }
        long goneAt = gone.get(STOPPED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        long msToLeader = !mode.movesMaster() && newLeader.get() == null ? FailoverReport.NOT_APPLICABLE
                : since(stoppedAt, newLeaderAt.get());
        return new Round(mode, round, stopped, newLeader.get(), msToLeader, since(stoppedAt, boundAt.get()),
                since(stoppedAt, goneAt), writerNode, writer.after(stoppedAt));
    }

    /** A control-plane node (1 ... size) that does not hold the Master: each round the next one of them. */
    private static int otherThan(int master, int round, int size) {
        List<Integer> others = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            if (i != master) {
                others.add(i);
            }
        }
        return others.get((round - 1) % others.size());
    }

    /**
     * kill, other, etcd: SIGKILL, and the status and pod requests begin once the process is gone (as before leave
     * rounds existed; the writer writes throughout). leave: SIGTERM, and the requests begin at once, while the node
     * leaves; the JVM's exit is awaited on the side. Completes with System.nanoTime() when the process has ended.
     */
    private static CompletableFuture<Long> stop(Mode mode, ClusterProcesses cluster, int index) throws Exception {
        if (mode == Mode.ETCD) {
            cluster.killEtcd(index);
            return CompletableFuture.completedFuture(System.nanoTime());
        }
        if (mode != Mode.LEAVE) {
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
        System.out.printf("writer: FailoverClient, attempt timeout %d ms, whole timeout %d s, %d ms between a write's "
                        + "answer and the next, from %d s before the stop to at least %d s after; etcd members with "
                        + "etcd's default --heartbeat-interval (100 ms) and --election-timeout (1000 ms)%n",
                ATTEMPT_TIMEOUT.toMillis(), WRITE_TIMEOUT.toSeconds(), FailoverWriter.GAP.toMillis(),
                WRITE_BEFORE.toSeconds(), WRITE_WINDOW.toSeconds());
    }
}
