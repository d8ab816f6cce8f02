package dev.herder.cli.printing;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import java.util.Locale;

/** How kubectl names objects in its messages: pod/web-1, and pods "web-1". */
public final class ObjectNames {
    private ObjectNames() {
    }

    /** pod, replicationcontroller, service, node. */
    public static String singular(String kind) {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** pod/web-1 */
    public static String of(String kind, String name) {
        return singular(kind) + "/" + name;
    }

    public static String of(ApiObject object) {
        return of(object.kind(), object.metadata().name());
    }

    /** pods "web-1", the way kubectl's errors name an object. */
    public static String quoted(String kind, String name) {
        return Kinds.plural(kind) + " \"" + name + "\"";
    }
}
