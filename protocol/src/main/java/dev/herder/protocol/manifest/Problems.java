package dev.herder.protocol.manifest;

import dev.herder.protocol.api.ApiObject;
import java.util.ArrayList;
import java.util.List;

/** Errors and warnings of a whole read, each a full line: "source: Kind/name: path: reason". */
final class Problems {
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void error(String line) {
        errors.add(line);
    }

    void warning(String line) {
        warnings.add(line);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The result, or a ManifestException carrying every error found. */
    ReadResult result(List<ApiObject> objects) {
        if (!errors.isEmpty()) {
            throw new ManifestException(errors, warnings);
        }
        return new ReadResult(objects, warnings);
    }
}
