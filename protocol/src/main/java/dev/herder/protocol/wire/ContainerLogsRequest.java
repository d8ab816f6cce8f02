package dev.herder.protocol.wire;

/**
 * The ApiGateway asks a NodeAgent for the output of one container of a pod bound to its node (by pod uid and
 * container name); tail, fromOffset and options mean what they mean in {@link ApiRequest.Logs}. replyTo is the
 * serialized path of the actor waiting for the {@link ContainerLogsReply} (the agent resolves it), so this
 * message carries no actor reference and protocol stays free of Pekko.
 */
public record ContainerLogsRequest(String podUid, String container, Integer tail, Long fromOffset, LogOptions options,
                                   String replyTo) implements AgentCommand {
    public ContainerLogsRequest {
        options = LogOptions.orNone(options);
    }

    public ContainerLogsRequest(String podUid, String container, Integer tail, Long fromOffset, String replyTo) {
        this(podUid, container, tail, fromOffset, null, replyTo);
    }
}
