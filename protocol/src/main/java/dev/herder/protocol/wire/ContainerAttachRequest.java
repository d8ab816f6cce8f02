package dev.herder.protocol.wire;

import java.util.List;

/**
 * The API asks a NodeAgent to run a command in the running container of a pod bound to its node, attached: stdin
 * (when stdin) and a terminal (when tty) are the caller's. input is a Pekko SourceRef of {@link ExecInput} in its
 * serialized form (StreamRefResolver), which the agent reads for the command's stdin and the terminal's size;
 * replyTo is the serialized path of the actor waiting for the {@link ContainerAttachReply}. Both travel as strings,
 * so this message carries no Pekko type and protocol stays free of Pekko.
 */
public record ContainerAttachRequest(String podUid, String container, List<String> command, boolean stdin,
                                     boolean tty, String input, String replyTo) implements AgentCommand {
}
