package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/** HTTP answers of the Kubernetes API: JSON bodies, stored objects and lists, and Status objects for refusals. */
final class Replies {
    private Replies() {
    }

    static HttpResponse json(StatusCode code, Object body) {
        return HttpResponse.create().withStatus(code).withEntity(ContentTypes.APPLICATION_JSON, bytes(body));
    }

    static HttpResponse status(Status status) {
        return json(status.code(), status.json());
    }

    static CompletionStage<HttpResponse> done(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    static CompletionStage<HttpResponse> refused(Status status) {
        return done(status(status));
    }

    static byte[] bytes(Object body) {
        try {
            return body instanceof JsonNode node ? Json.mapper().writeValueAsBytes(node)
                    : Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A write's answer: the stored object, with the reader's warnings as Warning headers, or its error. */
    static HttpResponse stored(ApiResponse.ApplyOutcome outcome, ResourcePath path, StatusCode success,
                               List<String> warnings) {
        if (outcome.error() != null) {
            return status(Status.of(outcome.error(), path.resource(), outcome.name()));
        }
        HttpResponse response = json(success, outcome.object());
        for (String warning : concat(warnings, outcome.warnings())) {
            response = response.addHeader(RawHeader.create("Warning", "299 - \"" + warning.replace("\"", "'") + "\""));
        }
        return response;
    }

    static HttpResponse failure(ApiResponse answer, ResourcePath path) {
        if (answer instanceof ApiResponse.Failure f) {
            return status(Status.of(f.error(), path.resource(), path.name()));
        }
        return status(new Status(StatusCodes.INTERNAL_SERVER_ERROR, "InternalError",
                "unexpected answer " + answer.getClass().getSimpleName(), path.resource(), path.name()));
    }

    /** A list as Kubernetes answers it: KIND + List, the revision it was read at, and the continue token. */
    static ObjectNode list(String kind, ApiResponse.Objects list) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("kind", kind + "List");
        node.put("apiVersion", "v1");
        ObjectNode meta = node.putObject("metadata");
        if (list.resourceVersion() != null) {
            meta.put("resourceVersion", list.resourceVersion());
        }
        if (list.continueToken() != null) {
            meta.put("continue", list.continueToken());
        }
        var items = node.putArray("items");
        list.items().forEach(o -> items.add(Json.mapper().<JsonNode>valueToTree(o)));
        return node;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a == null ? Stream.empty() : a.stream(),
                b == null ? Stream.empty() : b.stream()).toList();
    }
}
