package dev.herder.protocol.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch ({@code application/strategic-merge-patch+json}: kubectl apply, cordon and
 * set image send it) on core/v1 objects. As a JSON merge patch, except that the lists core/v1 declares with a merge
 * key are merged element by element on that key ({@link MergeKeys}), and the directives: {@code $patch: replace}
 * (this map or list instead of the old), {@code $patch: delete} (remove this map, or the list element with this
 * key), {@code $retainKeys} (keep only these fields of the map), {@code $setElementOrder/FIELD} (the order of a
 * merged list) and {@code $deleteFromPrimitiveList/FIELD} (remove these values from a merged list of values).
 */
public final class StrategicMergePatch {
    private static final String PATCH = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String ORDER = "$setElementOrder/";
    private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {
    }

    /** The object (of the given kind) with the patch applied; neither argument is changed. */
    public static JsonNode apply(String kind, JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            throw new PatchException("a strategic merge patch is an object, not " + patch.getNodeType());
        }
        JsonNode merged = mergeMap(kind, List.of(), target != null && target.isObject() ? (ObjectNode) target : null,
                (ObjectNode) patch);
        if (merged == null) {
            throw new PatchException("the patch deletes the whole object ($patch: delete at the top); use DELETE");
        }
        return merged;
    }

    /** The merged map; null when the patch says to delete it. */
    private static ObjectNode mergeMap(String kind, List<String> path, ObjectNode target, ObjectNode patch) {
        JsonNode directive = patch.get(PATCH);
        if (directive != null) {
            switch (directive.asText()) {
                case "delete":
                    return null;
                case "replace":
                    ObjectNode replaced = patch.deepCopy();
                    replaced.remove(PATCH);
                    return (ObjectNode) withoutDirectives(replaced);
                case "merge":
                    break;
                default:
                    throw new PatchException(where(path) + ": unknown $patch \"" + directive.asText()
                            + "\" (replace, delete or merge)");
            }
        }
        ObjectNode result = target == null ? patch.objectNode() : target.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals(PATCH) || name.equals(RETAIN_KEYS) || name.startsWith(ORDER) || name.startsWith(DELETE_FROM)) {
                continue;
            }
            List<String> at = append(path, name);
            if (value.isNull()) {
                result.remove(name);
            } else if (value.isObject()) {
                JsonNode old = result.get(name);
                ObjectNode merged = mergeMap(kind, at, old != null && old.isObject() ? (ObjectNode) old : null,
                        (ObjectNode) value);
                if (merged == null) {
                    result.remove(name);
                } else {
                    result.set(name, merged);
                }
            } else if (value.isArray()) {
                JsonNode old = result.get(name);
                result.set(name, mergeList(kind, at, old != null && old.isArray() ? (ArrayNode) old : null,
                        (ArrayNode) value));
            } else {
                result.set(name, value.deepCopy());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith(DELETE_FROM)) {
                String name = field.getKey().substring(DELETE_FROM.length());
                JsonNode old = result.get(name);
                if (old != null && old.isArray()) {
                    Set<JsonNode> gone = new HashSet<>();
                    field.getValue().forEach(gone::add);
                    ArrayNode kept = result.arrayNode();
                    old.forEach(v -> {
                        if (!gone.contains(v)) {
                            kept.add(v);
                        }
                    });
                    result.set(name, kept);
                }
            } else if (field.getKey().startsWith(ORDER)) {
                String name = field.getKey().substring(ORDER.length());
                JsonNode list = result.get(name);
                if (list != null && list.isArray()) {
                    result.set(name, ordered(MergeKeys.of(kind, append(path, name)), (ArrayNode) list,
                            field.getValue()));
                }
            }
        }
        JsonNode retain = patch.get(RETAIN_KEYS);
        if (retain != null) {
            Set<String> keep = new HashSet<>();
            retain.forEach(k -> keep.add(k.asText()));
            result.retain(keep);
        }
        return result;
    }

    private static ArrayNode mergeList(String kind, List<String> path, ArrayNode target, ArrayNode patch) {
        String key = MergeKeys.of(kind, path);
        boolean primitives = MergeKeys.mergesValues(path);
        for (JsonNode element : patch) {
            if (element.isObject() && "replace".equals(element.path(PATCH).asText(null))) {
                ArrayNode replaced = patch.arrayNode();
                patch.forEach(e -> {
                    if (!(e.isObject() && e.has(PATCH))) {
                        replaced.add(withoutDirectives(e.deepCopy()));
                    }
                });
                return replaced;
            }
        }
        if (primitives) {
            ArrayNode result = target == null ? patch.arrayNode() : target.deepCopy();
            Set<JsonNode> present = new HashSet<>();
            result.forEach(present::add);
            patch.forEach(v -> {
                if (present.add(v)) {
                    result.add(v);
                }
            });
            return result;
        }
        if (key == null) {
            ArrayNode replaced = patch.arrayNode();
            patch.forEach(e -> replaced.add(withoutDirectives(e.deepCopy())));
            return replaced;
        }
        List<JsonNode> result = new ArrayList<>();
        if (target != null) {
            target.forEach(e -> result.add(e.deepCopy()));
        }
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.has(key)) {
                throw new PatchException(where(path) + ": each element must be an object with its merge key \""
                        + key + "\"");
            }
            JsonNode id = element.get(key);
            if ("delete".equals(element.path(PATCH).asText(null))) {
                result.removeIf(e -> id.equals(e.get(key))); // every element with the key, as Kubernetes does
                continue;
            }
            int at = indexOf(result, key, id);
            if (at >= 0) {
                result.set(at, mergeMap(kind, path, (ObjectNode) result.get(at), (ObjectNode) element));
            } else {
                result.add(mergeMap(kind, path, null, (ObjectNode) element));
            }
        }
        ArrayNode array = patch.arrayNode();
        result.forEach(array::add);
        return array;
    }

    /** The list in the order the patch gave its keys; elements it did not name keep their place after them. */
    private static ArrayNode ordered(String key, ArrayNode list, JsonNode order) {
        List<JsonNode> rest = new ArrayList<>();
        list.forEach(rest::add);
        ArrayNode result = list.arrayNode();
        for (JsonNode wanted : order) {
            JsonNode id = key != null && wanted.isObject() ? wanted.get(key) : wanted;
            for (Iterator<JsonNode> it = rest.iterator(); it.hasNext(); ) {
                JsonNode e = it.next();
                if (id != null && id.equals(key != null && e.isObject() ? e.get(key) : e)) {
                    result.add(e);
                    it.remove();
                    break;
                }
            }
        }
        rest.forEach(result::add);
        return result;
    }

    private static int indexOf(List<JsonNode> elements, String key, JsonNode id) {
        for (int i = 0; i < elements.size(); i++) {
            if (id.equals(elements.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode withoutDirectives(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of(PATCH, RETAIN_KEYS));
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.startsWith(ORDER) || name.startsWith(DELETE_FROM)) {
                    object.remove(name);
                } else {
                    withoutDirectives(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(StrategicMergePatch::withoutDirectives);
        }
        return node;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> at = new ArrayList<>(path);
        at.add(name);
        return at;
    }

    private static String where(List<String> path) {
        return String.join(".", path);
    }
}
