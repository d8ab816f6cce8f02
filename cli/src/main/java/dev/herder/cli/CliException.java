package dev.herder.cli;

/** A failure the user can act on; its message is printed as it is, after {@code error: }. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
