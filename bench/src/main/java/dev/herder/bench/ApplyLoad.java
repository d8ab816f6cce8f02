package dev.herder.bench;

import dev.herder.cli.client.ApiClient;
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
 * One row of ApplyThroughput: count requests from the given connections (independent clients), each with
 * inFlight threads that each send one request and wait for its answer before the next (a closed loop): so
 * clients x inFlight sequential callers. Latency runs from just before a request is sent to its answer, as the
 * caller sees it.
 */
final class ApplyLoad {
    private ApplyLoad() {
    }

    /** What each request does. */
    enum Op {
        /** Applies one new pod: a create acknowledged once etcd has it; scheduling and a bind follow. */
        POD("Pod apply"),
        /** Applies one new service: a create acknowledged once etcd has it, its proxies' ports follow. */
        SERVICE("Service apply"),
        /** Reads one existing pod by name. */
        POD_GET("Pod get"),
        /** One put of a 1 KiB value straight to the cluster's etcd members, bypassing Herder (its floor). */
        ETCD_PUT("etcd put 1 KiB");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    /** clients independent clients (each its own connection), inFlight sequential callers on each. */
    record Row(Op op, int clients, int inFlight) {
        /** Every caller of the row: how many requests are outstanding at once. */
        int callers() {
            return clients * inFlight;
        }

        String clientsLabel() {
            if (inFlight == 1) {
                return String.valueOf(clients);
            }
            return clients == 1 ? "1 (" + inFlight + " in flight)" : callers() + " (" + clients + "x" + inFlight + ")";
        }
    }

    record Result(Row row, int count, int failed, double perSecond, double p50Ms, double p99Ms, double maxMs) {
    }

    /** One request of a caller: request i on connection c; true when it was answered with success. */
    @FunctionalInterface
    interface Call {
        boolean call(int connection, int i);
    }

    /** Runs the row through Herder's API; request i is made by request.apply(i). */
    static Result run(Row row, int count, List<? extends ApiClient> clients, IntFunction<ApiRequest> request)
            throws InterruptedException {
        return run(row, count, (c, i) -> succeeded(clients.get(c), request.apply(i)));
    }

    /**
     * Runs the row: clients x inFlight threads share the count requests (each takes the next index), each call
     * timed; failed calls are counted, timed to their failure, and not counted as throughput.
     */
    static Result run(Row row, int count, Call call) throws InterruptedException {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < row.clients(); c++) {
            int connection = c;
            for (int f = 0; f < row.inFlight(); f++) {
                Thread worker = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        if (!call.call(connection, i)) {
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
        return new Result(row, count, failed.get(), (count - failed.get()) / seconds,
                BenchSupport.percentile(sorted, 50) / 1e6, BenchSupport.percentile(sorted, 99) / 1e6,
                sorted.get(count - 1) / 1e6);
    }

    static ApiRequest apply(ApiObject object) {
        return new ApiRequest.Apply(List.of(object));
    }

    static ApiRequest getPod(String name) {
        return new ApiRequest.Get(Pod.KIND, BenchObjects.NAMESPACE, name, null);
    }

    private static boolean succeeded(ApiClient client, ApiRequest request) {
        try {
            ApiResponse rsp = client.call(request);
            return request instanceof ApiRequest.Apply ? rsp instanceof ApiResponse.Applied a && a.allSucceeded()
                    : rsp instanceof ApiResponse.Objects o && !o.items().isEmpty();
        } catch (RuntimeException e) {
            return false; // no answer within the client's timeout, or refused: counted, and timed to the failure
        }
    }
}
