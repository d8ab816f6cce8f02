package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One row of ApplyThroughput: count requests from the given clients, each client with inFlight threads that
 * each send one request and wait for its answer before the next (a closed loop). Latency runs from just
 * before a request is sent to its answer, as the caller sees it.
 */
final class ApplyLoad {
    private ApplyLoad() {
    }

    /** What each request does. */
    enum Op {
        /** Applies one new pod: a create acknowledged after its majority write; scheduling and a bind follow. */
        POD("Pod apply"),
        /** Applies one new service: a create acknowledged after its majority write, nothing follows. */
        SERVICE("Service apply"),
        /** Reads one existing pod by name. */
        POD_GET("Pod get");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    /** clients independent clients (each its own ClusterClient), inFlight requests outstanding on each. */
    record Row(Op op, int clients, int inFlight) {
        String clientsLabel() {
            return clients == 1 && inFlight > 1 ? "1 (" + inFlight + " in flight)" : String.valueOf(clients);
        }
    }

    record Result(Row row, int count, int failed, double perSecond, double p50Ms, double p99Ms, double maxMs) {
    }

    /** Runs the row; request i is made by request.apply(i). */
    static Result run(Row row, int count, List<HerderClient> clients, IntFunction<ApiRequest> request)
            throws InterruptedException {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < row.clients(); c++) {
            HerderClient client = clients.get(c);
            for (int f = 0; f < row.inFlight(); f++) {
                Thread worker = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        if (!succeeded(client, request.apply(i))) {
                            failed.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t0;
                    }
                }, "apply-load-" + c + "-" + f);
                worker.start();
                workers.add(worker);
            }
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = Arrays.stream(nanos).sorted().boxed().toList();
        return new Result(row, count, failed.get(), count / seconds, BenchSupport.percentile(sorted, 50) / 1e6,
                BenchSupport.percentile(sorted, 99) / 1e6, sorted.get(count - 1) / 1e6);
    }

    static ApiRequest apply(ApiObject object) {
        return new ApiRequest.Apply(List.of(object));
    }

    static ApiRequest getPod(String name) {
        return new ApiRequest.Get(Pod.KIND, BenchObjects.NAMESPACE, name, null);
    }

    private static boolean succeeded(HerderClient client, ApiRequest request) {
        try {
            ApiResponse rsp = client.call(request);
            return request instanceof ApiRequest.Apply ? rsp instanceof ApiResponse.Applied a && a.allSucceeded()
                    : rsp instanceof ApiResponse.Objects o && !o.items().isEmpty();
        } catch (RuntimeException e) {
            return false; // no answer within the client's timeout, or refused: counted, and timed to the failure
        }
    }
}
