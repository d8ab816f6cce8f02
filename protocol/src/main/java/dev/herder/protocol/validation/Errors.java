package dev.herder.protocol.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Collects the field errors of one object, with the few phrasings every rule shares. */
final class Errors {
    static final String REQUIRED = "required";
    static final int MIN_PORT = 1;
    static final int MAX_PORT = 65535;

    private final List<FieldError> errors = new ArrayList<>();

    void add(String path, String reason) {
        errors.add(new FieldError(path, reason));
    }

    void required(String path) {
        add(path, REQUIRED);
    }

    /** True when the value is present (not null, not blank); else records "required". */
    boolean requireText(String path, String value) {
        if (value == null || value.isBlank()) {
            required(path);
            return false;
        }
        return true;
    }

    void check(String path, Optional<String> reason) {
        reason.ifPresent(r -> add(path, r));
    }

    void atLeast(String path, Number value, long min) {
        if (value != null && value.longValue() < min) {
            add(path, "must be >= " + min);
        }
    }

    void port(String path, Integer value) {
        if (value != null && (value < MIN_PORT || value > MAX_PORT)) {
            add(path, "must be between " + MIN_PORT + " and " + MAX_PORT);
        }
    }

    /** Records "unsupported value" unless the value is null or one of the allowed ones. */
    void oneOf(String path, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, "unsupported value " + Names.quote(value) + ": must be one of "
                    + String.join(", ", allowed.stream().map(a -> a.isEmpty() ? "\"\"" : a).toList()));
        }
    }

    List<FieldError> list() {
        return List.copyOf(errors);
    }
}
