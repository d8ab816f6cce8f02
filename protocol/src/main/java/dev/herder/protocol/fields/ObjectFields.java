package dev.herder.protocol.fields;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.patch.MergeKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields an object (or an applied configuration) sets, as server-side apply counts them: every scalar, every
 * atomic list or empty object as one leaf, every item of a keyed list (containers by name, ports by containerPort,
 * ...) and what it sets, every member of a set list. Not counted: apiVersion, kind, status and the metadata the
 * API itself keeps (name, namespace, uid, resourceVersion, generation, timestamps, managedFields).
 */
public final class ObjectFields {
    private static final Set<String> TOP_LEVEL_IGNORED = Set.of("apiVersion", "kind", "status");
    private static final Set<String> METADATA_IGNORED = Set.of("name", "generateName", "namespace", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "managedFields", "selfLink");
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) : a.equals(b) ? 0 : 1;

    private ObjectFields() {
    }

    /** The fields object (of kind) sets. */
    public static FieldSet of(String kind, JsonNode object) {
        List<List<String>> found = new ArrayList<>();
        if (object != null && object.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (TOP_LEVEL_IGNORED.contains(name)) {
                    continue;
                }
                if (name.equals("metadata") && field.getValue().isObject()) {
                    metadata(kind, field.getValue(), found);
                } else {
                    value(kind, field.getValue(), List.of(name), List.of(FieldSet.FIELD + name), found);
                }
            }
        }
        return FieldSet.of(found);
    }

    private static void metadata(String kind, JsonNode metadata, List<List<String>> found) {
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!METADATA_IGNORED.contains(field.getKey())) {
                value(kind, field.getValue(), List.of("metadata", field.getKey()),
                        List.of(FieldSet.FIELD + "metadata", FieldSet.FIELD + field.getKey()), found);
            }
        }
    }

    private static void value(String kind, JsonNode value, List<String> names, List<String> path,
                              List<List<String>> found) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject() && !value.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                value(kind, field.getValue(), append(names, field.getKey()),
                        append(path, FieldSet.FIELD + field.getKey()), found);
            }
        } else if (value.isArray() && MergeKeys.mergesValues(names)) {
            value.forEach(member -> found.add(append(path, Keys.value(member))));
        } else if (value.isArray() && MergeKeys.of(kind, names) != null) {
            String keyField = MergeKeys.of(kind, names);
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String element = item.isObject() ? Keys.item(item, keyField) : null;
                if (element == null) {
                    throw new FieldsException(String.join(".", names) + "[" + i + "] has no " + keyField
                            + ", which names an item of that list: give each item its " + keyField);
                }
                List<String> itemPath = append(path, element);
                found.add(itemPath);
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    value(kind, field.getValue(), append(names, field.getKey()),
                            append(itemPath, FieldSet.FIELD + field.getKey()), found);
                }
            }
        } else {
            found.add(path);
        }
    }

    /** The value at path in object, or null when object has none there. */
    public static JsonNode at(JsonNode object, List<String> path) {
        JsonNode node = object;
        for (String element : path) {
            if (node == null) {
                return null;
            }
            node = child(node, element);
        }
        return node == null || node.isNull() ? null : node;
    }

    /** The node an element names in parent (a field, a keyed item, a set member), or null. */
    static JsonNode child(JsonNode parent, String element) {
        if (element.startsWith(FieldSet.FIELD)) {
            return parent.isObject() ? parent.get(element.substring(FieldSet.FIELD.length())) : null;
        }
        if (!parent.isArray()) {
            return null;
        }
        int index = indexOf(parent, element);
        return index < 0 ? null : parent.get(index);
    }

    /** Where in list the item or member an element names is (-1: absent). */
    static int indexOf(JsonNode list, String element) {
        if (element.startsWith(FieldSet.KEY)) {
            JsonNode key = Keys.parse(element.substring(FieldSet.KEY.length()));
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                boolean matches = item.isObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = key.fields(); matches && it.hasNext(); ) {
                    Map.Entry<String, JsonNode> part = it.next();
                    matches = same(item.get(part.getKey()), part.getValue());
                }
                if (matches) {
                    return i;
                }
            }
            return -1;
        }
        JsonNode member = Keys.parse(element.substring(FieldSet.VALUE.length()));
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i), member)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether two values are equal, numbers by value (1 and 1.0 alike); nulls only to nulls. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    private static List<String> append(List<String> list, String element) {
        List<String> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }
}
