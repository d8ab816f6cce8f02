package dev.herder.cli.printing;

import dev.herder.cli.options.OutputFormat;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.ManifestWriter;
import java.time.Instant;
import java.util.List;

/** One change {@code herder get -w} saw, as kubectl prints it: a table row (no header), a name, or the object. */
public final class WatchOutput {
    private static final String YAML_SEPARATOR = "---" + System.lineSeparator();

    private WatchOutput() {
    }

    public static String change(String kind, ApiObject object, OutputFormat format, boolean withNamespace,
                                Instant now) {
        if (format == null || format == OutputFormat.WIDE) {
            String table = ObjectOutput.table(kind, List.of(object), format == OutputFormat.WIDE, withNamespace, now);
            return table.substring(table.indexOf('\n') + 1);
        }
        return switch (format) {
            case NAME -> ObjectNames.of(object) + System.lineSeparator();
            case JSON -> withNewline(ManifestWriter.toJson(object));
            case YAML -> YAML_SEPARATOR + withNewline(ManifestWriter.toYaml(object));
            default -> throw new IllegalArgumentException("no watch output for " + format);
        };
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + System.lineSeparator();
    }
}
