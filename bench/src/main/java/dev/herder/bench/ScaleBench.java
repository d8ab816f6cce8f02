package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scheduling at scale on simulated nodes (kubemark's idea): 3 etcd members (127.0.0.1:5611-5613), 3 control-plane
 * JVMs (127.0.0.1:5551-5553; -DbasePort moves them all) and hollow
 * agent JVMs ({@code herder agent --simulated --nodes K}, 127.0.0.1:5560 upward, {@value #NODES_PER_AGENT} nodes
 * each) hosting N nodes; then replication controllers of {@value #PODS_PER_RC} replicas totalling M pods, applied
 * at once. Measures, per size: cluster start (JVMs started to N nodes Ready), apply → every pod created and every
 * pod Running (from the controllers' status: replicas and readyReplicas), the bindings (each pod's PodScheduled
 * time, read back at the end: first to last and per second), and each control-plane JVM's heap (in use, and live
 * after a full GC) and RSS, and each etcd member's RSS, data folder and database file (also per pod). Data and logs
 * in bench/target/scale-bench/NxM; the table is also written as bench/target/scale-bench.csv. Every JVM it started is killed at the end, also on failure.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.ScaleBench [NxM ...|large]</pre>
 *
 * No argument runs 100x10000 and 1000x100000; "large" runs 5000x1000000 as well. -Dwithin=MINUTES bounds the wait
 * for Running of each size, -DcpHeap / -DagentHeap set the JVMs' -Xmx.
 */
public final class ScaleBench {
    private static final int BASE_PORT = BenchSupport.basePort(5550);
    private static final int CONTROL_PLANES = 3;
    static final int NODES_PER_AGENT = 250;
    static final int PODS_PER_RC = 1000;
    /** Kubernetes' default of pods per node; nodes get more when M/N needs it, with this headroom. */
    private static final int MIN_PODS_PER_NODE = 110;
    private static final double POD_HEADROOM = 1.1;
    /** Bind times are read back by listing pods, at most this many (some RCs) per list, each read in pages. */
    private static final int PODS_PER_LIST = 10_000;
    private static final int RCS_PER_APPLY = 100;
    private static final int APPLY_ATTEMPTS = 5;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration START_WITHIN = Duration.ofMinutes(5);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final String LABEL = "bench=scale";
    /**
     * With -Dtolerant=true: a failure detector that waits out 10 s of silence (not 3 s) and an SBR stable for 10 s
     * before it downs, so that a machine whose CPUs others load heavily does not split the cluster. Off by
     * default: the figures are then those of the repository's settings.
     */
    private static final String TOLERANT = "pekko.cluster.failure-detector.acceptable-heartbeat-pause = 10s\n"
            + "pekko.cluster.split-brain-resolver.stable-after = 10s\n";
    /** A JVM starting on a machine whose CPUs are busy can take longer than Pekko's 5 s to start its logger. */
    private static final String LOADED_MACHINE = "pekko.logger-startup-timeout = 30s\n"
            + (Boolean.getBoolean("tolerant") ? TOLERANT : "");

    record Size(int nodes, int pods) {
        static Size parse(String text) {
            String[] nm = text.toLowerCase(Locale.ROOT).split("x");
            return new Size(Integer.parseInt(nm[0]), Integer.parseInt(nm[1]));
        }

        int agents() {
            return (nodes + NODES_PER_AGENT - 1) / NODES_PER_AGENT;
        }

        int controllers() {
            return (pods + PODS_PER_RC - 1) / PODS_PER_RC;
        }

        @Override
        public String toString() {
            return nodes + "x" + pods;
        }
    }

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Size> sizes = new ArrayList<>();
        for (String a : args) {
            if (a.equals("large")) {
                sizes.addAll(List.of(new Size(100, 10_000), new Size(1_000, 100_000), new Size(5_000, 1_000_000)));
            } else {
                sizes.add(Size.parse(a));
            }
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(new Size(100, 10_000), new Size(1_000, 100_000)));
        }
        Path root = ClusterProcesses.repositoryRoot();
        List<ScaleResult> results = new ArrayList<>();
        for (Size size : sizes) {
            ScaleResult r = run(root, size);
            results.add(r);
            System.out.println(ScaleResult.table(results));
            Files.writeString(root.resolve("bench/target/scale-bench.csv"), ScaleResult.csv(results));
        }
    }

    private static ScaleResult run(Path root, Size size) throws Exception {
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/scale-bench/" + size));
        BenchSupport.requireFreePorts("ScaleBench", BASE_PORT, CONTROL_PLANES, size.agents());
        ScaleResult r = new ScaleResult(size);
        List<Process> controlPlanes = new ArrayList<>();
        log(size, "starting 3 etcd members, 3 control-plane JVMs and " + size.agents() + " agent JVMs; data and logs in "
                + dir);
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
             HerderClient client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT)) {
            cluster.heaps(System.getProperty("cpHeap", defaultControlPlaneHeap(size)),
                    System.getProperty("agentHeap", "1g"));
            cluster.controlPlaneConfig(LOADED_MACHINE + System.getProperty("conf", "").replace(";", "\n") + "\n");
            long clusterStart = System.nanoTime();
            for (int i = 1; i <= CONTROL_PLANES; i++) {
                controlPlanes.add(cluster.startControlPlane(i));
            }
            try {
                // The agents start with the control plane, as machines booting together would: each joins through the
                // seed nodes as soon as one of them is up.
                int podsPerNode = Math.max(MIN_PODS_PER_NODE, (int) Math.ceil(POD_HEADROOM * size.pods() / size.nodes()));
                int left = size.nodes();
                for (int i = 0; i < size.agents(); i++) {
                    int here = Math.min(NODES_PER_AGENT, left);
                    left -= here;
                    cluster.startSimulatedAgent("hollow-" + (i + 1), here, i,
                            LOADED_MACHINE + "herder.agent.capacity.pods = \"" + podsPerNode + "\"\n");
                }
                BenchSupport.await("3 control-plane members Up with a leader", START_WITHIN, POLL,
                        () -> BenchSupport.controlPlanesUp(client) == CONTROL_PLANES);
                BenchSupport.await(size.nodes() + " Ready nodes", START_WITHIN, POLL,
                        () -> BenchSupport.readyNodes(client) == size.nodes());
                r.clusterStartMs = millisSince(clusterStart);
                log(size, "cluster up in " + r.clusterStartMs + " ms; applying " + size.controllers() + " RCs");
                Instant applied = Instant.now();
                long t0 = System.nanoTime();
                for (int from = 0; from < size.controllers(); from += RCS_PER_APPLY) {
                    apply(client, size, controllers(size, from, Math.min(size.controllers(), from + RCS_PER_APPLY)));
                }
                r.applyMs = millisSince(t0);
                awaitRunning(client, size, r, t0);
                r.totalWallMs = millisSince(clusterStart);
                if (r.error == null && !"false".equals(System.getProperty("bindTimes"))) {
                    bindTimes(client, size, r, applied);
                }
            } catch (RuntimeException e) {
                r.error = e.getMessage();
                log(size, "FAILED: " + e);
            } finally {
                for (Process p : controlPlanes) {
                    r.controlPlanes.add(p.isAlive() ? JvmStats.of(p.pid()) : new JvmStats(-1, -1, -1));
                }
                r.etcdMembers.addAll(EtcdStats.of(cluster.etcd()));
            }
        }
        return r;
    }

    /**
     * Applies the controllers; those the API could not confirm in time (UNAVAILABLE: a busy control plane) are
     * applied again, which creates them or finds them unchanged. Fails on any other error.
     */
    private static void apply(HerderClient client, Size size, String yaml) {
        List<ApiObject> left = ManifestReader.read(yaml, "scale-bench").objects();
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            ApiResponse rsp = client.call(new ApiRequest.Apply(left));
            if (!(rsp instanceof ApiResponse.Applied applied)) {
                throw new IllegalStateException("apply failed: " + rsp);
            }
            List<ApiObject> again = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                ApiError error = applied.outcomes().get(i).error();
                if (error != null && (error.code() != ApiError.Code.UNAVAILABLE || attempt >= APPLY_ATTEMPTS)) {
                    throw new IllegalStateException("apply of " + left.get(i).metadata().name() + " failed: " + error.message());
                } else if (error != null) {
                    again.add(left.get(i));
                }
            }
            if (!again.isEmpty()) {
                log(size, again.size() + " controllers not confirmed in time; applying them again");
            }
            left = again;
        }
    }

    private static String defaultControlPlaneHeap(Size size) {
        return size.pods() <= 10_000 ? "1g" : size.pods() <= 100_000 ? "3g" : "6g";
    }

    private static void awaitRunning(HerderClient client, Size size, ScaleResult r, long t0) {
        Duration within = Duration.ofMinutes(Long.getLong("within", 10 + size.pods() / 5_000));
        long deadline = t0 + within.toNanos();
        long nextProgress = 0;
        while (System.nanoTime() < deadline) {
            int[] counts;
            try {
                counts = counts(client);
            } catch (RuntimeException e) {
                log(size, "status not read: " + e.getMessage());
                sleep(POLL);
                continue;
            }
            r.created = counts[0];
            r.running = counts[1];
            if (r.allCreatedMs < 0 && counts[0] >= size.pods()) {
                r.allCreatedMs = millisSince(t0);
            }
            if (counts[1] >= size.pods()) {
                r.allRunningMs = millisSince(t0);
                log(size, "all " + size.pods() + " pods Running " + r.allRunningMs + " ms after the first apply");
                return;
            }
            if (System.nanoTime() >= nextProgress) {
                log(size, String.format("+%6d ms: %d pods created, %d Running", millisSince(t0), counts[0], counts[1]));
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            sleep(POLL);
        }
        throw new IllegalStateException("not all pods Running within " + within.toMinutes() + " min: " + r.created
                + " created, " + r.running + " Running");
    }

    /** Pods created and pods Ready (Running), summed over the controllers' status, as `herder get rc` shows them. */
    private static int[] counts(HerderClient client) {
        ApiResponse rsp = Pages.list(client, ReplicationController.KIND, "default", LABEL, null);
        if (!(rsp instanceof ApiResponse.Objects o)) {
            throw new IllegalStateException(String.valueOf(rsp));
        }
        int created = 0;
        int ready = 0;
        for (var item : o.items()) {
            ReplicationControllerStatus s = ((ReplicationController) item).status();
            if (s != null) {
                created += s.replicas() == null ? 0 : s.replicas();
                ready += s.readyReplicas() == null ? 0 : s.readyReplicas();
            }
        }
        return new int[] {created, ready};
    }

    /** Each pod's PodScheduled time (the Pod entity's clock; every JVM runs on this machine), listed a few RCs at a time. */
    private static void bindTimes(HerderClient client, Size size, ScaleResult r, Instant applied) {
        int rcsPerList = Math.max(1, PODS_PER_LIST / PODS_PER_RC);
        List<Long> binds = new ArrayList<>();
        for (int from = 0; from < size.controllers(); from += rcsPerList) {
            List<String> names = new ArrayList<>();
            for (int i = from; i < Math.min(size.controllers(), from + rcsPerList); i++) {
                names.add(rcName(i));
            }
            ApiResponse rsp = Pages.list(client, Pod.KIND, "default", "app in (" + String.join(",", names) + ")", null);
            if (!(rsp instanceof ApiResponse.Objects o)) {
                log(size, "could not list pods for their bind times: " + rsp);
                return;
            }
            for (var item : o.items()) {
                Pod p = (Pod) item;
                if (p.status() == null || p.status().conditions() == null) {
                    continue;
                }
                for (PodCondition c : p.status().conditions()) {
                    if ("PodScheduled".equals(c.type()) && "True".equals(c.status()) && c.lastTransitionTime() != null) {
                        binds.add(Duration.between(applied, Instant.parse(c.lastTransitionTime())).toMillis());
                    }
                }
            }
        }
        binds.sort(null);
        r.bindTimes(binds);
    }

    private static String controllers(Size size, int from, int to) {
        StringBuilder yaml = new StringBuilder();
        for (int i = from; i < to; i++) {
            int replicas = Math.min(PODS_PER_RC, size.pods() - i * PODS_PER_RC);
            yaml.append("---\napiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: ").append(rcName(i))
                    .append("\n  labels:\n    bench: scale\nspec:\n  replicas: ").append(replicas)
                    .append("\n  selector:\n    app: ").append(rcName(i))
                    .append("\n  template:\n    metadata:\n      labels:\n        app: ").append(rcName(i))
                    .append("\n    spec:\n      containers:\n      - name: main\n        image: sim/pause:1\n");
        }
        return yaml.toString();
    }

    private static String rcName(int i) {
        return String.format("scale-%04d", i);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void log(Size size, String line) {
        System.out.println("[" + Instant.now() + " " + size + "] " + line);
    }
}
