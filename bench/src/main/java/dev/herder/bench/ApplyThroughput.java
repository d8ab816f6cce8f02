package dev.herder.bench;

import dev.herder.bench.ApplyLoad.Op;
import dev.herder.bench.ApplyLoad.Result;
import dev.herder.bench.ApplyLoad.Row;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Apply throughput and latency of single-object writes through ClusterClient, as a table of rows: new pods from
 * 1 client, from 8 independent clients (8 HerderClients, each its own client actor system and ClusterClient,
 * each with one request outstanding), and from 1 client with 8 requests in flight; new services from 1 and 8
 * clients; with -Dreads=true also reads of one pod from 1 and 8 clients. Each row is COUNT requests.
 *
 * <p>With no contacts it starts its own cluster — 3 control-plane JVMs on 127.0.0.1:5751-5753 and one agent JVM
 * of 3 simulated nodes on 5760, data and logs in bench/target/api-bench — and kills it at the end, also on
 * failure. With contacts it uses that cluster and starts nothing. Prints the table, writes
 * bench/target/apply-throughput.csv; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.ApplyThroughput [count] [contacts]</pre>
 */
public final class ApplyThroughput {
    private static final int BASE_PORT = 5750;
    private static final int CONTROL_PLANES = 3;
    private static final int NODES = 3;
    /** Room for every pod a run creates, so that none stays Pending and keeps the scheduler busy. */
    private static final String AGENT_CONF = "herder.agent.capacity.pods = \"1000\"\n";
    private static final int DEFAULT_COUNT = 100;
    private static final int MAX_CLIENTS = 8;
    /** Unreported applies of a kind before its first row, from all clients: JIT, shard allocation, connections. */
    private static final int WARM_UP = 50;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORM_WITHIN = Duration.ofMinutes(3);
    /** After a row of pods, until all of them run (bind and status writes of that row out of the next one's way). */
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(30);
    private static final List<Row> ROWS = List.of(new Row(Op.POD, 1, 1), new Row(Op.POD, MAX_CLIENTS, 1),
            new Row(Op.POD, 1, MAX_CLIENTS), new Row(Op.SERVICE, 1, 1), new Row(Op.SERVICE, MAX_CLIENTS, 1));
    private static final List<Row> READ_ROWS = List.of(new Row(Op.POD_GET, 1, 1), new Row(Op.POD_GET, MAX_CLIENTS, 1));
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
            System.out.println("against the running cluster at " + args[1]);
            results = measure(List.of(args[1].split(",")), count);
        } else {
            Path dir = ClusterProcesses.emptyFolder(target.resolve("api-bench"));
            BenchSupport.requireFreePorts("ApplyThroughput", BASE_PORT, CONTROL_PLANES, 1);
            try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
                 HerderClient client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT)) {
                System.out.println("starting " + CONTROL_PLANES + " control-plane JVMs and " + NODES
                        + " simulated nodes; logs in " + dir);
                BenchSupport.startSimulatedCluster(cluster, client, "sim", NODES, AGENT_CONF, FORM_WITHIN);
                results = measure(cluster.contactList(), count);
            }
        }
        report(results, target.resolve("apply-throughput.csv"));
        System.out.printf(Locale.ROOT, "wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Connects MAX_CLIENTS independent clients, warms up, and runs every row. */
    private static List<Result> measure(List<String> contacts, int count) throws Exception {
        String prefix = "bench-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<HerderClient> clients = new ArrayList<>();
        List<Row> rows = new ArrayList<>(ROWS);
        if (Boolean.getBoolean("reads")) {
            rows.addAll(READ_ROWS);
        }
        List<Result> results = new ArrayList<>();
        try {
            for (int c = 0; c < MAX_CLIENTS; c++) {
                HerderClient client = HerderClient.connect(contacts, CLIENT_TIMEOUT);
                clients.add(client);
                client.call(new ApiRequest.ClusterStatus());
            }
            Set<Op> warm = EnumSet.noneOf(Op.class);
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                if (warm.add(row.op()) && row.op() != Op.POD_GET) {
                    ApplyLoad.run(new Row(row.op(), MAX_CLIENTS, 1), WARM_UP, clients, requests(row.op(),
                            prefix + "-warm-" + row.op().name().toLowerCase(Locale.ROOT)));
                    awaitRunning(clients.get(0), prefix);
                }
                Result result = ApplyLoad.run(row, count, clients, requests(row.op(), prefix + "-" + r));
                System.out.printf(Locale.ROOT, "%s, %s client(s): %.1f objects/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                                + "%d failed%n", row.op().label, row.clientsLabel(), result.perSecond(), result.p50Ms(),
                        result.p99Ms(), result.maxMs(), result.failed());
                results.add(result);
                if (row.op() == Op.POD) {
                    awaitRunning(clients.get(0), prefix);
                }
            }
        } finally {
            clients.forEach(HerderClient::close);
        }
        return results;
    }

    /** Request i of a row: a new object named prefix-i, or a read of the first warm-up pod. */
    private static IntFunction<ApiRequest> requests(Op op, String prefix) {
        return switch (op) {
            case POD -> i -> ApplyLoad.apply(BenchObjects.pod(prefix + "-" + i));
            case SERVICE -> i -> ApplyLoad.apply(BenchObjects.service(prefix + "-" + i, NEXT_SERVICE_PORT.getAndIncrement()));
            case POD_GET -> i -> ApplyLoad.getPod(prefix.substring(0, prefix.lastIndexOf('-')) + "-warm-pod-0");
        };
    }

    /** Waits (at most SETTLE_WITHIN, then goes on with a note) until every pod of this run is Running. */
    private static void awaitRunning(HerderClient client, String prefix) {
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

    private static void report(List<Result> results, Path csv) throws java.io.IOException {
        System.out.println();
        System.out.printf(FORMAT, "what", "clients", "objects", "failed", "objects/s", "p50 ms", "p99 ms", "max ms");
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
