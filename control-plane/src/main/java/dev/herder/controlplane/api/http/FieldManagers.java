package dev.herder.controlplane.api.http;

import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * Who makes a write, as recorded in metadata.managedFields: the request's fieldManager, else (as Kubernetes does)
 * the client's User-Agent up to its first "/" ("kubectl/v1.32.0 (linux/amd64)" is "kubectl").
 */
final class FieldManagers {
    static final String PARAMETER = "fieldManager";
    /** Kubernetes' limit on a manager's name. */
    private static final int MAX_LENGTH = 128;
    private static final String UNKNOWN = "unknown";

    private FieldManagers() {
    }

    /** The manager the request names (null: none), refused when too long. */
    static String named(Query query) {
        String manager = query.text(PARAMETER);
        if (manager != null && manager.length() > MAX_LENGTH) {
            throw new Query.BadParameter(PARAMETER + " must be at most " + MAX_LENGTH + " characters, not "
                    + manager.length());
        }
        return manager;
    }

    /** The manager of a write: the one named, else the User-Agent's first word. */
    static String of(HttpRequest request, Query query) {
        String named = named(query);
        if (named != null) {
            return named;
        }
        String agent = request.getHeader("User-Agent").map(h -> h.value()).orElse("").split("/", 2)[0].trim();
        return agent.isEmpty() ? UNKNOWN : agent.substring(0, Math.min(agent.length(), MAX_LENGTH));
    }
}
