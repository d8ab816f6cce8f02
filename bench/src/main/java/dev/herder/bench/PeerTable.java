package dev.herder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PeerBench's results: every figure as a CSV line (measure, side, round, ms), and one table of rows with Herder,
 * Swarm and the engine's floor side by side and the ratios Herder/Swarm and Herder/floor.
 */
final class PeerTable {
    /** A figure a side has no counterpart for. */
    static final long NONE = -1;
    private static final String HEADER = "%-58s %9s %9s %8s %9s %8s%n";
    private static final double NANOS_PER_S = 1e9;
    private static final String ROW = "%-58s %9s %9s %8s %9s %8s%n";

    private final long runStart;
    private final StringBuilder csv = new StringBuilder("measure,side,round,ms\n");
    private final List<String[]> rows = new ArrayList<>();

    /** runStart: System.nanoTime() when the run began, for the progress lines. */
    PeerTable(long runStart) {
        this.runStart = runStart;
    }

    /** Records every figure of one measure on one side in the CSV; returns them. */
    List<Long> log(String measure, String side, List<Long> figures) {
        for (int i = 0; i < figures.size(); i++) {
            csv.append(measure).append(',').append(side).append(',').append(i).append(',').append(figures.get(i))
                    .append('\n');
        }
        System.out.printf("[%6.1f s] %s %s: %s ms%n", (System.nanoTime() - runStart) / NANOS_PER_S, side, measure,
                figures);
        return figures;
    }

    long log(String measure, String side, long figure) {
        log(measure, side, List.of(figure));
        return figure;
    }

    /** A row of the table; NONE where a side has no figure. */
    void row(String what, long herder, long swarm, long floor) {
        rows.add(new String[] {what, ms(herder), ms(swarm), ratio(herder, swarm), ms(floor), ratio(herder, floor)});
    }

    void print() {
        System.out.printf("%n" + HEADER, "ms (Herder/Swarm, Herder/floor: ratios)", "Herder", "Swarm", "H/Swarm",
                "floor", "H/floor");
        rows.forEach(r -> System.out.printf(ROW, (Object[]) r));
    }

    /** The table as Markdown, for the README. */
    String markdown() {
        StringBuilder out = new StringBuilder("| measure | Herder ms | Swarm ms | Herder/Swarm | floor ms | Herder/floor |\n"
                + "|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    private static String ms(long figure) {
        return figure == NONE ? "-" : String.valueOf(figure);
    }

    private static String ratio(long herder, long other) {
        return herder == NONE || other == NONE || other == 0 ? "-" : String.format("%.2f", (double) herder / other);
    }
}
