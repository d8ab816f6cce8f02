package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.ResourceRequirements;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Apply throughput and latency through ClusterClient against a running cluster (e.g. `herder local up`):
 * COUNT single-object applies from one client, with CONCURRENCY requests in flight at a time. Each object is
 * a new pod, so every apply is a create acknowledged by a majority write. Prints a table; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.ApplyThroughput [count] [concurrency] [contacts]</pre>
 */
public final class ApplyThroughput {
    private static final boolean READ_ONLY = Boolean.getBoolean("readOnly");

    private ApplyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String contacts = args.length > 2 ? args[2] : "127.0.0.1:2551,127.0.0.1:2552,127.0.0.1:2553";
        String prefix = "bench-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        try (HerderClient client = HerderClient.connect(List.of(contacts.split(",")), Duration.ofSeconds(30))) {
            client.call(new ApiRequest.ClusterStatus());
            long[] latenciesNanos = new long[count];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long t0 = System.nanoTime();
                        ApiResponse rsp = READ_ONLY
                                ? client.call(new ApiRequest.Get(Pod.KIND, "default", System.getProperty("name", "hello-1"), null))
                                : client.call(new ApiRequest.Apply(List.<ApiObject>of(object(prefix + "-" + i))));
                        latenciesNanos[i] = System.nanoTime() - t0;
                        if (!READ_ONLY && (!(rsp instanceof ApiResponse.Applied a) || !a.allSucceeded())) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latenciesNanos);
            System.out.printf("%-12s %-12s %-10s %-14s %-10s %-10s %-10s%n", "objects", "concurrency", "failed",
                    "objects/s", "p50 ms", "p99 ms", "max ms");
            System.out.printf("%-12d %-12d %-10d %-14.1f %-10.1f %-10.1f %-10.1f%n", count, concurrency, failed.get(),
                    count / seconds, ms(latenciesNanos, 0.50), ms(latenciesNanos, 0.99), latenciesNanos[count - 1] / 1e6);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Each service port serves one service in the cluster: every bench service gets its own. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SERVICE_PORT =
            new java.util.concurrent.atomic.AtomicInteger(10_000 + (int) (System.currentTimeMillis() % 20_000));

    /** A new pod, or with -Dkind=Service a new service (no scheduling or agent work follows its creation). */
    static ApiObject object(String name) {
        if ("Service".equals(System.getProperty("kind"))) {
            ObjectMeta meta = new ObjectMeta(name, null, "default", null, null, null, null, null, null, null, null);
            return new dev.herder.protocol.api.Service("v1", "Service", meta, new dev.herder.protocol.api.ServiceSpec(
                    Map.of("app", "bench"), List.of(new dev.herder.protocol.api.ServicePort(null, "TCP",
                    NEXT_SERVICE_PORT.getAndIncrement(),
                    dev.herder.protocol.api.IntOrString.of(8080), null)), "ClusterIP", null, "None"), null);
        }
        return pod(name);
    }

    static Pod pod(String name) {
        Container c = new Container("main", "local/busybox:1", List.of("sleep", "3600"), null, null, null, null,
                new ResourceRequirements(Map.of("cpu", "1m", "memory", "1Mi"), null), null, null, null, null, null, null, null);
        return new Pod("v1", Pod.KIND, new ObjectMeta(name, null, "default", Map.of("app", "bench"), null, null, null, null,
                null, null, null), new PodSpec(List.of(c), null, null, "Always", null, null, null, null, null, null), null);
    }
}
