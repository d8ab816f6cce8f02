package dev.herder.cli.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.cli.client.HerderClientException;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code herder exec} over the API's {@code pods/NAME/exec} WebSocket (subprotocol v5.channel.k8s.io): each binary
 * message is a channel byte and data; stdout (1) and stderr (2) are what the command printed, the status channel
 * (3) its outcome, a Status whose ExitCode cause is the exit code when it failed.
 */
final class ExecSocket {
    private static final String PROTOCOL = "v5.channel.k8s.io";
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static final int STATUS = 3;

    private ExecSocket() {
    }

    static ApiResponse run(Transport transport, ApiRequest.Exec exec) {
        List<String> pairs = new ArrayList<>();
        exec.command().forEach(word -> pairs.addAll(List.of("command", word)));
        pairs.addAll(List.of("stdout", "true", "stderr", "true"));
        if (exec.container() != null) {
            pairs.addAll(List.of("container", exec.container()));
        }
        String target = RestPaths.object(Pod.KIND, exec.namespace(), exec.pod()) + "/exec"
                + RestPaths.query(pairs.toArray(String[]::new));
        return transport.tryEach(server -> run(transport, URI.create(server.replaceFirst("^http", "ws") + target)),
                answer -> false);
    }

    private static ApiResponse run(Transport transport, URI uri) throws IOException, InterruptedException {
        Frames frames = new Frames();
        long millis = transport.timeout().toMillis();
        try {
            transport.http().newWebSocketBuilder().subprotocols(PROTOCOL).connectTimeout(transport.timeout())
                    .buildAsync(uri, frames).get(millis, TimeUnit.MILLISECONDS);
            return frames.done.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                Object body = refused.getResponse().body();
                return new ApiResponse.Failure(StatusErrors.of(new Reply(refused.getResponse().statusCode(),
                        body instanceof String text ? text : null, List.of(), uri.toString())));
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw HerderClientException.noAnswer(transport.timeout());
        }
    }

    /** Collects the channels' messages until the server closes the socket. */
    private static final class Frames implements WebSocket.Listener {
        final CompletableFuture<ApiResponse> done = new CompletableFuture<>();
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private JsonNode status;

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            message.writeBytes(bytes);
            if (last) {
                byte[] whole = message.toByteArray();
                message.reset();
                if (whole.length > 0 && (whole[0] == STDOUT || whole[0] == STDERR)) {
                    output.write(whole, 1, whole.length - 1);
                } else if (whole.length > 0 && whole[0] == STATUS) {
                    status = Bodies.read(new String(whole, 1, whole.length - 1, StandardCharsets.UTF_8), JsonNode.class);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            done.complete(outcome());
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            done.completeExceptionally(error);
        }

        private ApiResponse outcome() {
            String printed = output.toString(StandardCharsets.UTF_8);
            if (status == null) {
                return new ApiResponse.Failure(new ApiError(ApiError.Code.INTERNAL,
                        "the exec ended without an outcome on its status channel"));
            }
            if ("Success".equals(status.path("status").asText())) {
                return new ApiResponse.ExecResult(0, printed);
            }
            for (JsonNode cause : status.path("details").path("causes")) {
                if ("ExitCode".equals(cause.path("reason").asText())) {
                    return new ApiResponse.ExecResult(Integer.parseInt(cause.path("message").asText("1")), printed);
                }
            }
            return new ApiResponse.Failure(new ApiError(ApiError.Code.INTERNAL, status.path("message").asText()));
        }
    }
}
