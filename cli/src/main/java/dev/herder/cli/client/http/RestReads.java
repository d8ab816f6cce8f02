package dev.herder.cli.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.LogOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads as REST calls: an object or a page of a list, a container's output, the cluster's status. */
final class RestReads {
    private RestReads() {
    }

    static ApiResponse get(Transport transport, ApiRequest.Get get) {
        if (get.name() != null) {
            Reply reply = transport.exchange("GET", RestPaths.object(get.kind(), get.namespace(), get.name()), null);
            return reply.succeeded() ? new ApiResponse.Objects(get.kind(), List.of(Bodies.object(reply.body())))
                    : new ApiResponse.Failure(StatusErrors.of(reply));
        }
        Reply reply = transport.exchange("GET", RestPaths.list(get.kind(), get.namespace()) + listQuery(get), null);
        if (!reply.succeeded()) {
            return new ApiResponse.Failure(StatusErrors.of(reply));
        }
        JsonNode list = Bodies.read(reply.body(), JsonNode.class);
        List<ApiObject> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            items.add(Bodies.object(item.toString()));
        }
        JsonNode meta = list.path("metadata");
        return new ApiResponse.Objects(get.kind(), items, meta.path("resourceVersion").asText(null),
                meta.path("continue").asText(null));
    }

    static String listQuery(ApiRequest.Get get) {
        return RestPaths.query("labelSelector", get.labelSelector(), "fieldSelector", get.fieldSelector(),
                "limit", get.limit() == null ? null : get.limit().toString(), "continue", get.continueToken());
    }

    /**
     * The container's output as it is now. Following by offset (the ClusterClient route's polls) has no REST form:
     * over HTTP a followed log is one open response ({@link RestStreams#followLogs}).
     */
    static ApiResponse logs(Transport transport, ApiRequest.Logs logs) {
        if (logs.fromOffset() != null) {
            return new ApiResponse.Failure(ApiError.badRequest("reading a log from an offset is not served over HTTP;"
                    + " follow it with one request (follow=true)"));
        }
        Reply reply = transport.exchange("GET", logPath(logs, false), null);
        if (!reply.succeeded()) {
            return new ApiResponse.Failure(StatusErrors.of(reply));
        }
        String text = reply.body();
        return new ApiResponse.LogChunk(text, text.getBytes(StandardCharsets.UTF_8).length, false, false);
    }

    static String logPath(ApiRequest.Logs logs, boolean follow) {
        LogOptions options = logs.options();
        return RestPaths.object(Pod.KIND, logs.namespace(), logs.pod()) + "/log" + RestPaths.query(
                "container", logs.container(),
                "tailLines", logs.tail() == null ? null : logs.tail().toString(),
                "previous", options.previous() ? "true" : null,
                "timestamps", options.timestamps() ? "true" : null,
                "sinceTime", options.sinceEpochSecond() == null ? null
                        : Instant.ofEpochSecond(options.sinceEpochSecond()).toString(),
                "follow", follow ? "true" : null);
    }

    static ApiResponse cluster(Transport transport) {
        Reply reply = transport.exchange("GET", RestPaths.CLUSTER_STATUS, null);
        return reply.succeeded() ? Bodies.read(reply.body(), ApiResponse.Cluster.class)
                : new ApiResponse.Failure(StatusErrors.of(reply));
    }
}
