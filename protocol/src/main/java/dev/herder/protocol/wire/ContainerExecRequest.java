package dev.herder.protocol.wire;

import java.util.List;

/**
 * The ApiGateway asks a NodeAgent to run a command in the running container of a pod bound to its node,
 * within timeoutMillis; replyTo is the serialized path of the actor waiting for the {@link ContainerExecReply}.
 */
public record ContainerExecRequest(String podUid, String container, List<String> command, long timeoutMillis,
                                   String replyTo) implements AgentCommand {
}
