package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;

/** Takes the answer a verb expects, or turns a refusal into the server's message. */
final class Responses {
    private Responses() {
    }

    static <T extends ApiResponse> T expect(ApiResponse response, Class<T> type) {
        if (response instanceof ApiResponse.Failure failure) {
            throw new CliException(message(failure.error()));
        }
        if (!type.isInstance(response)) {
            throw new CliException("unexpected answer from the cluster: " + response.getClass().getSimpleName());
        }
        return type.cast(response);
    }

    /** The server's message as it is; the code when there is none. */
    static String message(ApiError error) {
        if (error == null) {
            return "the cluster refused the request without saying why";
        }
        return error.message() == null || error.message().isBlank() ? error.code().toString() : error.message();
    }
}
