package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.manifest.ManifestException;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.manifest.ReadResult;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
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
                            list.continueToken(), whole, Instant.now()) : listJson(path.kind(), list))
                    : failure(answer, path));
        }
        return service.handle(new ApiRequest.Get(path.kind(), path.namespace(), path.name(), null)).thenApply(answer ->
                answer instanceof ApiResponse.Objects found
                        ? Replies.json(StatusCodes.OK, table ? Tables.of(path.kind(), found.items(),
                                found.items().get(0).metadata().resourceVersion(), whole, Instant.now())
                                : found.items().get(0))
                        : failure(answer, path));
    }

    CompletionStage<HttpResponse> write(ResourcePath path, HttpRequest request, String body) {
        if (path.subresource() != null) {
            return subresources.write(path, request, body);
        }
        HttpMethod method = request.method();
        boolean dryRun = dryRun(Query.of(request));
        if (Kinds.RECORDED.contains(path.kind())) {
            return Replies.refused(Status.methodNotAllowed(path.resource() + " are written by Herder itself; they"
                    + " can be read, not " + method.value() + " by clients"));
        }
        if (method.equals(HttpMethods.POST) && path.name() == null) {
            Parsed parsed = bodyObject(path, body);
            return parsed.refusal() != null ? Replies.refused(parsed.refusal())
                    : service.create(parsed.object(), dryRun).thenApply(outcome ->
                            stored(outcome, path, StatusCodes.CREATED, parsed.read().warnings()));
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
            Parsed parsed = bodyObject(path, body);
            return parsed.refusal() != null ? Replies.refused(parsed.refusal())
                    : service.replace(parsed.object(), dryRun).thenApply(outcome ->
                            stored(outcome, path, StatusCodes.OK, parsed.read().warnings()));
        }
        if (method.equals(HttpMethods.DELETE)) {
            if (dryRun) {
                return Replies.refused(Status.badRequest("dryRun is served on create, replace and patch, not delete"));
            }
            return Deletes.delete(service, path, body);
        }
        if (method.equals(HttpMethods.PATCH)) {
            return Patches.patch(service, path, request, body, dryRun);
        }
        return Replies.refused(Status.methodNotAllowed(method.value() + " is not served on " + path.resource()));
    }

    /** dryRun=All: the write is checked and answered as it would be made, and not made. */
    private static boolean dryRun(Query query) {
        String value = query.text("dryRun");
        if (value != null && !value.equals("All")) {
            throw new Query.BadParameter("dryRun must be All (or absent), not \"" + value + "\"");
        }
        return value != null;
    }

    /** A request body read as one object (read set), or refused (refusal set). */
    record Parsed(ReadResult read, Status refusal) {
        static Parsed refused(Status status) {
            return new Parsed(null, status);
        }

        ApiObject object() {
            return read.objects().get(0);
        }
    }

    /**
     * The one object of a request body, read as a manifest is (unknown fields are errors), its kind and name
     * checked against the path and its namespace set from it; or the Status that says what is wrong with it.
     */
    static Parsed bodyObject(ResourcePath path, String body) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Parsed.refused(Status.badRequest("the request body is not JSON: " + e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode object)) {
            return Parsed.refused(Status.badRequest("the request body must be one " + path.kind() + " object"));
        }
        JsonNode kind = object.get("kind");
        if (kind != null && !path.kind().equals(kind.asText())) {
            return Parsed.refused(Status.badRequest("the body is a " + kind.asText() + ", but the request is for "
                    + path.resource()));
        }
        object.put("kind", path.kind());
        if (!object.has("apiVersion")) {
            object.put("apiVersion", "v1");
        }
        ObjectNode meta = object.has("metadata") && object.get("metadata").isObject()
                ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
        if (path.objectNamespace() != null) {
            JsonNode ns = meta.get("namespace");
            if (ns != null && !ns.isNull() && !ns.asText().equals(path.namespace())) {
                return Parsed.refused(Status.badRequest("the namespace of the provided object (" + ns.asText()
                        + ") does not match the namespace sent on the request (" + path.namespace() + ")"));
            }
            meta.put("namespace", path.namespace());
        }
        if (path.name() != null) {
            JsonNode name = meta.get("name");
            if (name != null && !name.isNull() && !name.asText().equals(path.name())) {
                return Parsed.refused(Status.badRequest("the name of the object (" + name.asText()
                        + ") does not match the name on the URL (" + path.name() + ")"));
            }
            meta.put("name", path.name());
        }
        try {
            ReadResult read = ManifestReader.read(object.toString(), "the request body");
            if (read.objects().size() != 1) {
                return Parsed.refused(Status.badRequest("the request body must hold one " + path.kind() + ", not "
                        + read.objects().size() + " objects"));
            }
            return new Parsed(read, null);
        } catch (ManifestException e) {
            return Parsed.refused(Status.badRequest(String.join("; ", e.errors())));
        }
    }

    /** A write's answer: the stored object, with the reader's warnings as Warning headers, or its error. */
    static HttpResponse stored(ApiResponse.ApplyOutcome outcome, ResourcePath path, StatusCode success,
                               List<String> warnings) {
        if (outcome.error() != null) {
            return Replies.status(Status.of(outcome.error(), path.resource(), outcome.name()));
        }
        HttpResponse response = Replies.json(success, outcome.object());
        for (String warning : concat(warnings, outcome.warnings())) {
            response = response.addHeader(RawHeader.create("Warning", "299 - \"" + warning.replace("\"", "'") + "\""));
        }
        return response;
    }

    static HttpResponse failure(ApiResponse answer, ResourcePath path) {
        if (answer instanceof ApiResponse.Failure f) {
            return Replies.status(Status.of(f.error(), path.resource(), path.name()));
        }
        return Replies.status(new Status(StatusCodes.INTERNAL_SERVER_ERROR, "InternalError",
                "unexpected answer " + answer.getClass().getSimpleName(), path.resource(), path.name()));
    }

    static ObjectNode listJson(String kind, ApiResponse.Objects list) {
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
        return java.util.stream.Stream.concat(a == null ? java.util.stream.Stream.empty() : a.stream(),
                b == null ? java.util.stream.Stream.empty() : b.stream()).toList();
    }
}
