package dev.herder.protocol.printing;

import dev.herder.protocol.api.ApiObject;
import java.time.Instant;
import java.util.List;

/** The columns of one kind's table: what {@code herder get} prints, and the Table the Kubernetes API answers kubectl. */
public abstract class KindTable<T extends ApiObject> {
    private final Class<T> type;

    protected KindTable(Class<T> type) {
        this.type = type;
    }

    public abstract List<String> headers(boolean wide);

    protected abstract List<String> row(T object, Instant now, boolean wide);

    public final List<String> rowOf(ApiObject object, Instant now, boolean wide) {
        return row(type.cast(object), now, wide);
    }

    /** The order of the rows; null keeps the server's (namespace, then name). */
    protected java.util.Comparator<T> order() {
        return null;
    }

    /** The objects in the table's order. */
    public final List<ApiObject> ordered(List<ApiObject> objects) {
        java.util.Comparator<T> order = order();
        if (order == null) {
            return objects;
        }
        return objects.stream().sorted((a, b) -> order.compare(type.cast(a), type.cast(b))).toList();
    }

    protected static List<String> widen(List<String> columns, boolean wide, List<String> wideColumns) {
        if (!wide) {
            return columns;
        }
        return java.util.stream.Stream.concat(columns.stream(), wideColumns.stream()).toList();
    }
}
