package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * DELETE of an object, with Kubernetes' DeleteOptions in the body (all optional): propagationPolicy Background
 * (what the object owns, a replication controller's pods, is deleted after it; the default) or Orphan (left,
 * unowned). Answered with the object as it was.
 */
final class Deletes {
    private Deletes() {
    }

    static CompletionStage<HttpResponse> delete(ApiService service, ResourcePath path, String body) {
        String cascade;
        try {
            cascade = cascade(body);
        } catch (IllegalArgumentException e) {
            return Replies.refused(Status.badRequest(e.getMessage()));
        }
        return service.handle(new ApiRequest.Delete(path.kind(), path.namespace(), path.name(), cascade))
                .thenApply(answer -> answer instanceof ApiResponse.Deleted deleted
                        ? Replies.json(StatusCodes.OK, deleted.object())
                        : Replies.failure(answer, path));
    }

    /**
     * DELETE of a list (Kubernetes' deletecollection): every object of the kind in the namespace that the label
     * and field selectors match is deleted, one by one; answered with the list of those deleted. One that could not
     * be deleted ends the request with its error (those before it stay deleted, as in Kubernetes).
     */
    static CompletionStage<HttpResponse> deleteCollection(ApiService service, ResourcePath path, Query query,
                                                          String body) {
        String cascade;
        try {
            cascade = cascade(body);
        } catch (IllegalArgumentException e) {
            return Replies.refused(Status.badRequest(e.getMessage()));
        }
        ApiRequest.Get list = new ApiRequest.Get(path.kind(), path.namespace(), null, query.text("labelSelector"),
                query.text("fieldSelector"));
        return service.handle(list).thenCompose(answer -> {
            if (!(answer instanceof ApiResponse.Objects found)) {
                return Replies.done(Replies.failure(answer, path));
            }
            CompletionStage<List<ApiObject>> deleted = CompletableFuture.completedFuture(new ArrayList<>());
            for (ApiObject o : found.items()) {
                deleted = deleted.thenCompose(done -> service.handle(new ApiRequest.Delete(path.kind(),
                        o.metadata().namespace(), o.metadata().name(), cascade)).thenApply(one -> {
                            if (one instanceof ApiResponse.Deleted d) {
                                done.add(d.object());
                            } else if (!(one instanceof ApiResponse.Failure f
                                    && f.error().code() == ApiError.Code.NOT_FOUND)) {
                                throw new CompletionException(new Refused(one));
                            }
                            return done;
                        }));
            }
            return deleted.thenApply(done -> Replies.json(StatusCodes.OK, Replies.list(path.kind(),
                    new ApiResponse.Objects(path.kind(), done, found.resourceVersion(), null))))
                    .exceptionally(t -> t.getCause() instanceof Refused r ? Replies.failure(r.answer(), path)
                            : Replies.status(Status.of(ApiError.unavailable(String.valueOf(t.getCause())),
                                    path.resource(), null)));
        });
    }

    /** A delete of a collection that stopped at one refused answer. */
    private static final class Refused extends RuntimeException {
        private final transient ApiResponse answer;

        Refused(ApiResponse answer) {
            super(null, null, false, false);
            this.answer = answer;
        }

        ApiResponse answer() {
            return answer;
        }
    }

    /** The cascade the DeleteOptions body asks for (Background when it names none). */
    private static String cascade(String body) {
        JsonNode options;
        try {
            options = body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the DeleteOptions body is not JSON: " + e.getOriginalMessage());
        }
        String policy = options.path("propagationPolicy").asText("Background");
        if (options.path("orphanDependents").asBoolean(false)) {
            policy = "Orphan";
        }
        String cascade = switch (policy) {
            case "Background" -> ApiRequest.Delete.BACKGROUND;
            case "Orphan" -> ApiRequest.Delete.ORPHAN;
            default -> null;
        };
        if (cascade == null) {
            throw new IllegalArgumentException("propagationPolicy \"" + policy + "\" is not served; use Background"
                    + " (what the object owns is deleted after it) or Orphan (left, unowned)");
        }
        return cascade;
    }
}
