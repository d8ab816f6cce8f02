package dev.herder.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/** What one size of {@link ScaleBench} measured (-1: not reached), and how the sizes print as a table and CSV. */
final class ScaleResult {
    private static final double MS_PER_S = 1000.0;
    private static final int MAX_ERROR_CHARS = 200;
    private static final String[] HEADERS = {"nodes", "pods", "agent JVMs", "cluster start s", "apply s",
        "all created s", "all Running s", "wall s", "first bind s", "last bind s", "binds/s", "cp heap used MiB",
        "cp heap live MiB", "cp RSS MiB", "etcd RSS MiB", "etcd data MiB", "etcd db MiB", "etcd data B/pod",
        "etcd db B/pod", "outcome"};

    final ScaleBench.Size size;
    long clusterStartMs = -1;
    long applyMs = -1;
    long allCreatedMs = -1;
    long allRunningMs = -1;
    long totalWallMs = -1;
    long firstBindMs = -1;
    long lastBindMs = -1;
    long bound = -1;
    int created;
    int running;
    String error;
    final List<JvmStats> controlPlanes = new ArrayList<>();
    final List<EtcdStats> etcdMembers = new ArrayList<>();

    ScaleResult(ScaleBench.Size size) {
        this.size = size;
    }

    /** Bind times in ms since the first apply, ascending. */
    void bindTimes(List<Long> sorted) {
        if (!sorted.isEmpty()) {
            bound = sorted.size();
            firstBindMs = sorted.get(0);
            lastBindMs = sorted.get(sorted.size() - 1);
        }
    }

    String bindsPerSecond() {
        long span = lastBindMs - firstBindMs;
        return bound <= 0 || span <= 0 ? "-" : String.format("%.0f", bound * MS_PER_S / span);
    }

    private List<String> cells() {
        return List.of(String.valueOf(size.nodes()), String.valueOf(size.pods()), String.valueOf(size.agents()),
                seconds(clusterStartMs), seconds(applyMs), seconds(allCreatedMs), seconds(allRunningMs),
                seconds(totalWallMs), seconds(firstBindMs), seconds(lastBindMs), bindsPerSecond(),
                joined(JvmStats::heapUsedMiB), joined(JvmStats::heapLiveMiB), joined(JvmStats::rssMiB),
                etcd(EtcdStats::rssMiB), etcd(EtcdStats::dataMiB), etcd(EtcdStats::dbMiB), perPod(EtcdStats::dataBytes),
                perPod(EtcdStats::dbBytes),
                error == null ? "ok" : "FAILED (" + created + " created, " + running + " Running): "
                        + (error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "..." : error));
    }

    private String joined(ToLongFunction<JvmStats> figure) {
        return String.join("/", controlPlanes.stream().map(s -> String.valueOf(figure.applyAsLong(s))).toList());
    }

    private String etcd(ToLongFunction<EtcdStats> figure) {
        return etcdMembers.isEmpty() ? "-"
                : String.join("/", etcdMembers.stream().map(s -> String.valueOf(figure.applyAsLong(s))).toList());
    }

    /** Bytes per pod of the size: the members' mean (of those read) divided by the pods. */
    private String perPod(ToLongFunction<EtcdStats> bytes) {
        long[] read = etcdMembers.stream().mapToLong(bytes).filter(b -> b >= 0).toArray();
        return read.length == 0 ? "-" : String.valueOf(Arrays.stream(read).sum() / read.length / size.pods());
    }

    private static String seconds(long ms) {
        return ms < 0 ? "-" : String.format("%.1f", ms / MS_PER_S);
    }

    static String table(List<ScaleResult> results) {
        StringBuilder out = new StringBuilder("\n| " + String.join(" | ", HEADERS) + " |\n|");
        out.append("---|".repeat(HEADERS.length)).append('\n');
        results.forEach(r -> out.append("| ").append(String.join(" | ", r.cells())).append(" |\n"));
        return out.toString();
    }

    static String csv(List<ScaleResult> results) {
        StringBuilder out = new StringBuilder(String.join(",", HEADERS)).append('\n');
        results.forEach(r -> out.append(String.join(",", r.cells().stream()
                .map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList()))
                .append('\n'));
        return out.toString();
    }
}
