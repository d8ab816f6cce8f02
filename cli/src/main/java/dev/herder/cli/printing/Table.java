package dev.herder.cli.printing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns separated by at least three spaces, as kubectl's tabwriter prints them. */
public final class Table {
    private static final int PADDING = 3;

    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> headers) {
        rows.add(List.copyOf(headers));
    }

    public Table add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    public void print(PrintStream out) {
        out.print(render());
    }

    public String render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + PADDING));
                }
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
