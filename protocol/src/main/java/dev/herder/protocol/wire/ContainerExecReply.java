package dev.herder.protocol.wire;

/**
 * A NodeAgent's answer to a {@link ContainerExecRequest}: the command's exit code and output (the last
 * {@link ContainerLogsReply#MAX_CHARS} characters), or error when it could not be run.
 */
public record ContainerExecReply(int exitCode, String output, String error) implements WireMessage {

    public static ContainerExecReply failed(String error) {
        return new ContainerExecReply(-1, null, error);
    }
}
