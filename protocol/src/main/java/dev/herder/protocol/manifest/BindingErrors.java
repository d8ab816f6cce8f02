package dev.herder.protocol.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.herder.protocol.validation.FieldPath;

/** The field path of a Jackson binding error, in Kubernetes' notation. */
final class BindingErrors {
    private BindingErrors() {
    }

    static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        String path = "";
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            path = ref.getFieldName() != null ? FieldPath.child(path, ref.getFieldName())
                    : FieldPath.index(path, ref.getIndex());
        }
        return path;
    }
}
