package dev.herder.protocol.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The elements of a path that name a list item ({@code k:{"name":"web"}}) or a set member ({@code v:"x"}). */
final class Keys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Keys() {
    }

    /** The element naming item in a list keyed by keyField, or null when the item has no such field. */
    static String item(JsonNode item, String keyField) {
        JsonNode key = item.get(keyField);
        if (key == null || key.isNull()) {
            return null;
        }
        ObjectNode json = JSON.createObjectNode();
        json.set(keyField, key);
        return FieldSet.KEY + json;
    }

    static String value(JsonNode value) {
        return FieldSet.VALUE + value;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FieldsException("the field path element " + json + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
