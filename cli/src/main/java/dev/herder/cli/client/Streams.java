package dev.herder.cli.client;

import dev.herder.protocol.wire.ApiRequest;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What a client that can hold a response open offers beyond {@link ApiClient}: a list's changes as they happen, and a
 * container's output as it prints it. The HTTP client offers both; ClusterClient does not.
 */
public interface Streams {

    /**
     * Calls onEvent with each change to the listed objects after resourceVersion, until the server ends the watch,
     * stopAt passes (null: never) or the thread is interrupted. A refused watch throws with the server's message.
     */
    void watch(ApiRequest.Get list, String resourceVersion, Consumer<WatchEvent> onEvent, Instant stopAt);

    /** Calls onText with the container's output, then with what it prints next, until it ends or stopAt passes. */
    void followLogs(ApiRequest.Logs logs, Consumer<String> onText, Instant stopAt);
}
