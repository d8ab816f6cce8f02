package dev.herder.cli.manifests;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.ManifestException;
import dev.herder.protocol.validation.FieldError;
import dev.herder.protocol.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/** Checks objects before they are sent, so a broken manifest never reaches the cluster. */
public final class LocalValidation {
    private LocalValidation() {
    }

    /** Throws a {@link ManifestException} with every broken rule of every object, each "Kind/name: path: reason". */
    public static void check(List<ApiObject> objects) {
        List<String> errors = new ArrayList<>();
        for (ApiObject object : objects) {
            String name = Validator.displayName(object);
            for (FieldError error : Validator.validate(object)) {
                errors.add(name + ": " + error);
            }
        }
        if (!errors.isEmpty()) {
            throw new ManifestException(errors);
        }
    }
}
