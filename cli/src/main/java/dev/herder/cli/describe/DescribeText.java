package dev.herder.cli.describe;

import dev.herder.protocol.printing.Cells;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl describe's layout: "Key:  value" lines nested by two spaces per level, values aligned within a
 * level, multi-valued fields continued on lines of their own under the first value.
 */
public final class DescribeText {
    private static final String INDENT = "  ";
    private static final int GAP = 2;

    private record Line(int level, String key, String value) {
    }

    private final List<Line> lines = new ArrayList<>();

    /** "Key:  value", with {@code <none>} for a missing value. */
    public DescribeText field(int level, String key, Object value) {
        lines.add(new Line(level, key + ":", value == null || value.toString().isEmpty() ? Cells.NONE : value.toString()));
        return this;
    }

    /** "Key:" alone, opening a nested block. */
    public DescribeText heading(int level, String key) {
        lines.add(new Line(level, key + ":", null));
        return this;
    }

    /** "Key:  a=b" followed by "c=d" lines aligned under "a=b"; {@code <none>} when empty. */
    public DescribeText map(int level, String key, Map<String, String> entries) {
        if (entries == null || entries.isEmpty()) {
            return field(level, key, Cells.NONE);
        }
        List<String> values = new TreeMap<>(entries).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        return list(level, key, values);
    }

    /** "Key:  first" followed by the other values aligned under it; {@code <none>} when empty. */
    public DescribeText list(int level, String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            return field(level, key, Cells.NONE);
        }
        field(level, key, values.get(0));
        values.stream().skip(1).forEach(v -> lines.add(new Line(level, "", v)));
        return this;
    }

    /** Lines of text (a small table, say) as they are, indented to a level. */
    public DescribeText block(int level, String text) {
        text.lines().forEach(l -> lines.add(new Line(level, l, null)));
        return this;
    }

    /**
     * As kubectl's tabwriter: values line up within a run of consecutive "key: value" lines (nested ones
     * included); a line without a value (a heading, a table row) ends the run.
     */
    public String render() {
        StringBuilder text = new StringBuilder();
        int runStart = 0;
        while (runStart < lines.size()) {
            int runEnd = runStart;
            while (runEnd < lines.size() && lines.get(runEnd).value() != null) {
                runEnd++;
            }
            if (runEnd == runStart) {
                Line line = lines.get(runStart);
                text.append(INDENT.repeat(line.level())).append(line.key().stripTrailing()).append(System.lineSeparator());
                runStart++;
            } else {
                writeRun(lines.subList(runStart, runEnd), text);
                runStart = runEnd;
            }
        }
        return text.toString();
    }

    private static void writeRun(List<Line> run, StringBuilder text) {
        int width = run.stream().mapToInt(DescribeText::keyWidth).max().orElse(0) + GAP;
        for (Line line : run) {
            String key = INDENT.repeat(line.level()) + line.key();
            text.append(key).append(" ".repeat(width - key.length())).append(line.value()).append(System.lineSeparator());
        }
    }

    private static int keyWidth(Line line) {
        return INDENT.length() * line.level() + line.key().length();
    }
}
