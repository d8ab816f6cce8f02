package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code pods/NAME/exec} as kubectl runs it: a WebSocket of Kubernetes' channel protocol (v5.channel.k8s.io, or
 * v4), each binary message a channel byte (1 stdout, 3 the outcome) and its bytes. Herder runs the command in the
 * container to its end ({@code herder exec}'s request), then sends what it printed on stdout and its outcome on the
 * status channel: Success, or Failure with the exit code as an ExitCode cause, which kubectl exits with. A command
 * fed from stdin (-i) or given a terminal (-t) is refused on the status channel, saying so; a request that is not a
 * WebSocket (kubectl falls back to SPDY when an upgrade is refused) is refused naming the WebSocket protocols.
 */
final class Exec {
    static final String EXEC = "exec";
    private static final List<String> PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");
    private static final byte STDOUT = 1;
    private static final byte STATUS = 3;

    private Exec() {
    }

    static CompletionStage<HttpResponse> exec(ApiService service, ResourcePath path, HttpRequest request) {
        Query query = Query.of(request);
        Optional<WebSocketUpgrade> upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade);
        if (upgrade.isEmpty()) {
            return Replies.refused(Status.badRequest("pods/exec is served over a WebSocket (subprotocol "
                    + String.join(" or ", PROTOCOLS) + "), as kubectl exec opens it"));
        }
        List<String> command = query.all("command");
        if (command.isEmpty()) {
            return Replies.refused(Status.badRequest("exec needs a command (query parameter command, once per word)"));
        }
        String protocol = null;
        for (String offered : PROTOCOLS) {
            for (String requested : upgrade.get().getRequestedProtocols()) {
                if (protocol == null && offered.equals(requested.trim())) {
                    protocol = offered;
                }
            }
        }
        if (protocol == null) {
            return Replies.refused(Status.badRequest("the WebSocket must ask for subprotocol "
                    + String.join(" or ", PROTOCOLS)));
        }
        Source<Message, NotUsed> frames;
        if (query.flag("stdin") || query.flag("tty")) {
            // refused on the status channel, where kubectl shows it (a refused upgrade would make it try SPDY)
            frames = Source.single(frame(STATUS, ByteString.fromArray(Replies.bytes(failure("exec with stdin (-i) or"
                    + " a terminal (-t) is not served: Herder runs the command to its end and returns its output and"
                    + " exit code; leave out -i and -t")))));
        } else {
            ApiRequest.Exec exec = new ApiRequest.Exec(path.namespace(), path.name(), query.text("container"),
                    command);
            frames = Source.completionStage(service.handle(exec)).mapConcat(answer -> frames(answer, command));
        }
        return Replies.done(upgrade.get().handleMessagesWith(Sink.ignore(), frames, protocol));
    }

    private static List<Message> frames(ApiResponse answer, List<String> command) {
        List<Message> frames = new ArrayList<>();
        ObjectNode status = Json.mapper().createObjectNode();
        status.putObject("metadata");
        if (answer instanceof ApiResponse.ExecResult result) {
            if (!result.output().isEmpty()) {
                frames.add(frame(STDOUT, ByteString.fromString(result.output())));
            }
            if (result.exitCode() == 0) {
                status.put("status", "Success");
            } else {
                status.put("status", "Failure");
                status.put("message", "command terminated with non-zero exit code: error executing command "
                        + command + ", exit code " + result.exitCode());
                status.put("reason", "NonZeroExitCode");
                ObjectNode cause = status.putObject("details").putArray("causes").addObject();
                cause.put("reason", "ExitCode");
                cause.put("message", Integer.toString(result.exitCode()));
            }
        } else {
            status = failure(answer instanceof ApiResponse.Failure f ? f.error().message()
                    : "unexpected answer " + answer.getClass().getSimpleName());
        }
        frames.add(frame(STATUS, ByteString.fromArray(Replies.bytes(status))));
        return frames;
    }

    private static ObjectNode failure(String message) {
        ObjectNode status = Json.mapper().createObjectNode();
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", "InternalError");
        return status;
    }

    private static Message frame(byte channel, ByteString data) {
        return BinaryMessage.create(ByteString.fromArray(new byte[] {channel}).concat(data));
    }
}
