package dev.herder.cli.client.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.Map;

/** Deletes (with DeleteOptions) and scales (through the scale subresource) as REST calls. */
final class RestWrites {
    private static final Map<String, String> POLICIES = Map.of(ApiRequest.Delete.BACKGROUND, "Background",
            ApiRequest.Delete.FOREGROUND, "Foreground", ApiRequest.Delete.ORPHAN, "Orphan");
    private static final String SCALED = "scaled";

    private RestWrites() {
    }

    static ApiResponse delete(Transport transport, ApiRequest.Delete delete) {
        ObjectNode options = Json.mapper().createObjectNode();
        options.put("kind", "DeleteOptions");
        options.put("apiVersion", "v1");
        if (delete.cascade() != null) {
            options.put("propagationPolicy", POLICIES.getOrDefault(delete.cascade(), delete.cascade()));
        }
        if (delete.gracePeriodSeconds() != null) {
            options.put("gracePeriodSeconds", delete.gracePeriodSeconds());
        }
        Reply reply = transport.exchange("DELETE", RestPaths.object(delete.kind(), delete.namespace(), delete.name()),
                options.toString());
        return reply.succeeded() ? new ApiResponse.Deleted(Bodies.object(reply.body()))
                : new ApiResponse.Failure(StatusErrors.of(reply));
    }

    /** A replication controller's spec.replicas set through its autoscaling/v1 Scale, guarded on a version given. */
    static ApiResponse scale(Transport transport, ApiRequest.Scale scale) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("kind", "Scale");
        body.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = body.putObject("metadata");
        meta.put("name", scale.name());
        if (scale.resourceVersion() != null) {
            meta.put("resourceVersion", scale.resourceVersion());
        }
        body.putObject("spec").put("replicas", scale.replicas());
        String kind = scale.kind() == null ? ReplicationController.KIND : scale.kind();
        Reply reply = transport.exchange("PUT", RestPaths.object(kind, scale.namespace(), scale.name()) + "/scale",
                body.toString());
        return reply.succeeded() ? new ApiResponse.Applied(List.of(new ApiResponse.ApplyOutcome(kind,
                scale.namespace(), scale.name(), SCALED, null, null, List.of())))
                : new ApiResponse.Failure(StatusErrors.of(reply));
    }
}
