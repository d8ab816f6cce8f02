package dev.herder.cli.client;

import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Sends requests to a Herder cluster: over its Kubernetes HTTP API (http.HttpApiClient)
 * or through Pekko ClusterClient to its ApiGateway ({@link HerderClient}).
 */
public interface ApiClient extends AutoCloseable {

    /** The gateway's answer; fails with a {@link HerderClientException} when none comes in time. */
    CompletionStage<ApiResponse> send(ApiRequest request);

    /** Blocks for the answer; throws {@link HerderClientException} when the cluster cannot be reached or is silent. */
    default ApiResponse call(ApiRequest request) {
        try {
            return send(request).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof HerderClientException cause) {
                throw cause.rethrownHere();
            }
            throw e;
        }
    }

    /** Releases the connection; quick, never throws. */
    @Override
    void close();
}
