package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.manifest.schema.UnknownFields;
import dev.herder.protocol.patch.JsonPatch;
import dev.herder.protocol.patch.MergePatch;
import dev.herder.protocol.patch.PatchException;
import dev.herder.protocol.patch.StrategicMergePatch;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * PATCH of an object: the stored object read, the patch applied to it (JSON merge, JSON patch or strategic merge,
 * by the request's Content-Type), and the result written guarded on the version read, as a PUT of it would be, and
 * recorded as an Update by its field manager. Server-side apply is {@link Applies}'.
 * When the object changed in between, the patch is applied again to the new version (a few times), unless the
 * patch itself named the resourceVersion it was made for: then the change in between is a conflict.
 */
final class Patches {
    static final String MERGE = "application/merge-patch+json";
    static final String JSON = "application/json-patch+json";
    static final String STRATEGIC = "application/strategic-merge-patch+json";
    private static final int ATTEMPTS = 5;

    private Patches() {
    }

    static CompletionStage<HttpResponse> patch(ApiService service, ResourcePath path, HttpRequest request, String body,
                                                boolean dryRun) {
        String type = request.entity().getContentType().mediaType().toString();
        if (type.equals(Applies.APPLY)) {
            return Applies.apply(service, path, request, body, dryRun);
        }
        JsonNode patch;
        try {
            patch = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Replies.refused(Status.badRequest("the patch is not JSON: " + e.getOriginalMessage()));
        }
        if (patch == null) {
            return Replies.refused(Status.badRequest("the patch is empty"));
        }
        UnaryOperator<JsonNode> change = switch (type) {
            case MERGE -> current -> MergePatch.apply(current, patch);
            case JSON -> current -> JsonPatch.apply(current, patch);
            case STRATEGIC -> current -> StrategicMergePatch.apply(path.kind(), current, patch);
            default -> null;
        };
        if (change == null) {
            return Replies.refused(Status.unsupportedMediaType("the patch's Content-Type " + type + " is not served;"
                    + " send " + String.join(", ", List.of(MERGE, JSON, STRATEGIC, Applies.APPLY))));
        }
        Query query = Query.of(request);
        Change asked = new Change(change, FieldManagers.of(request, query), dryRun,
                ObjectRequests.fieldValidation(query));
        return attempt(service, path, asked, ATTEMPTS);
    }

    /** A patch to apply: how it changes the object, by which manager, whether only tried, unknown fields' fate. */
    private record Change(UnaryOperator<JsonNode> change, String manager, boolean dryRun,
                          UnknownFields unknownFields) {
    }

    private static CompletionStage<HttpResponse> attempt(ApiService service, ResourcePath path, Change patch,
                                                         int attemptsLeft) {
        ApiRequest.Get get = new ApiRequest.Get(path.kind(), path.namespace(), path.name(), null);
        return service.handle(get).thenCompose(answer -> {
            if (!(answer instanceof ApiResponse.Objects found)) {
                return Replies.done(Replies.failure(answer, path));
            }
            JsonNode current = Json.mapper().valueToTree(found.items().get(0));
            String readVersion = current.path("metadata").path("resourceVersion").asText();
            JsonNode patched;
            try {
                patched = patch.change().apply(current);
            } catch (PatchException e) {
                return Replies.refused(Status.of(ApiError.invalid("the patch cannot be applied to " + path.resource()
                        + " \"" + path.name() + "\": " + e.getMessage()), path.resource(), path.name()));
            }
            if (!(patched instanceof ObjectNode object)) {
                return Replies.refused(Status.badRequest("the patched " + path.kind() + " is not an object"));
            }
            JsonNode version = object.path("metadata").path("resourceVersion");
            boolean namedVersion = !version.isMissingNode() && !version.isNull() && !version.asText().equals(readVersion);
            if (version.isMissingNode() || version.isNull()) {
                ((ObjectNode) object.with("metadata")).put("resourceVersion", readVersion);
            }
            Bodies.Parsed parsed = Bodies.object(path, object.toString(), patch.unknownFields());
            if (parsed.refusal() != null) {
                return Replies.refused(parsed.refusal());
            }
            return service.replace(parsed.object(), patch.dryRun(), patch.manager()).thenCompose(outcome -> {
                boolean conflict = outcome.error() != null && outcome.error().code() == ApiError.Code.CONFLICT;
                if (conflict && !namedVersion && attemptsLeft > 1) {
                    return attempt(service, path, patch, attemptsLeft - 1);
                }
                return Replies.done(Replies.stored(outcome, path, StatusCodes.OK, parsed.read().warnings()));
            });
        });
    }
}
