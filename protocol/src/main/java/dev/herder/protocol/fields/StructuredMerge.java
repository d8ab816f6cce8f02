package dev.herder.protocol.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.patch.MergeKeys;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' structured merge of an applied configuration into a live object: objects merge field by field,
 * keyed lists item by item (an item the configuration names is merged into the live one of its key, a new one is
 * added at the end), set lists as a union; scalars and every other list are replaced whole. Removing paths takes
 * out fields, list items and set members an applier no longer sets.
 */
public final class StructuredMerge {
    private StructuredMerge() {
    }

    /** live with config merged in (neither is changed). */
    public static JsonNode merge(String kind, JsonNode live, JsonNode config) {
        return mergeValue(kind, live, config, List.of());
    }

    private static JsonNode mergeValue(String kind, JsonNode live, JsonNode config, List<String> names) {
        if (live == null || live.isNull() || config.isNull()) {
            return config.deepCopy();
        }
        if (live.isObject() && config.isObject()) {
            ObjectNode merged = (ObjectNode) live.deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                merged.set(field.getKey(), mergeValue(kind, live.get(field.getKey()), field.getValue(),
                        append(names, field.getKey())));
            }
            return merged;
        }
        if (live.isArray() && config.isArray() && MergeKeys.mergesValues(names)) {
            ArrayNode merged = (ArrayNode) live.deepCopy();
            config.forEach(member -> {
                if (ObjectFields.indexOf(merged, Keys.value(member)) < 0) {
                    merged.add(member.deepCopy());
                }
            });
            return merged;
        }
        String keyField = MergeKeys.of(kind, names);
        if (live.isArray() && config.isArray() && keyField != null) {
            ArrayNode merged = (ArrayNode) live.deepCopy();
            for (JsonNode item : config) {
                String element = item.isObject() ? Keys.item(item, keyField) : null;
                int index = element == null ? -1 : ObjectFields.indexOf(merged, element);
                if (index < 0) {
                    merged.add(item.deepCopy());
                } else {
                    merged.set(index, mergeValue(kind, merged.get(index), item, names));
                }
            }
            return merged;
        }
        return config.deepCopy();
    }

    /** object without the fields, list items and set members at paths (absent ones are no matter). */
    public static JsonNode remove(JsonNode object, FieldSet paths) {
        JsonNode result = object.deepCopy();
        for (List<String> path : paths.paths()) {
            JsonNode parent = ObjectFields.at(result, path.subList(0, path.size() - 1));
            String last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode fields && last.startsWith(FieldSet.FIELD)) {
                fields.remove(last.substring(FieldSet.FIELD.length()));
            } else if (parent instanceof ArrayNode list) {
                int index = ObjectFields.indexOf(list, last);
                if (index >= 0) {
                    list.remove(index);
                }
            }
        }
        return result;
    }

    private static List<String> append(List<String> list, String element) {
        List<String> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }
}
