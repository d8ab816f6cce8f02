package dev.herder.cli.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.Objects;

/**
 * An apply as REST calls, as kubectl makes it: read the object; create it (POST) when it is not there, else replace
 * it (PUT, guarded on the object's resourceVersion when it names one). The outcome says "created", "configured", or
 * "unchanged" when the object stored declares what the one read did (status aside). Warnings the server
 * found reading the body are left out: the command read the same manifest and has said them already.
 */
final class RestApply {
    private static final String BODY_WARNING = "the request body: ";
    private static final String CREATED = "created";
    private static final String CONFIGURED = "configured";
    private static final String UNCHANGED = "unchanged";
    private final Transport transport;

    RestApply(Transport transport) {
        this.transport = transport;
    }

    ApiResponse.ApplyOutcome apply(ApiObject object) {
        String kind = object.kind();
        String name = object.metadata().name();
        String namespace = !Kinds.namespaced(kind) ? null
                : Objects.requireNonNullElse(object.metadata().namespace(), Kinds.DEFAULT_NAMESPACE);
        String body = Bodies.json(object);
        if (name != null) {
            Reply found = transport.exchange("GET", RestPaths.object(kind, namespace, name), null);
            if (found.succeeded()) {
                return replace(object, namespace, body, found.body());
            }
            if (found.code() != Reply.NOT_FOUND) {
                return refused(object, namespace, StatusErrors.of(found));
            }
        }
        Reply created = transport.exchange("POST", RestPaths.list(kind, namespace), body);
        if (created.succeeded()) {
            return stored(created, namespace, CREATED);
        }
        ApiError error = StatusErrors.of(created);
        if (error.code() == ApiError.Code.ALREADY_EXISTS && name != null) {
            return replace(object, namespace, body, null); // created by another writer since it was read
        }
        return refused(object, namespace, error);
    }

    private ApiResponse.ApplyOutcome replace(ApiObject object, String namespace, String body, String read) {
        Reply replaced = transport.exchange("PUT", RestPaths.object(object.kind(), namespace,
                object.metadata().name()), body);
        if (!replaced.succeeded()) {
            return refused(object, namespace, StatusErrors.of(replaced));
        }
        return stored(replaced, namespace, read != null && sameDeclaration(read, replaced.body()) ? UNCHANGED
                : CONFIGURED);
    }

    /**
     * Whether the object stored is the one read but for what the system writes meanwhile (its status, and with it
     * its resourceVersion): a scheduler's note on a pending pod between the read and the replace is no change of the
     * user's.
     */
    private static boolean sameDeclaration(String read, String stored) {
        return declaration(read).equals(declaration(stored));
    }

    private static JsonNode declaration(String body) {
        JsonNode tree = Bodies.read(body, JsonNode.class);
        if (tree instanceof ObjectNode object) {
            object.remove("status");
            if (object.get("metadata") instanceof ObjectNode meta) {
                meta.remove("resourceVersion");
            }
        }
        return tree;
    }

    private static ApiResponse.ApplyOutcome stored(Reply reply, String namespace, String action) {
        ApiObject stored = Bodies.object(reply.body());
        List<String> warnings = reply.warnings().stream().filter(w -> !w.startsWith(BODY_WARNING)).toList();
        return new ApiResponse.ApplyOutcome(stored.kind(), namespace, stored.metadata().name(), action, stored, null,
                warnings);
    }

    private static ApiResponse.ApplyOutcome refused(ApiObject object, String namespace, ApiError error) {
        return new ApiResponse.ApplyOutcome(object.kind(), namespace, object.metadata().name(), null, null, error,
                List.of());
    }
}
