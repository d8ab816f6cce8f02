package dev.herder.protocol.manifest;

import java.util.List;

/**
 * Input that cannot be taken as it is. errors() holds every problem found, each one line that
 * names where ("pod.yaml: Pod/web: spec.containers[0].image: required"); getMessage() is one line.
 */
public class ManifestException extends RuntimeException {
    private final List<String> errors;
    private final List<String> warnings;

    public ManifestException(List<String> errors) {
        this(errors, List.of());
    }

    public ManifestException(List<String> errors, List<String> warnings) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ManifestException needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public List<String> errors() {
        return errors;
    }

    /** Warnings found before the errors stopped the read, so a caller can show them too. */
    public List<String> warnings() {
        return warnings;
    }

    private static String summary(List<String> errors) {
        if (errors.isEmpty()) {
            return "no errors";
        }
        String first = errors.get(0).replace('\n', ' ');
        int more = errors.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
    }
}
