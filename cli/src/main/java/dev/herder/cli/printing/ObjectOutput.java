package dev.herder.cli.printing;

import dev.herder.cli.options.OutputFormat;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.manifest.ManifestWriter;
import dev.herder.protocol.printing.Cells;
import dev.herder.protocol.printing.KindTable;
import dev.herder.protocol.printing.KindTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the objects {@code herder get} found in the format -o asked for. */
public final class ObjectOutput {
    private static final String NAMESPACE_COLUMN = "NAMESPACE";

    private ObjectOutput() {
    }

    /**
     * @param single        a name was asked for: JSON and YAML show the object, not a list
     * @param withNamespace the table starts with a NAMESPACE column (-A)
     */
    public static String render(String kind, List<ApiObject> items, boolean single, OutputFormat format,
                                boolean withNamespace, Instant now) {
        if (format == null) {
            return table(kind, items, false, withNamespace, now);
        }
        return switch (format) {
            case WIDE -> table(kind, items, true, withNamespace, now);
            case NAME -> items.stream().map(o -> ObjectNames.of(o) + System.lineSeparator()).collect(Collectors.joining());
            case JSON -> withNewline(single && items.size() == 1
                    ? ManifestWriter.toJson(items.get(0)) : ManifestWriter.listToJson(kind, items));
            case YAML -> withNewline(single && items.size() == 1
                    ? ManifestWriter.toYaml(items.get(0)) : ManifestWriter.listToYaml(kind, items));
        };
    }

    public static String table(String kind, List<ApiObject> items, boolean wide, boolean withNamespace, Instant now) {
        KindTable<?> columns = KindTables.of(kind);
        boolean namespaceColumn = withNamespace && Kinds.namespaced(kind);
        Table table = new Table(prefixed(namespaceColumn, NAMESPACE_COLUMN, columns.headers(wide)));
        for (ApiObject item : columns.ordered(items)) {
            table.add(prefixed(namespaceColumn, item.metadata().namespace(), columns.rowOf(item, now, wide)));
        }
        return table.render();
    }

    private static List<String> prefixed(boolean prefix, String first, List<String> rest) {
        if (!prefix) {
            return rest;
        }
        List<String> row = new ArrayList<>();
        row.add(Cells.orNone(first));
        row.addAll(rest);
        return row;
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + System.lineSeparator();
    }
}
