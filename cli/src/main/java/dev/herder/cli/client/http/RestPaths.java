package dev.herder.cli.client.http;

import dev.herder.protocol.api.Kinds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the Kubernetes API serves a kind's objects: {@code /api/v1[/namespaces/NS]/RESOURCE[/NAME[/SUB]]}. A
 * namespaced object with no namespace lives in the default one; a list with none spans every namespace.
 */
final class RestPaths {
    static final String CLUSTER_STATUS = "/herder/v1/cluster";
    private static final String CORE = "/api/v1";

    private RestPaths() {
    }

    static String list(String kind, String namespace) {
        return Kinds.namespaced(kind) && namespace != null
                ? CORE + "/namespaces/" + encode(namespace) + "/" + Kinds.plural(kind)
                : CORE + "/" + Kinds.plural(kind);
    }

    static String object(String kind, String namespace, String name) {
        String ns = namespace == null ? Kinds.DEFAULT_NAMESPACE : namespace;
        return list(kind, Kinds.namespaced(kind) ? ns : null) + "/" + encode(name);
    }

    /** The query of these name, value pairs; a null value is left out. */
    static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.append(query.length() == 0 ? '?' : '&').append(pairs[i]).append('=').append(encode(pairs[i + 1]));
            }
        }
        return query.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
