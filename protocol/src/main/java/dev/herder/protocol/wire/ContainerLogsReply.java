package dev.herder.protocol.wire;

/**
 * A NodeAgent's answer to a {@link ContainerLogsRequest}: the fields of {@link ApiResponse.LogChunk}, or error
 * (one line a user can read) when the output could not be had.
 */
public record ContainerLogsReply(String text, long nextOffset, boolean truncated, boolean done, String error)
        implements WireMessage {
    /**
     * The most characters of output one answer carries: at most 3 bytes each in UTF-8, so an answer stays well
     * under the 2 MiB frame limit of the cluster's transport.
     */
    public static final int MAX_CHARS = 512 * 1024;

    public static ContainerLogsReply failed(String error) {
        return new ContainerLogsReply(null, 0, false, false, error);
    }
}
