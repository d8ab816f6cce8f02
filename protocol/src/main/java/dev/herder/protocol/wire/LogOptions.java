package dev.herder.protocol.wire;

/**
 * How a container's output is read, beyond which lines: previous reads the container's instance before the
 * current one (the one that ended last, kept by its agent until the next ends), timestamps puts the time each line
 * was written before it (RFC 3339 with nanoseconds, as Kubernetes prints it), and sinceEpochSecond, when given,
 * leaves out what was written before that second.
 */
public record LogOptions(boolean previous, boolean timestamps, Long sinceEpochSecond) {
    /** The current instance's output as written. */
    public static final LogOptions NONE = new LogOptions(false, false, null);

    public static LogOptions orNone(LogOptions options) {
        return options == null ? NONE : options;
    }
}
