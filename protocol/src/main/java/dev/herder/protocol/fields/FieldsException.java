package dev.herder.protocol.fields;

/** An object whose fields cannot be tracked or merged as sent; the message names the field. */
public final class FieldsException extends RuntimeException {
    public FieldsException(String message) {
        super(message);
    }
}
