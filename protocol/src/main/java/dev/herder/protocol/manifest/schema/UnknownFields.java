package dev.herder.protocol.manifest.schema;

/**
 * What reading does with a field Kubernetes' schema for the kind does not define (Kubernetes' fieldValidation):
 * STRICT makes it an error naming it (manifests read by the herder command, and the API when a client asks for
 * Strict, as kubectl does), WARN drops it with a warning naming it (the API's default, as in Kubernetes), IGNORE
 * drops it silently.
 */
public enum UnknownFields {
    STRICT, WARN, IGNORE;

    /** The policy a fieldValidation query parameter names (Strict, Warn, Ignore); null when it names none. */
    public static UnknownFields of(String fieldValidation) {
        return switch (fieldValidation) {
            case "Strict" -> STRICT;
            case "Warn" -> WARN;
            case "Ignore" -> IGNORE;
            default -> null;
        };
    }
}
