package dev.herder.controlplane.api.http;

import dev.herder.controlplane.api.ApiService;
import dev.herder.protocol.wire.ApiRequest;
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
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code pods/NAME/exec} as kubectl runs it: a WebSocket of Kubernetes' channel protocol (v5.channel.k8s.io, or
 * v4; {@link ExecChannels}). The command runs attached in the container: stdin from kubectl when it asks for it
 * (-i), a terminal when it asks for one (-t, whose size it sends and resends), stdout and stderr streamed as the
 * command writes them (with a terminal, one output), then the outcome on the status channel, where kubectl also
 * shows why a command could not be run (no such pod or container, a container not running). A request that is not
 * a WebSocket (kubectl falls back to SPDY when an upgrade is refused) is refused naming the WebSocket protocols.
 */
final class Exec {
    static final String EXEC = "exec";
    private static final String V5 = "v5.channel.k8s.io";
    private static final List<String> PROTOCOLS = List.of(V5, "v4.channel.k8s.io");

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
        String protocol = protocol(upgrade.get());
        if (protocol == null) {
            return Replies.refused(Status.badRequest("the WebSocket must ask for subprotocol "
                    + String.join(" or ", PROTOCOLS)));
        }
        boolean v5 = V5.equals(protocol);
        ApiRequest.Exec exec = new ApiRequest.Exec(path.namespace(), path.name(), query.text("container"), command);
        Flow<Message, Message, NotUsed> channels = Flow.<Message>create()
                .flatMapConcat(Exec::bytes)
                .mapConcat(data -> ExecChannels.decode(data.toArray(), v5))
                .via(service.attach(exec, query.flag("stdin"), query.flag("tty")))
                .map(output -> (Message) BinaryMessage.create(ByteString.fromArray(ExecChannels.encode(output,
                        command))));
        return Replies.done(upgrade.get().handleMessagesWith(channels, protocol));
    }

    /** The first of the served protocols that the client asks for, or null. */
    private static String protocol(WebSocketUpgrade upgrade) {
        for (String offered : PROTOCOLS) {
            for (String requested : upgrade.getRequestedProtocols()) {
                if (offered.equals(requested.trim())) {
                    return offered;
                }
            }
        }
        return null;
    }

    /** A binary message's bytes, however they arrive (whole or streamed); a text message carries none. */
    private static Source<ByteString, NotUsed> bytes(Message message) {
        if (message.isText()) {
            return message.asTextMessage().getStreamedText().filter(text -> false)
                    .map(text -> ByteString.emptyByteString()).mapMaterializedValue(m -> NotUsed.getInstance());
        }
        return message.asBinaryMessage().getStreamedData().fold(ByteString.emptyByteString(), ByteString::concat)
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }
}
