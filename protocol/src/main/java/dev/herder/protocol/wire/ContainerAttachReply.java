package dev.herder.protocol.wire;

/**
 * A NodeAgent's answer to a {@link ContainerAttachRequest}: output, a Pekko SourceRef of {@link ExecOutput} in its
 * serialized form (StreamRefResolver) that ends with the command's exit code; or error (one line a user can read)
 * when the command could not be started.
 */
public record ContainerAttachReply(String output, String error) implements WireMessage {

    public static ContainerAttachReply failed(String error) {
        return new ContainerAttachReply(null, error);
    }
}
