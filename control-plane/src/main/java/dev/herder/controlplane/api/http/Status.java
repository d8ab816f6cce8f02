package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ApiError;
import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * A refused request as Kubernetes answers it: an HTTP status and a {@code Status} object whose reason a client
 * acts on (NotFound, AlreadyExists, Conflict, Invalid, Expired, ...) and whose message names what is wrong.
 */
public record Status(StatusCode code, String reason, String message, String kind, String name, List<Cause> causes) {

    /** One of the reasons for a refusal, naming a field (details.causes in Kubernetes' Status). */
    public record Cause(String type, String message, String field) {
    }

    public Status(StatusCode code, String reason, String message, String kind, String name) {
        this(code, reason, message, kind, name, List.of());
    }

    /** A refusal with its causes, one per field. */
    public static Status withCauses(Status status, List<Cause> causes) {
        return new Status(status.code(), status.reason(), status.message(), status.kind(), status.name(), causes);
    }

    public static Status of(ApiError error, String resource, String name) {
        return switch (error.code()) {
            case INVALID -> new Status(StatusCodes.UNPROCESSABLE_ENTITY, "Invalid", error.message(), resource, name);
            case BAD_REQUEST -> new Status(StatusCodes.BAD_REQUEST, "BadRequest", error.message(), resource, name);
            case NOT_FOUND -> new Status(StatusCodes.NOT_FOUND, "NotFound", error.message(), resource, name);
            case ALREADY_EXISTS -> new Status(StatusCodes.CONFLICT, "AlreadyExists", error.message(), resource, name);
            case CONFLICT -> new Status(StatusCodes.CONFLICT, "Conflict", error.message(), resource, name);
            case GONE -> new Status(StatusCodes.GONE, "Expired", error.message(), resource, name);
            case UNAVAILABLE -> new Status(StatusCodes.SERVICE_UNAVAILABLE, "ServiceUnavailable", error.message(),
                    resource, name);
            case INTERNAL -> new Status(StatusCodes.INTERNAL_SERVER_ERROR, "InternalError", error.message(), resource,
                    name);
        };
    }

    /** A request the server cannot take as sent (a malformed body, an unknown parameter value). */
    public static Status badRequest(String message) {
        return new Status(StatusCodes.BAD_REQUEST, "BadRequest", message, null, null);
    }

    public static Status notFound(String message) {
        return new Status(StatusCodes.NOT_FOUND, "NotFound", message, null, null);
    }

    public static Status methodNotAllowed(String message) {
        return new Status(StatusCodes.METHOD_NOT_ALLOWED, "MethodNotAllowed", message, null, null);
    }

    public static Status unsupportedMediaType(String message) {
        return new Status(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", message, null, null);
    }

    /** The Status object, as JSON. */
    public ObjectNode json() {
        ObjectNode status = Json.mapper().createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        if (kind != null || name != null || !causes.isEmpty()) {
            ObjectNode details = status.putObject("details");
            if (name != null) {
                details.put("name", name);
            }
            if (kind != null) {
                details.put("kind", kind);
            }
            if (!causes.isEmpty()) {
                ArrayNode list = details.putArray("causes");
                causes.forEach(c -> list.addObject().put("reason", c.type()).put("message", c.message())
                        .put("field", c.field()));
            }
        }
        status.put("code", code.intValue());
        return status;
    }
}
