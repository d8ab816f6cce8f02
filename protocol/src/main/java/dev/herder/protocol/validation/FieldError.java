package dev.herder.protocol.validation;

/** One broken rule: the field's path (spec.containers[0].image) and why. Prints as "path: reason". */
public record FieldError(String path, String reason) {

    @Override
    public String toString() {
        return path == null || path.isEmpty() ? reason : path + ": " + reason;
    }
}
