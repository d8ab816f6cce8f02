package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ManagedFieldsEntry;
import dev.herder.protocol.fields.FieldsException;
import dev.herder.protocol.fields.ServerSideApply;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.manifest.schema.UnknownFields;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * Server-side apply (PATCH with Content-Type application/apply-patch+yaml): the applier's configuration (YAML or
 * JSON) merged into the stored object by {@link ServerSideApply}, or creating it, and written guarded on the
 * version read (created: guarded on there being none). A write in between is read again and applied again (a few
 * times). Fields other managers own and the configuration would change are a 409 Conflict naming each, unless
 * force=true.
 */
final class Applies {
    static final String APPLY = "application/apply-patch+yaml";
    private static final String CONFLICT_CAUSE = "FieldManagerConflict";
    private static final int ATTEMPTS = 5;

    private Applies() {
    }

    static CompletionStage<HttpResponse> apply(ApiService service, ResourcePath path, HttpRequest request, String body,
                                               boolean dryRun) {
        Query query = Query.of(request);
        String manager = FieldManagers.named(query);
        if (manager == null) {
            return Replies.refused(Status.badRequest("fieldManager is required for server-side apply ("
                    + APPLY + "): name the manager that owns the fields applied, e.g. ?fieldManager=my-tool"));
        }
        JsonNode config;
        try {
            config = Json.yamlMapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Replies.refused(Status.badRequest("the applied configuration is not YAML or JSON: "
                    + e.getOriginalMessage()));
        }
        if (!(config instanceof ObjectNode)) {
            return Replies.refused(Status.badRequest("the applied configuration must be one " + path.kind()
                    + " object"));
        }
        Request apply = new Request(service, path, (ObjectNode) config, manager, query.flag("force"), dryRun,
                ObjectRequests.fieldValidation(query));
        return attempt(apply, ATTEMPTS);
    }

    private record Request(ApiService service, ResourcePath path, ObjectNode config, String manager, boolean force,
                           boolean dryRun, UnknownFields unknownFields) {
    }

    private static CompletionStage<HttpResponse> attempt(Request apply, int attemptsLeft) {
        ResourcePath path = apply.path();
        ApiRequest.Get get = new ApiRequest.Get(path.kind(), path.namespace(), path.name(), null);
        return apply.service().handle(get).thenCompose(answer -> {
            ApiObject live = null;
            if (answer instanceof ApiResponse.Objects found) {
                live = found.items().get(0);
            } else if (!(answer instanceof ApiResponse.Failure failure
                    && failure.error().code() == ApiError.Code.NOT_FOUND)) {
                return Replies.done(Replies.failure(answer, path));
            }
            ServerSideApply.Outcome outcome;
            try {
                outcome = ServerSideApply.apply(path.kind(), live == null ? null : Json.mapper().valueToTree(live),
                        live == null ? null : live.metadata().managedFields(), apply.config(), apply.manager(),
                        apply.force(), Instant.now());
            } catch (FieldsException e) {
                return Replies.refused(Status.badRequest("the applied configuration cannot be merged: "
                        + e.getMessage()));
            }
            if (outcome instanceof ServerSideApply.Conflicts conflicts) {
                return Replies.refused(conflict(conflicts, path));
            }
            return write(apply, live, (ServerSideApply.Applied) outcome, attemptsLeft);
        });
    }

    private static CompletionStage<HttpResponse> write(Request apply, ApiObject live, ServerSideApply.Applied applied,
                                                       int attemptsLeft) {
        ResourcePath path = apply.path();
        ObjectNode object = (ObjectNode) applied.object();
        JsonNode named = apply.config().path("metadata").path("resourceVersion");
        boolean namesVersion = !named.isMissingNode() && !named.isNull();
        if (live != null && !namesVersion) {
            object.with("metadata").put("resourceVersion", live.metadata().resourceVersion());
        }
        Bodies.Parsed parsed = Bodies.object(path, object.toString(), apply.unknownFields());
        if (parsed.refusal() != null) {
            return Replies.refused(parsed.refusal());
        }
        ApiObject parsedObject = parsed.object();
        List<ManagedFieldsEntry> managers = applied.managedFields().isEmpty() ? null : applied.managedFields();
        ApiObject toStore = parsedObject.withMetadata(parsedObject.metadata().withManagedFields(managers));
        CompletionStage<ApiResponse.ApplyOutcome> written = live == null
                ? apply.service().create(toStore, apply.dryRun(), null)
                : apply.service().replace(toStore, apply.dryRun(), null);
        return written.thenCompose(outcome -> {
            ApiError.Code code = outcome.error() == null ? null : outcome.error().code();
            boolean raced = code == ApiError.Code.ALREADY_EXISTS || code == ApiError.Code.NOT_FOUND
                    || code == ApiError.Code.CONFLICT && !namesVersion;
            if (raced && attemptsLeft > 1) {
                return attempt(apply, attemptsLeft - 1);
            }
            return Replies.done(Replies.stored(outcome, path, live == null ? StatusCodes.CREATED : StatusCodes.OK,
                    parsed.read().warnings()));
        });
    }

    /** Kubernetes' answer to conflicts: 409, reason Conflict, one FieldManagerConflict cause per field. */
    private static Status conflict(ServerSideApply.Conflicts conflicts, ResourcePath path) {
        Status status = Status.of(ApiError.conflict(conflicts.message()), path.resource(), path.name());
        return Status.withCauses(status, conflicts.conflicts().stream().map(c -> new Status.Cause(CONFLICT_CAUSE,
                "conflict with " + c.managerText(), c.field())).toList());
    }
}
