package dev.herder.bench;

import dev.herder.bench.ApplyLoad.Op;
import dev.herder.bench.ApplyLoad.Result;
import dev.herder.bench.ApplyLoad.Row;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.FailoverClient;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.controlplane.store.RegistryKeys;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Apply throughput and latency of single-object writes, beside etcd's own put rate measured in the same run against
 * the same etcd cluster. For N = 1, 8 and 64 sequential callers (each sends one request and waits for its answer
 * before the next), first N callers put 1 KiB values straight to the etcd members (jetcd), then N callers apply one
 * new pod per request through Herder's API; then the older rows: 1 client with 8 requests in flight, new services
 * from 1 and 8 clients, and with -Dreads=true reads of one pod. N callers run on min(N, 8) independent connections
 * (8 x 8 for 64), on both sides. Each row is COUNT requests. Prints every row, then the Herder/etcd table.
 *
 * <p>Herder's callers use {@link FailoverClient} (each request one ask straight to a node's ApiGateway; connection c
 * starts at node c mod 3, as a load balancer would spread them), or with -Dclient=cluster {@link HerderClient}
 * (ClusterClient, as the herder command). With no contacts it starts its own cluster — 3 etcd members, 3
 * control-plane JVMs on 127.0.0.1:5751-5753 (-DbasePort moves the whole range) and one agent JVM of 3 simulated
 * nodes on 5760, data and logs in bench/target/api-bench — and kills it at the end, also on failure. With contacts
 * it uses that cluster and starts nothing, and measures etcd only when given its endpoints. Writes
 * bench/target/apply-throughput.csv and apply-vs-etcd.csv; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.ApplyThroughput [count] [contacts] [etcd endpoints]</pre>
 */
public final class ApplyThroughput {
    private static final int BASE_PORT = BenchSupport.basePort(5750);
    private static final int CONTROL_PLANES = 3;
    private static final int NODES = 3;
    /** Room for every pod a run creates, so that none stays Pending and keeps the scheduler busy. */
    private static final String AGENT_CONF = "herder.agent.capacity.pods = \"2000\"\n";
    private static final int DEFAULT_COUNT = 200;
    /** Independent connections (client actor systems, jetcd clients); more callers share them. */
    private static final int MAX_CONNECTIONS = 8;
    private static final List<Integer> CALLERS = List.of(1, 8, 64);
    /** Unreported requests of a kind before its first row, from 8 callers: JIT, shard allocation, connections. */
    private static final int WARM_UP = 50;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    /** FailoverClient's attempt timeout: long, so that a slow answer under load is not sent again to another node. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FORM_WITHIN = Duration.ofMinutes(3);
    /** After a row of pods, until all of them run (bind and status writes of that row out of the next one's way). */
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(30);
    /** The issue's goals: Herder at least this share of etcd's put rate at 8 and 64 callers... */
    private static final double GOAL_RATIO = 0.5;
    /** ...and one caller's p99 at most this. */
    private static final double GOAL_SINGLE_P99_MS = 20;
    private static final String FORMAT = "%-14s %-18s %-8s %-8s %-10s %-9s %-9s %-9s%n";

    /** Each service port serves one service in the cluster: every bench service gets its own. */
    private static final AtomicInteger NEXT_SERVICE_PORT =
            new AtomicInteger(10_000 + (int) (System.currentTimeMillis() % 20_000));

    private ApplyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COUNT;
        Path root = ClusterProcesses.repositoryRoot();
        Path target = root.resolve("bench/target");
        List<Result> results;
        if (args.length > 1) {
            List<String> etcd = args.length > 2 ? List.of(args[2].split(",")) : List.of();
            System.out.println("against the running cluster at " + args[1]
                    + (etcd.isEmpty() ? " (no etcd endpoints given: etcd not measured)" : ", etcd at " + etcd));
            results = measure(List.of(args[1].split(",")), etcd, count);
        } else {
            Path dir = ClusterProcesses.emptyFolder(target.resolve("api-bench"));
            BenchSupport.requireFreePorts("ApplyThroughput", BASE_PORT, CONTROL_PLANES, 1);
            try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
                 HerderClient client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT)) {
                System.out.println("starting " + CONTROL_PLANES + " etcd members, " + CONTROL_PLANES
                        + " control-plane JVMs and " + NODES + " simulated nodes; logs in " + dir);
                BenchSupport.startSimulatedCluster(cluster, client, "sim", NODES, AGENT_CONF, FORM_WITHIN);
                results = measure(cluster.contactList(), cluster.etcd().endpoints(), count);
            }
        }
        report(results, target.resolve("apply-throughput.csv"));
        ApplyVsEtcd.report(results, CALLERS, GOAL_RATIO, GOAL_SINGLE_P99_MS, target.resolve("apply-vs-etcd.csv"));
        System.out.printf(Locale.ROOT, "wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** The rows: for each N etcd's puts then Herder's pod applies, then the older rows. */
    private static List<Row> rows(boolean etcd) {
        List<Row> rows = new ArrayList<>();
        for (int n : CALLERS) {
            int connections = Math.min(n, MAX_CONNECTIONS);
            if (etcd) {
                rows.add(new Row(Op.ETCD_PUT, connections, n / connections));
            }
            rows.add(new Row(Op.POD, connections, n / connections));
        }
        rows.addAll(List.of(new Row(Op.POD, 1, MAX_CONNECTIONS), new Row(Op.SERVICE, 1, 1),
                new Row(Op.SERVICE, MAX_CONNECTIONS, 1)));
        if (Boolean.getBoolean("reads")) {
            rows.addAll(List.of(new Row(Op.POD_GET, 1, 1), new Row(Op.POD_GET, MAX_CONNECTIONS, 1)));
        }
        return rows;
    }

    /** Connects MAX_CONNECTIONS independent clients (and as many to etcd), warms up, and runs every row. */
    private static List<Result> measure(List<String> contacts, List<String> etcdEndpoints, int count) throws Exception {
        String prefix = "bench-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        boolean viaClusterClient = "cluster".equals(System.getProperty("client"));
        System.out.println("Herder's callers use " + (viaClusterClient ? "HerderClient (ClusterClient)"
                : "FailoverClient (attempt timeout " + ATTEMPT_TIMEOUT.toSeconds() + " s)") + "; " + MAX_CONNECTIONS
                + " connections on each side, N callers spread over them");
        List<ApiClient> clients = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        try (EtcdPuts etcd = etcdEndpoints.isEmpty() ? null : new EtcdPuts(etcdEndpoints, MAX_CONNECTIONS)) {
            for (int c = 0; c < MAX_CONNECTIONS; c++) {
                ApiClient client = viaClusterClient ? HerderClient.connect(contacts, CLIENT_TIMEOUT)
                        : FailoverClient.connect(rotated(contacts, c), ATTEMPT_TIMEOUT, CLIENT_TIMEOUT);
                clients.add(client);
                client.call(new ApiRequest.ClusterStatus());
            }
            Set<Op> warm = EnumSet.noneOf(Op.class);
            boolean sizeShown = false;
            List<Row> rows = rows(etcd != null);
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                String rowPrefix = prefix + "-" + r;
                if (warm.add(row.op()) && row.op() != Op.POD_GET) {
                    String warmPrefix = prefix + "-warm-" + row.op().name().toLowerCase(Locale.ROOT);
                    run(new Row(row.op(), MAX_CONNECTIONS, 1), WARM_UP, clients, etcd, warmPrefix);
                    if (row.op() == Op.POD) {
                        awaitRunning(clients.get(0), prefix);
                    }
                }
                Result result = run(row, count, clients, etcd, rowPrefix);
                System.out.printf(Locale.ROOT, "%s, %s caller(s): %.1f objects/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                                + "%d failed%n", row.op().label, row.clientsLabel(), result.perSecond(), result.p50Ms(),
                        result.p99Ms(), result.maxMs(), result.failed());
                results.add(result);
                if (row.op() == Op.POD) {
                    awaitRunning(clients.get(0), prefix);
                    if (etcd != null && !sizeShown) {
                        sizeShown = true;
                        String key = RegistryKeys.key(Pod.KIND, BenchObjects.NAMESPACE, rowPrefix + "-0");
                        System.out.println("a bench pod, bound and Running, is stored in etcd as " + etcd.valueSize(key)
                                .stream().mapToObj(b -> b + " bytes").findFirst().orElse("(not found)") + " (" + key + ")");
                    }
                }
            }
        } finally {
            clients.forEach(ApiClient::close);
        }
        return results;
    }

    private static Result run(Row row, int count, List<ApiClient> clients, EtcdPuts etcd, String prefix)
            throws InterruptedException {
        return row.op() == Op.ETCD_PUT ? ApplyLoad.run(row, count, etcd.puts(prefix))
                : ApplyLoad.run(row, count, clients, requests(row.op(), prefix));
    }

    /** The contact points starting at the c-th (mod their number): connection c first talks to that node. */
    private static List<String> rotated(List<String> contacts, int c) {
        List<String> out = new ArrayList<>(contacts);
        Collections.rotate(out, -(c % contacts.size()));
        return out;
    }

    /** Request i of a row: a new object named prefix-i, or a read of the first warm-up pod. */
    private static IntFunction<ApiRequest> requests(Op op, String prefix) {
        return switch (op) {
            case POD -> i -> ApplyLoad.apply(BenchObjects.pod(prefix + "-" + i));
            case SERVICE -> i -> ApplyLoad.apply(BenchObjects.service(prefix + "-" + i, NEXT_SERVICE_PORT.getAndIncrement()));
            case POD_GET -> i -> ApplyLoad.getPod(prefix.substring(0, prefix.lastIndexOf('-')) + "-warm-pod-0");
            case ETCD_PUT -> throw new IllegalArgumentException("etcd puts bypass Herder's API");
        };
    }

    /** Waits (at most SETTLE_WITHIN, then goes on with a note) until every pod of this run is Running. */
    private static void awaitRunning(ApiClient client, String prefix) {
        try {
            BenchSupport.await("this run's pods Running", SETTLE_WITHIN, BenchSupport.POLL, () -> {
                var rsp = (ApiResponse.Objects) Pages.list(client, Pod.KIND, BenchObjects.NAMESPACE, null, null);
                return rsp.items().stream().map(Pod.class::cast).filter(p -> p.metadata().name().startsWith(prefix))
                        .allMatch(p -> p.status() != null && "Running".equals(p.status().phase()));
            });
        } catch (IllegalStateException e) {
            System.out.println("note: " + e.getMessage() + "; going on");
        }
    }

    private static void report(List<Result> results, Path csv) throws IOException {
        System.out.println();
        System.out.printf(FORMAT, "what", "callers", "objects", "failed", "objects/s", "p50 ms", "p99 ms", "max ms");
        StringBuilder out = new StringBuilder("what,clients,in_flight_per_client,objects,failed,objects_per_s,p50_ms,"
                + "p99_ms,max_ms\n");
        for (Result r : results) {
            String[] cells = {r.row().op().label, r.row().clientsLabel(), String.valueOf(r.count()),
                    String.valueOf(r.failed()), fixed(r.perSecond()), fixed(r.p50Ms()), fixed(r.p99Ms()), fixed(r.maxMs())};
            System.out.printf(FORMAT, (Object[]) cells);
            out.append(String.join(",", r.row().op().label, String.valueOf(r.row().clients()),
                    String.valueOf(r.row().inFlight()), cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]))
                    .append('\n');
        }
        Files.writeString(csv, out);
        System.out.println("written to " + csv);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
