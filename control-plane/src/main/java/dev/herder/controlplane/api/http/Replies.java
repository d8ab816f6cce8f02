package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.manifest.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;

/** HTTP answers of the Kubernetes API: JSON bodies, and Status objects for refusals. */
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
}
