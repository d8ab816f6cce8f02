package dev.herder.protocol.validation;

import dev.herder.protocol.manifest.ManifestException;
import java.util.List;

/** An object broke validation rules; errors() holds each as "Kind/name: path: reason". */
public class ValidationException extends ManifestException {
    private final transient List<FieldError> fieldErrors;

    public ValidationException(String objectName, List<FieldError> fieldErrors) {
        super(fieldErrors.stream().map(e -> objectName + ": " + e).toList());
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The errors without the object prefix. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
