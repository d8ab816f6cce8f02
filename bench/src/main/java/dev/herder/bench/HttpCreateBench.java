package dev.herder.bench;

import dev.herder.bench.ApplyLoad.Op;
import dev.herder.bench.ApplyLoad.Result;
import dev.herder.bench.ApplyLoad.Row;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Create throughput through the Kubernetes HTTP API, beside etcd's own put rate in the same run against the same
 * etcd cluster: for N = 1, 8 and 64 sequential callers (each sends one request and waits for its answer before the
 * next), first N callers put 1 KiB values straight to the etcd members (jetcd, on min(N, 8) connections), then N
 * callers each POST one new pod at a time to /api/v1/namespaces/default/pods (the bench's own HTTP client,
 * java.net.http over HTTP/1.1, one keep-alive connection per caller; caller c talks to control-plane node c mod 3,
 * as a load balancer would spread them). A create is counted when it is answered 201 Created. Each row is COUNT
 * requests, after a warm-up of 50 from 8 callers; after a row of pods the bench waits until they run, so that
 * their binds and status writes are out of the next row's way.
 *
 * <p>Starts its own cluster: 3 etcd members, 3 control-plane JVMs on 127.0.0.1:6251-6253 (HTTP API on the
 * cluster's HTTP ports), one agent JVM of 3 simulated nodes; data and logs in bench/target/http-create-bench.
 * -DbasePort moves the whole range. Writes bench/target/http-create.csv; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.HttpCreateBench [count]</pre>
 */
public final class HttpCreateBench {
    private static final int BASE_PORT = BenchSupport.basePort(6250);
    private static final int CONTROL_PLANES = 3;
    private static final int NODES = 3;
    private static final String AGENT_CONF = "herder.agent.capacity.pods = \"2000\"\n";
    private static final int DEFAULT_COUNT = 500;
    private static final int WARM_UP = 50;
    private static final int ETCD_CONNECTIONS = 8;
    private static final List<Integer> CALLERS = List.of(1, 8, 64);
    private static final Duration FORM_WITHIN = Duration.ofMinutes(3);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(60);
    private static final String FORMAT = "%-8s %-12s %-10s %-10s %-12s %-10s %-10s %-8s %-10s%n";

    private HttpCreateBench() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COUNT;
        Path root = ClusterProcesses.repositoryRoot();
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/http-create-bench"));
        BenchSupport.requireFreePorts("HttpCreateBench", BASE_PORT, CONTROL_PLANES, 1);
        List<Result> etcdRows = new ArrayList<>();
        List<Result> httpRows = new ArrayList<>();
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
             HerderClient client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT)) {
            System.out.println("starting " + CONTROL_PLANES + " etcd members, " + CONTROL_PLANES
                    + " control-plane JVMs and " + NODES + " simulated nodes; logs in " + dir);
            BenchSupport.startSimulatedCluster(cluster, client, "sim", NODES, AGENT_CONF, FORM_WITHIN);
            List<String> servers = new ArrayList<>();
            for (int i = 1; i <= CONTROL_PLANES; i++) {
                servers.add(cluster.httpServer(i));
            }
            String prefix = "http-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            HttpPods pods = new HttpPods(servers);
            try (EtcdPuts etcd = new EtcdPuts(cluster.etcd().endpoints(), ETCD_CONNECTIONS)) {
                ApplyLoad.run(new Row(Op.POD, ETCD_CONNECTIONS, 1), WARM_UP, pods.creates(prefix + "-warm"));
                pods.awaitRunning(prefix, SETTLE_WITHIN);
                for (int n : CALLERS) {
                    int connections = Math.min(n, ETCD_CONNECTIONS);
                    etcdRows.add(print(ApplyLoad.run(new Row(Op.ETCD_PUT, connections, n / connections), count,
                            etcd.puts(prefix + "-" + n))));
                    httpRows.add(print(ApplyLoad.run(new Row(Op.POD, n, 1), count, pods.creates(prefix + "-" + n))));
                    pods.awaitRunning(prefix, SETTLE_WITHIN);
                }
            }
        }
        report(etcdRows, httpRows, root.resolve("bench/target/http-create.csv"));
        System.out.printf(Locale.ROOT, "wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static Result print(Result r) {
        System.out.printf(Locale.ROOT, "%s, %d caller(s): %.1f objects/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "%d failed%n", r.row().op() == Op.POD ? "HTTP pod create" : r.row().op().label,
                r.row().callers(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.failed());
        return r;
    }

    private static void report(List<Result> etcd, List<Result> http, Path csv) throws Exception {
        System.out.println();
        System.out.println("HTTP pod create vs etcd put (1 KiB), same callers, same run, same etcd cluster:");
        System.out.printf(FORMAT, "callers", "etcd obj/s", "etcd p50", "etcd p99", "HTTP obj/s", "HTTP p50",
                "HTTP p99", "failed", "HTTP/etcd");
        StringBuilder out = new StringBuilder("callers,etcd_objects_per_s,etcd_p50_ms,etcd_p99_ms,http_objects_per_s,"
                + "http_p50_ms,http_p99_ms,http_failed,ratio\n");
        for (int i = 0; i < http.size(); i++) {
            Result e = etcd.get(i);
            Result h = http.get(i);
            String[] cells = {String.valueOf(h.row().callers()), fixed(e.perSecond()), fixed(e.p50Ms()),
                fixed(e.p99Ms()), fixed(h.perSecond()), fixed(h.p50Ms()), fixed(h.p99Ms()), String.valueOf(h.failed()),
                String.format(Locale.ROOT, "%.2f", h.perSecond() / e.perSecond())};
            System.out.printf(FORMAT, (Object[]) cells);
            out.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(csv, out);
        System.out.println("written to " + csv);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
