package dev.herder.bench;

import dev.herder.cli.local.ClusterProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** FailoverBench's rounds, their table with medians per mode, and the CSV. */
final class FailoverReport {
    /** A figure that does not apply to the round (no new leader is expected when the Master's node keeps running). */
    static final long NOT_APPLICABLE = -2;
    private static final String FORMAT = "%-6s %-7s %-22s %-16s %-17s %-26s %-11s %-16s %-22s %-18s %-14s%n";
    private static final String CSV_HEADER = "mode,round,stopped,new_leader,ms_to_new_leader,ms_to_first_pod_scheduled,"
            + "ms_to_old_process_gone,writer_node_at_stop,longest_write_wait_ms,ms_to_first_write_acked,"
            + "writes_after_stop,failed_writes\n";

    private FailoverReport() {
    }

    /** What is stopped, and how. */
    enum Mode {
        /** SIGKILL to the JVM holding the Master, as kill -9: no shutdown hooks, found dead by the failure detector. */
        KILL("kill"),
        /** SIGKILL to a control-plane JVM that does not hold the Master (its shards and its API move). */
        OTHER("other"),
        /** SIGKILL to the etcd member that leads (the others elect a new leader). */
        ETCD("etcd"),
        /** SIGTERM to the JVM holding the Master: Pekko's coordinated shutdown leaves and hands the singleton over. */
        LEAVE("leave");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** Whether the Master moves: a new leader is then awaited and timed. */
        boolean movesMaster() {
            return this == KILL || this == LEAVE;
        }

        /** kill, other, etcd, leave, both (kill and leave), all (every mode), or a comma-separated list of them. */
        static List<Mode> parse(String arg) {
            List<Mode> modes = new ArrayList<>();
            for (String one : arg.split(",")) {
                switch (one) {
                    case "both" -> modes.addAll(List.of(KILL, LEAVE));
                    case "all" -> modes.addAll(List.of(values()));
                    default -> modes.add(Arrays.stream(values()).filter(m -> m.label.equals(one)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("mode " + one
                                    + ": expected kill, other, etcd, leave, both or all")));
                }
            }
            return modes;
        }
    }

    /**
     * One round's figures; a time is -1 when it was not observed within the round's time limit, NOT_APPLICABLE when
     * there was nothing to observe. stopped names the control-plane node, or the etcd member and its endpoint.
     */
    record Round(Mode mode, int round, String stopped, String newLeader, long msToNewLeader, long msToFirstPodBound,
                 long msToOldJvmGone, String writerNode, FailoverWriter.Figures writer) {
    }

    static String describe(Round r, ClusterProcesses cluster, Duration within) {
        String writer = String.format("; writer (at %s at the stop): longest wait %s ms, first write acknowledged %s ms "
                        + "after the stop, %d writes ended after it, %d failed", r.writerNode(), shown(r.writer().longestWaitMs()),
                shown(r.writer().msToFirstWrite()), r.writer().writes(), r.writer().failed());
        if ((r.mode().movesMaster() && r.newLeader() == null) || r.msToFirstPodBound() < 0) {
            List<Integer> alive = new ArrayList<>();
            for (int i = 1; i <= cluster.size(); i++) {
                if (cluster.isRunning(i)) {
                    alive.add(i);
                }
            }
            return String.format("%s round %d: stopped %s; within %d s: new leader %s, first pod bound after %s ms "
                    + "(control-plane JVMs still running: %s; see their logs)%s", r.mode().label(), r.round(), r.stopped(),
                    within.toSeconds(), leader(r), shown(r.msToFirstPodBound()), alive, writer);
        }
        return String.format("%s round %d: stopped %s (gone after %d ms), new leader %s, first pod bound after %d ms%s",
                r.mode().label(), r.round(), r.stopped(), r.msToOldJvmGone(), leader(r), r.msToFirstPodBound(), writer);
    }

    private static String leader(Round r) {
        if (r.newLeader() == null) {
            return r.mode().movesMaster() ? "none" : "none (the Master stayed where it was)";
        }
        return r.newLeader() + " after " + r.msToNewLeader() + " ms";
    }

    static void report(List<Round> results, Path csv) throws IOException {
        System.out.println();
        System.out.printf(FORMAT, "mode", "round", "stopped", "new leader", "ms to new leader",
                "ms to first pod scheduled", "ms to gone", "writer at stop", "longest write wait ms", "ms to first write",
                "writes/failed");
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (Round r : results) {
            FailoverWriter.Figures w = r.writer();
            System.out.printf(FORMAT, r.mode().label(), r.round(), r.stopped(), r.newLeader() == null ? "-" : r.newLeader(),
                    shown(r.msToNewLeader()), shown(r.msToFirstPodBound()), shown(r.msToOldJvmGone()),
                    r.writerNode(), shown(w.longestWaitMs()), shown(w.msToFirstWrite()), w.writes() + "/" + w.failed());
            out.append(String.join(",", r.mode().label(), String.valueOf(r.round()), r.stopped(),
                    r.newLeader() == null ? "" : r.newLeader(), csv(r.msToNewLeader()), csv(r.msToFirstPodBound()),
                    csv(r.msToOldJvmGone()), r.writerNode(), csv(w.longestWaitMs()), csv(w.msToFirstWrite()),
                    String.valueOf(w.writes()), String.valueOf(w.failed()))).append('\n');
        }
        for (Mode mode : Mode.values()) {
            List<Round> of = results.stream().filter(r -> r.mode() == mode).toList();
            if (of.isEmpty()) {
                continue;
            }
            String leader = median(of.stream().mapToLong(Round::msToNewLeader).toArray());
            String pod = median(of.stream().mapToLong(Round::msToFirstPodBound).toArray());
            String gone = median(of.stream().mapToLong(Round::msToOldJvmGone).toArray());
            String longest = median(of.stream().mapToLong(r -> r.writer().longestWaitMs()).toArray());
            String first = median(of.stream().mapToLong(r -> r.writer().msToFirstWrite()).toArray());
            System.out.printf(FORMAT, mode.label(), "median", "", "", leader, pod, gone, "", longest, first, "");
            out.append(String.join(",", mode.label(), "median", "", "", leader, pod, gone, "", longest, first, "", ""))
                    .append('\n');
        }
        Files.writeString(csv, out);
        System.out.println("written to " + csv);
    }

    /** The median of the observed figures (-1, not observed, and NOT_APPLICABLE are left out). */
    private static String median(long[] figures) {
        long applicable = Arrays.stream(figures).filter(f -> f != NOT_APPLICABLE).count();
        long[] seen = Arrays.stream(figures).filter(f -> f >= 0).sorted().toArray();
        if (applicable == 0) {
            return "n/a";
        }
        if (seen.length == 0) {
            return "not seen";
        }
        int mid = seen.length / 2;
        long median = seen.length % 2 == 1 ? seen[mid] : (seen[mid - 1] + seen[mid]) / 2;
        return seen.length == applicable ? String.valueOf(median) : median + " (" + seen.length + " seen)";
    }

    private static String shown(long ms) {
        return ms == NOT_APPLICABLE ? "n/a" : ms < 0 ? "not seen" : String.valueOf(ms);
    }

    /** -1 for not seen, empty for not applicable. */
    private static String csv(long ms) {
        return ms == NOT_APPLICABLE ? "" : String.valueOf(ms);
    }
}
