package dev.herder.protocol.manifest;

import dev.herder.protocol.api.ApiObject;
import java.util.List;

/** The objects a manifest holds, in order, and warnings about fields Herder accepts but does not act on. */
public record ReadResult(List<ApiObject> objects, List<String> warnings) {
    public ReadResult {
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
    }
}
