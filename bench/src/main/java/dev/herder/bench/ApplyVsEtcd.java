package dev.herder.bench;

import dev.herder.bench.ApplyLoad.Op;
import dev.herder.bench.ApplyLoad.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * ApplyThroughput's headline: Herder's pod applies beside etcd's own puts at the same number of callers, measured in
 * the same run against the same etcd cluster, and their ratio; with the goals checked. A side not measured
 * shows as "not seen".
 */
final class ApplyVsEtcd {
    private static final String FORMAT = "%-8s %-13s %-11s %-11s %-15s %-13s %-13s %-12s%n";
    private static final String NOT_SEEN = "not seen";

    private ApplyVsEtcd() {
    }

    static void report(List<Result> results, List<Integer> callers, double goalRatio, double goalSingleP99Ms, Path csv)
            throws IOException {
        System.out.println();
        System.out.println("Herder pod apply vs etcd put (1 KiB), same callers, same run, same etcd cluster:");
        System.out.printf(FORMAT, "callers", "etcd obj/s", "etcd p50", "etcd p99", "Herder obj/s", "Herder p50",
                "Herder p99", "Herder/etcd");
        StringBuilder out = new StringBuilder("callers,etcd_objects_per_s,etcd_p50_ms,etcd_p99_ms,herder_objects_per_s,"
                + "herder_p50_ms,herder_p99_ms,ratio\n");
        for (int n : callers) {
            Optional<Result> etcd = find(results, Op.ETCD_PUT, n);
            Optional<Result> herder = find(results, Op.POD, n);
            String[] cells = {String.valueOf(n), rate(etcd), ms(etcd, Result::p50Ms), ms(etcd, Result::p99Ms),
                rate(herder), ms(herder, Result::p50Ms), ms(herder, Result::p99Ms), ratio(herder, etcd)};
            System.out.printf(FORMAT, (Object[]) cells);
            out.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(csv, out);
        System.out.println("written to " + csv);
        for (int n : callers.stream().filter(n -> n > 1).toList()) {
            String ratio = ratio(find(results, Op.POD, n), find(results, Op.ETCD_PUT, n));
            System.out.printf(Locale.ROOT, "goal: at %d callers Herder/etcd >= %.1f: %s%n", n, goalRatio,
                    ratio.equals(NOT_SEEN) ? NOT_SEEN : (Double.parseDouble(ratio) >= goalRatio ? "met" : "not met")
                            + " (" + ratio + ")");
        }
        find(results, Op.POD, 1).ifPresentOrElse(r -> System.out.printf(Locale.ROOT,
                        "goal: 1 caller's p99 <= %.0f ms: %s (%.1f ms)%n", goalSingleP99Ms,
                        r.p99Ms() <= goalSingleP99Ms ? "met" : "not met", r.p99Ms()),
                () -> System.out.println("goal: 1 caller's p99: " + NOT_SEEN));
    }

    /** The row of op with n callers on independent connections (not "1 (8 in flight)"), when it ran. */
    private static Optional<Result> find(List<Result> results, Op op, int n) {
        return results.stream().filter(r -> r.row().op() == op && r.row().callers() == n
                && !(n == 1 ? r.row().inFlight() > 1 : r.row().clients() == 1)).findFirst();
    }

    private static String rate(Optional<Result> r) {
        return r.map(x -> fixed(x.perSecond())).orElse(NOT_SEEN);
    }

    private static String ms(Optional<Result> r, ToDoubleFunction<Result> figure) {
        return r.map(x -> fixed(figure.applyAsDouble(x))).orElse(NOT_SEEN);
    }

    private static String ratio(Optional<Result> herder, Optional<Result> etcd) {
        return herder.isPresent() && etcd.isPresent()
                ? String.format(Locale.ROOT, "%.2f", herder.get().perSecond() / etcd.get().perSecond()) : NOT_SEEN;
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
