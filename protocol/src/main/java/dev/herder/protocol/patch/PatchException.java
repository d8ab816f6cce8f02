package dev.herder.protocol.patch;

/** A patch that cannot be applied to its target; the message names the operation or field. */
public final class PatchException extends RuntimeException {
    public PatchException(String message) {
        super(message);
    }
}
