package dev.herder.protocol.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The kinds Herder serves, and the names kubectl users type for them. */
public final class Kinds {
    public static final String DEFAULT_NAMESPACE = "default";
    /** The kinds users apply, each object owned by one entity. */
    public static final List<String> ALL = List.of(Pod.KIND, ReplicationController.KIND, Service.KIND, Node.KIND);
    /** What get and describe serve: the applied kinds, and what Herder keeps about them (endpoints, events). */
    public static final List<String> READABLE = List.of(Pod.KIND, ReplicationController.KIND, Service.KIND, Node.KIND,
            Endpoints.KIND, Event.KIND);
    /** The kinds Herder writes itself: users read them, never apply them. */
    public static final List<String> RECORDED = List.of(Endpoints.KIND, Event.KIND);

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("pods", Pod.KIND), Map.entry("pod", Pod.KIND), Map.entry("po", Pod.KIND),
            Map.entry("replicationcontrollers", ReplicationController.KIND),
            Map.entry("replicationcontroller", ReplicationController.KIND),
            Map.entry("rc", ReplicationController.KIND),
            Map.entry("services", Service.KIND), Map.entry("service", Service.KIND), Map.entry("svc", Service.KIND),
            Map.entry("nodes", Node.KIND), Map.entry("node", Node.KIND), Map.entry("no", Node.KIND),
            Map.entry("events", Event.KIND), Map.entry("event", Event.KIND), Map.entry("ev", Event.KIND),
            Map.entry("endpoints", Endpoints.KIND), Map.entry("ep", Endpoints.KIND));

    private Kinds() {
    }

    /** The kind a user's word names (plural, singular, short name or the kind itself), if any. */
    public static Optional<String> resolve(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String hit = ALIASES.get(lower);
        if (hit == null) {
            hit = READABLE.stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(lower)).findFirst().orElse(null);
        }
        return Optional.ofNullable(hit);
    }

    public static boolean namespaced(String kind) {
        return !Node.KIND.equals(kind);
    }

    /** kubectl's plural resource name of a kind: pods, replicationcontrollers, services, nodes, events. */
    public static String plural(String kind) {
        return Endpoints.KIND.equals(kind) ? "endpoints" : kind.toLowerCase(Locale.ROOT) + "s";
    }
}
