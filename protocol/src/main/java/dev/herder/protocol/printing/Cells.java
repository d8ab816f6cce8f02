package dev.herder.protocol.printing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How kubectl fills table cells: {@code <none>} for nothing, {@code k=v,...} for label maps. */
public final class Cells {
    public static final String NONE = "<none>";

    private Cells() {
    }

    public static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    public static String orNone(List<String> values) {
        return values == null || values.isEmpty() ? NONE : String.join(",", values);
    }

    /** Labels or a selector as {@code a=b,c=d}, sorted by key. */
    public static String labels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return NONE;
        }
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    public static <T> String joined(List<T> items, Function<T, String> text) {
        if (items == null || items.isEmpty()) {
            return NONE;
        }
        return items.stream().map(text).collect(Collectors.joining(","));
    }

    public static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    public static <K, V> Map<K, V> orEmpty(Map<K, V> values) {
        return values == null ? Map.of() : values;
    }
}
