package dev.herder.bench;

import dev.herder.cli.local.ClusterProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** FailoverBench's rounds, their table with medians per mode, and the CSV. */
final class FailoverReport {
    private static final String FORMAT = "%-6s %-7s %-16s %-16s %-17s %-26s %-16s%n";
    private static final String CSV_HEADER = "mode,round,stopped,new_leader,ms_to_new_leader,ms_to_first_pod_scheduled,"
            + "ms_to_old_jvm_gone\n";

    private FailoverReport() {
    }

    /** How the JVM holding the Master is stopped. */
    enum Mode {
        /** SIGKILL, as kill -9: no shutdown hooks, the node is found dead by the failure detector. */
        KILL,
        /** SIGTERM: Pekko's coordinated shutdown leaves the cluster and hands the singleton over. */
        LEAVE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<Mode> parse(String arg) {
            return switch (arg) {
                case "kill" -> List.of(KILL);
                case "leave" -> List.of(LEAVE);
                case "both" -> List.of(KILL, LEAVE);
                default -> throw new IllegalArgumentException("mode " + arg + ": expected kill, leave or both");
            };
        }
    }

    /** One round's figures; a figure is -1 when it was not observed within the round's time limit. */
    record Round(Mode mode, int round, String stopped, String newLeader, long msToNewLeader, long msToFirstPodBound,
                 long msToOldJvmGone) {
    }

    static String describe(Round r, ClusterProcesses cluster, Duration within) {
        if (r.newLeader() == null || r.msToFirstPodBound() < 0) {
            List<Integer> alive = new ArrayList<>();
            for (int i = 1; i <= cluster.size(); i++) {
                if (cluster.isRunning(i)) {
                    alive.add(i);
                }
            }
            return String.format("%s round %d: stopped %s; within %d s: new leader %s, first pod bound after %s ms "
                    + "(control-plane JVMs still running: %s; see their logs)", r.mode().label(), r.round(), r.stopped(),
                    within.toSeconds(), r.newLeader() == null ? "none" : r.newLeader() + " after "
                    + r.msToNewLeader() + " ms", shown(r.msToFirstPodBound()), alive);
        }
        return String.format("%s round %d: stopped %s (JVM gone after %d ms), new leader %s after %d ms, first pod "
                + "bound after %d ms", r.mode().label(), r.round(), r.stopped(), r.msToOldJvmGone(), r.newLeader(),
                r.msToNewLeader(), r.msToFirstPodBound());
    }

    static void report(List<Round> results, Path csv) throws IOException {
        System.out.println();
        System.out.printf(FORMAT, "mode", "round", "stopped", "new leader", "ms to new leader",
                "ms to first pod scheduled", "ms to JVM gone");
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (Round r : results) {
            System.out.printf(FORMAT, r.mode().label(), r.round(), r.stopped(), r.newLeader() == null ? "-" : r.newLeader(),
                    shown(r.msToNewLeader()), shown(r.msToFirstPodBound()), shown(r.msToOldJvmGone()));
            out.append(String.join(",", r.mode().label(), String.valueOf(r.round()), r.stopped(),
                    r.newLeader() == null ? "" : r.newLeader(), String.valueOf(r.msToNewLeader()),
                    String.valueOf(r.msToFirstPodBound()), String.valueOf(r.msToOldJvmGone()))).append('\n');
        }
        for (Mode mode : Mode.values()) {
            List<Round> of = results.stream().filter(r -> r.mode() == mode).toList();
            if (of.isEmpty()) {
                continue;
            }
            String leader = median(of.stream().mapToLong(Round::msToNewLeader).toArray());
            String pod = median(of.stream().mapToLong(Round::msToFirstPodBound).toArray());
            String gone = median(of.stream().mapToLong(Round::msToOldJvmGone).toArray());
            System.out.printf(FORMAT, mode.label(), "median", "", "", leader, pod, gone);
            out.append(String.join(",", mode.label(), "median", "", "", leader, pod, gone)).append('\n');
        }
        Files.writeString(csv, out);
        System.out.println("written to " + csv);
    }

    /** The median of the observed figures (-1 means not observed and is left out). */
    private static String median(long[] figures) {
        long[] seen = Arrays.stream(figures).filter(f -> f >= 0).sorted().toArray();
        if (seen.length == 0) {
            return "-";
        }
        int mid = seen.length / 2;
        long median = seen.length % 2 == 1 ? seen[mid] : (seen[mid - 1] + seen[mid]) / 2;
        return seen.length == figures.length ? String.valueOf(median) : median + " (" + seen.length + " seen)";
    }

    private static String shown(long ms) {
        return ms < 0 ? "not seen" : String.valueOf(ms);
    }
}
