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
 * DELETE of an object, with Kubernetes' DeleteOptions in the body or as query parameters (all optional):
 * propagationPolicy Background (what the object owns, a replication controller's pods, is deleted after it; the
 * default), Foreground (before it: the object stays, its deletionTimestamp set, until they are gone) or Orphan
 * (left, unowned), and gracePeriodSeconds (a pod on a node stays Terminating, its
 * deletionTimestamp set, until its agent has stopped it within that many seconds; 0 removes it at once). Answered
 * with the object as it was, or, for a pod being deleted gracefully, as it is now: Terminating.
 */
final class Deletes {
    private Deletes() {
    }

    static CompletionStage<HttpResponse> delete(ApiService service, ResourcePath path, Query query, String body) {
        Options options;
        try {
            options = Options.of(body, query);
        } catch (IllegalArgumentException e) {
            return Replies.refused(Status.badRequest(e.getMessage()));
        }
        return service.handle(new ApiRequest.Delete(path.kind(), path.namespace(), path.name(), options.cascade(),
                        options.gracePeriodSeconds()))
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
        Options options;
        try {
            options = Options.of(body, query);
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
                        o.metadata().namespace(), o.metadata().name(), options.cascade(),
                        options.gracePeriodSeconds())).thenApply(one -> {
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

    /** What a DeleteOptions body, or the request's query parameters, ask for. */
    record Options(String cascade, Long gracePeriodSeconds) {

        /** The options of the body, over those of the query; Background and the pod's own grace period by default. */
        static Options of(String body, Query query) {
            JsonNode options;
            try {
                options = body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the DeleteOptions body is not JSON: " + e.getOriginalMessage());
            }
            String policy = options.path("propagationPolicy").asText(null);
            if (policy == null) {
                policy = query.text("propagationPolicy") == null ? "Background" : query.text("propagationPolicy");
            }
            if (options.path("orphanDependents").asBoolean(false)) {
                policy = "Orphan";
            }
            String cascade = switch (policy) {
                case "Background" -> ApiRequest.Delete.BACKGROUND;
                case "Orphan" -> ApiRequest.Delete.ORPHAN;
                case "Foreground" -> ApiRequest.Delete.FOREGROUND;
                default -> null;
            };
            if (cascade == null) {
                throw new IllegalArgumentException("propagationPolicy \"" + policy + "\" is not served; use Background"
                        + " (what the object owns is deleted after it), Foreground (before it) or Orphan (left, unowned)");
            }
            JsonNode grace = options.path("gracePeriodSeconds");
            Long seconds;
            if (grace.isMissingNode() || grace.isNull()) {
                Integer fromQuery = query.number("gracePeriodSeconds");
                seconds = fromQuery == null ? null : fromQuery.longValue();
            } else if (grace.canConvertToLong()) {
                seconds = grace.asLong();
            } else {
                throw new IllegalArgumentException("gracePeriodSeconds must be a whole number of seconds, not " + grace);
            }
            return new Options(cascade, seconds);
        }
    }
}
