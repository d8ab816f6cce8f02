package dev.herder.cli.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.Json;

/** Objects to and from the JSON bodies of the Kubernetes API. */
final class Bodies {
    private Bodies() {
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static ApiObject object(String body) {
        return read(body, ApiObject.class);
    }

    static <T> T read(String body, Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the server answered something that is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
