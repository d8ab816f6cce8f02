package dev.herder.cli.client.http;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.Streams;
import dev.herder.cli.client.WatchEvent;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The herder command's client of the cluster's Kubernetes HTTP API: each {@link ApiRequest} becomes the REST calls
 * kubectl would make (a get or list with its selectors and page, an apply as {@link RestApply}, a delete with its
 * DeleteOptions, a scale through the scale subresource, logs through pods/log, exec through the pods/exec
 * WebSocket, the cluster's status through {@value RestPaths#CLUSTER_STATUS}), and each answer, or refusal (a Status),
 * the {@link ApiResponse} the ClusterClient route gives. It fails over between servers as {@link Transport} says.
 */
public final class HttpApiClient implements ApiClient, Streams {
    private final ExecutorService executor;
    private final Transport transport;
    private final RestApply applies;
    private final RestStreams streams;

    private HttpApiClient(List<String> servers, Duration timeout) {
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "herder-http-client");
            thread.setDaemon(true);
            return thread;
        });
        this.transport = new Transport(servers, timeout, executor);
        this.applies = new RestApply(transport);
        this.streams = new RestStreams(transport, executor);
    }

    /** A client of these servers (URLs such as http://127.0.0.1:6443), the first tried first. */
    public static HttpApiClient connect(List<String> servers, Duration timeout) {
        return new HttpApiClient(servers, timeout);
    }

    @Override
    public CompletionStage<ApiResponse> send(ApiRequest request) {
        return CompletableFuture.supplyAsync(() -> handle(request), executor);
    }

    private ApiResponse handle(ApiRequest request) {
        if (request instanceof ApiRequest.Within within) {
            return handle(within.request());
        } else if (request instanceof ApiRequest.Apply apply) {
            return apply(apply.objects());
        } else if (request instanceof ApiRequest.Get get) {
            return RestReads.get(transport, get);
        } else if (request instanceof ApiRequest.Delete delete) {
            return RestWrites.delete(transport, delete);
        } else if (request instanceof ApiRequest.Scale scale) {
            return RestWrites.scale(transport, scale);
        } else if (request instanceof ApiRequest.Logs logs) {
            return RestReads.logs(transport, logs);
        } else if (request instanceof ApiRequest.Exec exec) {
            return ExecSocket.run(transport, exec);
        }
        return RestReads.cluster(transport);
    }

    private ApiResponse apply(List<ApiObject> objects) {
        List<CompletableFuture<ApiResponse.ApplyOutcome>> outcomes = objects.stream()
                .map(o -> CompletableFuture.supplyAsync(() -> applies.apply(o), executor)).toList();
        return new ApiResponse.Applied(outcomes.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public void watch(ApiRequest.Get list, String resourceVersion, Consumer<WatchEvent> onEvent, Instant stopAt) {
        streams.watch(list, resourceVersion, onEvent, stopAt);
    }

    @Override
    public void followLogs(ApiRequest.Logs logs, Consumer<String> onText, Instant stopAt) {
        streams.followLogs(logs, onText, stopAt);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

}
