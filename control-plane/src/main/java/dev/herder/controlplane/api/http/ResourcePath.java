package dev.herder.controlplane.api.http;

import dev.herder.protocol.api.Kinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a request to the core/v1 API points, as Kubernetes spells it:
 * {@code /api/v1[/namespaces/NS]/RESOURCE[/NAME[/SUBRESOURCE]]}. namespace is null for a cluster-scoped kind and
 * for a list across all namespaces; name is null for a list (or a create).
 */
public record ResourcePath(String namespace, String resource, String kind, String name, String subresource) {
    static final String PREFIX = "/api/v1/";
    private static final String NAMESPACES = "namespaces";
    /** The resource name of each kind served (pods, replicationcontrollers, ...), to its kind. */
    static final Map<String, String> KINDS = Kinds.READABLE.stream()
            .collect(Collectors.toUnmodifiableMap(Kinds::plural, Function.identity()));

    /** The request's target, or empty when the path is not one of a served resource. */
    public static Optional<ResourcePath> parse(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> parts = List.of(path.substring(PREFIX.length()).split("/", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        String namespace = null;
        List<String> rest = parts;
        if (parts.size() >= 3 && parts.get(0).equals(NAMESPACES)) {
            namespace = parts.get(1);
            rest = parts.subList(2, parts.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            return Optional.empty();
        }
        String kind = KINDS.get(rest.get(0));
        if (kind == null || (namespace != null && !Kinds.namespaced(kind))) {
            return Optional.empty();
        }
        String name = rest.size() > 1 ? rest.get(1) : null;
        if (name != null && namespace == null && Kinds.namespaced(kind)) {
            return Optional.empty(); // a namespaced object is named only within its namespace
        }
        return Optional.of(new ResourcePath(namespace, rest.get(0), kind, name, rest.size() > 2 ? rest.get(2) : null));
    }

    /** The namespace an object of this path lives in: the path's, or none for a cluster-scoped kind. */
    public String objectNamespace() {
        return Kinds.namespaced(kind) ? namespace : null;
    }
}
