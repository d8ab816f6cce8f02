package dev.herder.cli.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A refused request's Kubernetes Status read back as the {@link ApiError} the ClusterClient route answers: its
 * reason gives the code (NotFound, AlreadyExists, Conflict, Invalid, BadRequest, Expired, ...), else its HTTP code
 * does; its message is the server's, with the causes when it has none of its own.
 */
final class StatusErrors {
    private static final Map<String, ApiError.Code> REASONS = Map.of(
            "Invalid", ApiError.Code.INVALID,
            "BadRequest", ApiError.Code.BAD_REQUEST,
            "NotFound", ApiError.Code.NOT_FOUND,
            "AlreadyExists", ApiError.Code.ALREADY_EXISTS,
            "Conflict", ApiError.Code.CONFLICT,
            "Expired", ApiError.Code.GONE,
            "Gone", ApiError.Code.GONE,
            "ServiceUnavailable", ApiError.Code.UNAVAILABLE);
    private static final Map<Integer, ApiError.Code> CODES = Map.of(
            400, ApiError.Code.BAD_REQUEST, 404, ApiError.Code.NOT_FOUND, 409, ApiError.Code.CONFLICT,
            410, ApiError.Code.GONE, 422, ApiError.Code.INVALID, 503, ApiError.Code.UNAVAILABLE);
    private static final int MAX_BODY_SHOWN = 200;

    private StatusErrors() {
    }

    static ApiError of(Reply reply) {
        JsonNode status = null;
        try {
            status = reply.body() == null || reply.body().isBlank() ? null : Json.mapper().readTree(reply.body());
        } catch (JsonProcessingException e) {
            // not a Status: told below with the body as it came
        }
        if (status == null || !"Status".equals(status.path("kind").asText())) {
            return new ApiError(CODES.getOrDefault(reply.code(), ApiError.Code.INTERNAL), "the server at "
                    + reply.server() + " answered HTTP " + reply.code() + shown(reply.body()));
        }
        ApiError.Code code = REASONS.get(status.path("reason").asText(""));
        if (code == null) {
            code = CODES.getOrDefault(status.path("code").asInt(reply.code()), ApiError.Code.INTERNAL);
        }
        return new ApiError(code, message(status));
    }

    private static String message(JsonNode status) {
        String message = status.path("message").asText("");
        if (!message.isBlank()) {
            return message;
        }
        List<String> causes = new ArrayList<>();
        for (JsonNode cause : status.path("details").path("causes")) {
            String field = cause.path("field").asText("");
            causes.add((field.isEmpty() ? "" : field + ": ") + cause.path("message").asText(""));
        }
        return causes.isEmpty() ? status.path("reason").asText("refused") : String.join("; ", causes);
    }

    private static String shown(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > MAX_BODY_SHOWN ? line.substring(0, MAX_BODY_SHOWN) + "..." : line);
    }
}
