package dev.herder.controlplane.api.http;

import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.manifest.schema.UnknownFields;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.stream.Materializer;

/**
 * The verbs on core/v1 resources: list and get (as JSON, or as a Table when asked), create (POST), replace (PUT),
 * patch (PATCH) and delete (DELETE), and the subresources (a pod's log, a replication controller's scale). Each is
 * one call of the node's {@link ApiService}; its answer becomes the object, a list, or a Status naming what is wrong.
 */
final class ObjectRequests {
    private final ApiService service;
    private final Subresources subresources;
    private final Watches watches;

    ObjectRequests(ApiService service, Materializer materializer, Watches watches) {
        this.service = service;
        this.subresources = new Subresources(service, materializer);
        this.watches = watches;
    }

    CompletionStage<HttpResponse> read(ResourcePath path, HttpRequest request) {
        if (path.subresource() != null) {
            return subresources.read(path, request);
        }
        Query query = Query.of(request);
        String accept = request.getHeader("Accept").map(h -> h.value()).orElse(null);
        boolean table = Tables.wanted(accept);
        boolean whole = "Object".equals(query.text("includeObject"));
        if (path.name() == null && query.flag("watch")) {
            return watches.watch(path, query, table);
        }
        if (path.name() == null) {
            ApiRequest.Get get = new ApiRequest.Get(path.kind(), path.namespace(), null, query.text("labelSelector"),
                    query.text("fieldSelector"), query.number("limit"), query.text("continue"));
            return service.handle(get).thenApply(answer -> answer instanceof ApiResponse.Objects list
                    ? Replies.json(StatusCodes.OK, table ? Tables.of(path.kind(), list.items(), list.resourceVersion(),
                            list.continueToken(), true, whole, Instant.now()) : Replies.list(path.kind(), list))
                    : Replies.failure(answer, path));
        }
        return service.handle(new ApiRequest.Get(path.kind(), path.namespace(), path.name(), null)).thenApply(answer ->
                answer instanceof ApiResponse.Objects found
                        ? Replies.json(StatusCodes.OK, table ? Tables.of(path.kind(), found.items(),
                                found.items().get(0).metadata().resourceVersion(), whole, Instant.now())
                                : found.items().get(0))
                        : Replies.failure(answer, path));
    }

    /** The cluster's members and the Master's holder, as the ClusterClient route answers them. */
    CompletionStage<HttpResponse> cluster() {
        return service.handle(new ApiRequest.ClusterStatus()).thenApply(answer -> answer instanceof ApiResponse.Cluster c
                ? Replies.json(StatusCodes.OK, c)
                : Replies.status(Status.of(answer instanceof ApiResponse.Failure f ? f.error()
                        : ApiError.unavailable("unexpected answer " + answer.getClass().getSimpleName()), null, null)));
    }

    CompletionStage<HttpResponse> write(ResourcePath path, HttpRequest request, String body) {
        if (path.subresource() != null) {
            return subresources.write(path, request, body);
        }
        HttpMethod method = request.method();
        boolean dryRun = dryRun(Query.of(request));
        UnknownFields unknownFields = fieldValidation(Query.of(request));
        if (Kinds.RECORDED.contains(path.kind())) {
            String why = ApiService.readOnly(path.kind());
            return Replies.refused(Status.methodNotAllowed(why != null ? why : path.resource() + " are written by"
                    + " Herder itself; they can be read, not " + method.value() + " by clients"));
        }
        String manager = FieldManagers.of(request, Query.of(request));
        if (method.equals(HttpMethods.POST) && path.name() == null) {
            Bodies.Parsed parsed = Bodies.object(path, body, unknownFields);
            return parsed.refusal() != null ? Replies.refused(parsed.refusal())
                    : service.create(parsed.object(), dryRun, manager).thenApply(outcome ->
                            Replies.stored(outcome, path, StatusCodes.CREATED, parsed.read().warnings()));
        }
        if (path.name() == null && method.equals(HttpMethods.DELETE)) {
            return dryRun ? Replies.refused(Status.badRequest("dryRun is served on create, replace and patch"))
                    : Deletes.deleteCollection(service, path, Query.of(request), body);
        }
        if (path.name() == null) {
            return Replies.refused(Status.methodNotAllowed(method.value() + " needs an object's name in the path ("
                    + ResourcePath.PREFIX + "...; " + path.resource() + "/NAME)"));
        }
        if (method.equals(HttpMethods.PUT)) {
            Bodies.Parsed parsed = Bodies.object(path, body, unknownFields);
            return parsed.refusal() != null ? Replies.refused(parsed.refusal())
                    : service.replace(parsed.object(), dryRun, manager).thenApply(outcome ->
                            Replies.stored(outcome, path, StatusCodes.OK, parsed.read().warnings()));
        }
        if (method.equals(HttpMethods.DELETE)) {
            if (dryRun) {
                return Replies.refused(Status.badRequest("dryRun is served on create, replace and patch, not delete"));
            }
            return Deletes.delete(service, path, Query.of(request), body);
        }
        if (method.equals(HttpMethods.PATCH)) {
            return Patches.patch(service, path, request, body, dryRun);
        }
        return Replies.refused(Status.methodNotAllowed(method.value() + " is not served on " + path.resource()));
    }

    /**
     * What becomes of fields the kind's schema does not define (fieldValidation): Strict refuses the object naming
     * them, Warn (the default, as in Kubernetes) drops them with a Warning header naming each, Ignore drops them.
     */
    static UnknownFields fieldValidation(Query query) {
        String value = query.text("fieldValidation");
        if (value == null) {
            return UnknownFields.WARN;
        }
        UnknownFields policy = UnknownFields.of(value);
        if (policy == null) {
            throw new Query.BadParameter("fieldValidation must be Strict, Warn or Ignore (or absent), not \"" + value
                    + "\"");
        }
        return policy;
    }

    /** dryRun=All: the write is checked and answered as it would be made, and not made. */
    private static boolean dryRun(Query query) {
        String value = query.text("dryRun");
        if (value != null && !value.equals("All")) {
            throw new Query.BadParameter("dryRun must be All (or absent), not \"" + value + "\"");
        }
        return value != null;
    }


}
