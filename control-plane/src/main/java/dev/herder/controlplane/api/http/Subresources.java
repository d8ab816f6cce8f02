package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.patch.MergePatch;
import dev.herder.protocol.printing.Cells;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.LogOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * The subresources kubectl uses: a pod's {@code log} (all of it, the last tailLines, or followed with
 * {@code follow=true}: streamed as the container prints, until it ends or the client leaves; at most limitBytes;
 * the previous instance's, with timestamps, since a time: {@link LogQuery}), its {@code exec} ({@link Exec}) and a
 * replication controller's {@code scale} (an autoscaling/v1 Scale: GET, and PUT or merge PATCH of spec.replicas).
 */
final class Subresources {
    static final String LOG = "log";
    static final String SCALE = "scale";
    /** How often a followed log asks the pod's node for what the container printed since. */
    private static final Duration FOLLOW_POLL = Duration.ofMillis(500);
    private final ApiService service;
    private final Materializer materializer;

    Subresources(ApiService service, Materializer materializer) {
        this.service = service;
        this.materializer = materializer;
    }

    CompletionStage<HttpResponse> read(ResourcePath path, HttpRequest request) {
        if (Pod.KIND.equals(path.kind()) && LOG.equals(path.subresource())) {
            return log(path, Query.of(request));
        }
        if (Pod.KIND.equals(path.kind()) && Exec.EXEC.equals(path.subresource())) {
            return Exec.exec(service, path, request);
        }
        if (ReplicationController.KIND.equals(path.kind()) && SCALE.equals(path.subresource())) {
            return scaleOf(path).thenApply(scale -> scale.map(s -> Replies.json(StatusCodes.OK, s))
                    .orElseGet(() -> Replies.status(Status.of(ApiError.notFound("replicationcontrollers \""
                            + path.name() + "\" not found"), path.resource(), path.name()))));
        }
        if (SCALE.equals(path.subresource())) {
            return noScale(path);
        }
        return Replies.refused(Status.notFound(path.resource() + " have no subresource " + path.subresource()));
    }

    /** A scale of a kind that has none: not found, saying which kind has one (as the ClusterClient route says). */
    private static CompletionStage<HttpResponse> noScale(ResourcePath path) {
        return Replies.refused(Status.notFound(path.resource() + " have no replicas to scale; only"
                + " replicationcontrollers do"));
    }

    CompletionStage<HttpResponse> write(ResourcePath path, HttpRequest request, String body) {
        if (Pod.KIND.equals(path.kind()) && Exec.EXEC.equals(path.subresource())) {
            return Exec.exec(service, path, request); // SPDY's POST: refused, naming the WebSocket it needs
        }
        if (SCALE.equals(path.subresource()) && !ReplicationController.KIND.equals(path.kind())) {
            return noScale(path);
        }
        if (!ReplicationController.KIND.equals(path.kind()) || !SCALE.equals(path.subresource())) {
            return Replies.refused(Status.methodNotAllowed(request.method().value() + " is not served on "
                    + path.resource() + "/" + path.subresource()));
        }
        JsonNode sent;
        try {
            sent = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Replies.refused(Status.badRequest("the Scale is not JSON: " + e.getOriginalMessage()));
        }
        if (request.method().equals(HttpMethods.PUT)) {
            return scaleTo(path, sent, FieldManagers.of(request, Query.of(request)));
        }
        if (request.method().equals(HttpMethods.PATCH)) {
            return scaleOf(path).thenCompose(scale -> scale.isEmpty()
                    ? Replies.refused(Status.of(ApiError.notFound("replicationcontrollers \"" + path.name()
                            + "\" not found"), path.resource(), path.name()))
                    : scaleTo(path, unguarded(MergePatch.apply(scale.get(), sent), sent),
                            FieldManagers.of(request, Query.of(request))));
        }
        return Replies.refused(Status.methodNotAllowed(request.method().value() + " is not served on scale"));
    }

    /** A patched Scale guarded only on a version the patch itself names (the one read is the server's own). */
    private static JsonNode unguarded(JsonNode patched, JsonNode patch) {
        if (patch.path("metadata").path("resourceVersion").isMissingNode()
                && patched.path("metadata") instanceof ObjectNode m) {
            m.remove("resourceVersion");
        }
        return patched;
    }

    private CompletionStage<HttpResponse> scaleTo(ResourcePath path, JsonNode scale, String manager) {
        JsonNode replicas = scale.path("spec").path("replicas");
        if (!replicas.canConvertToInt()) {
            return Replies.refused(Status.badRequest("a Scale needs spec.replicas, a whole number"));
        }
        // a resourceVersion given guards the write itself: a controller changed since is a conflict
        String version = scale.path("metadata").path("resourceVersion").asText("");
        return service.handle(new ApiRequest.Scale(path.kind(), path.namespace(), path.name(), replicas.asInt(),
                        version.isEmpty() ? null : version, manager))
                .thenCompose(answer -> answer instanceof ApiResponse.Failure
                        ? Replies.done(Replies.failure(answer, path))
                        : scaleOf(path).thenApply(s -> Replies.json(StatusCodes.OK, s.orElseThrow())));
    }

    /** The controller's scale, as autoscaling/v1 spells it; empty when there is no such controller. */
    private CompletionStage<Optional<ObjectNode>> scaleOf(ResourcePath path) {
        return service.handle(new ApiRequest.Get(path.kind(), path.namespace(), path.name(), null)).thenApply(answer -> {
            if (!(answer instanceof ApiResponse.Objects found)) {
                return Optional.empty();
            }
            ReplicationController rc = (ReplicationController) found.items().get(0);
            ObjectNode scale = Json.mapper().createObjectNode();
            scale.put("kind", "Scale");
            scale.put("apiVersion", "autoscaling/v1");
            ObjectNode meta = scale.putObject("metadata");
            meta.put("name", rc.metadata().name());
            meta.put("namespace", rc.metadata().namespace());
            meta.put("uid", rc.metadata().uid());
            meta.put("resourceVersion", rc.metadata().resourceVersion());
            meta.put("creationTimestamp", rc.metadata().creationTimestamp());
            scale.putObject("spec").put("replicas", Cells.orZero(rc.spec().replicas()));
            ObjectNode status = scale.putObject("status");
            status.put("replicas", rc.status() == null ? 0 : Cells.orZero(rc.status().replicas()));
            status.put("selector", Cells.labels(rc.spec().selector()));
            return Optional.of(scale);
        });
    }

    private CompletionStage<HttpResponse> log(ResourcePath path, Query query) {
        String container = query.text("container");
        Integer tail = query.number("tailLines");
        Integer limitBytes = query.number("limitBytes");
        LogOptions options = LogQuery.options(query, Instant.now());
        ApiRequest.Logs first = new ApiRequest.Logs(path.namespace(), path.name(), container, tail, false, null,
                options);
        return service.handle(first).thenApply(answer -> {
            if (!(answer instanceof ApiResponse.LogChunk chunk)) {
                return Replies.failure(answer, path);
            }
            if (!query.flag("follow")) {
                return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8,
                        limited(chunk.text(), limitBytes)));
            }
            Source<ByteString, ?> rest = Source.unfoldAsync(chunk, last -> last.done()
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : Patterns.after(FOLLOW_POLL, materializer.system(), () -> service.handle(new ApiRequest.Logs(
                            path.namespace(), path.name(), container, null, true, last.nextOffset(), options))).thenApply(next ->
                            next instanceof ApiResponse.LogChunk c ? Optional.of(Pair.create(c, ByteString.fromString(
                                    c.text()))) : Optional.empty()));
            Source<ByteString, ?> all = Source.single(ByteString.fromString(chunk.text())).concat(rest)
                    .filter(b -> !b.isEmpty());
            return HttpResponse.create().withEntity(HttpEntities.createChunked(ContentTypes.TEXT_PLAIN_UTF8, all));
        });
    }

    private static String limited(String text, Integer limitBytes) {
        if (limitBytes == null || limitBytes <= 0) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= limitBytes ? text
                : new String(bytes, 0, limitBytes, StandardCharsets.UTF_8);
    }
}
