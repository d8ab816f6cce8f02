package dev.herder.cli.client;

import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.concurrent.CompletionStage;

/** Sends requests to a Herder cluster's ApiGateway. */
public interface ApiClient extends AutoCloseable {

    /** The gateway's answer; fails with a {@link HerderClientException} when none comes in time. */
    CompletionStage<ApiResponse> send(ApiRequest request);

    /** Blocks for the answer; throws {@link HerderClientException} when the cluster cannot be reached or is silent. */
    ApiResponse call(ApiRequest request);

    /** Releases the connection; quick, never throws. */
    @Override
    void close();
}
