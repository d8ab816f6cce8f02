package dev.herder.protocol.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON patch (RFC 6902, {@code application/json-patch+json}): a list of operations (add, remove, replace, move,
 * copy, test), each at a JSON pointer (RFC 6901), applied in order; the first that cannot be applied stops the
 * patch with a {@link PatchException} naming it, and nothing of it is applied.
 */
public final class JsonPatch {
    private JsonPatch() {
    }

    /** The target with the operations applied; the target itself is not changed. */
    public static JsonNode apply(JsonNode target, JsonNode operations) {
        if (!operations.isArray()) {
            throw new PatchException("a JSON patch is a list of operations, not " + operations.getNodeType());
        }
        JsonNode doc = target.deepCopy();
        int i = 0;
        for (JsonNode op : operations) {
            String where = "operation " + i++;
            String name = text(op, "op", where);
            String path = text(op, "path", where);
            doc = switch (name) {
                case "add" -> add(doc, path, value(op, where), where);
                case "remove" -> remove(doc, path, where);
                case "replace" -> add(remove(doc, path, where), path, value(op, where), where);
                case "move" -> {
                    String from = text(op, "from", where);
                    JsonNode moved = at(doc, from, where);
                    yield add(remove(doc, from, where), path, moved, where);
                }
                case "copy" -> add(doc, path, at(doc, text(op, "from", where), where).deepCopy(), where);
                case "test" -> {
                    if (!at(doc, path, where).equals(value(op, where))) {
                        throw new PatchException(where + " (test " + path + "): the value differs");
                    }
                    yield doc;
                }
                default -> throw new PatchException(where + ": unknown op \"" + name
                        + "\" (add, remove, replace, move, copy or test)");
            };
        }
        return doc;
    }

    private static JsonNode add(JsonNode doc, String path, JsonNode value, String where) {
        if (path.isEmpty()) {
            return value;
        }
        Pointer p = Pointer.parse(path, where);
        JsonNode parent = at(doc, p.parent(), where);
        if (parent instanceof ObjectNode object) {
            object.set(p.last(), value);
        } else if (parent instanceof ArrayNode array) {
            if (p.last().equals("-")) {
                array.add(value);
            } else {
                int index = p.index(array.size() + 1, where);
                array.insert(index, value);
            }
        } else {
            throw new PatchException(where + ": " + p.parent() + " is neither an object nor a list");
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String path, String where) {
        Pointer p = Pointer.parse(path, where);
        JsonNode parent = at(doc, p.parent(), where);
        if (parent instanceof ObjectNode object && object.has(p.last())) {
            object.remove(p.last());
        } else if (parent instanceof ArrayNode array) {
            array.remove(p.index(array.size(), where));
        } else {
            throw new PatchException(where + ": nothing at " + path + " to remove");
        }
        return doc;
    }

    private static JsonNode at(JsonNode doc, String path, String where) {
        JsonNode node = doc.at(path.isEmpty() ? "" : Pointer.parse(path, where).text());
        if (node.isMissingNode()) {
            throw new PatchException(where + ": nothing at " + path);
        }
        return node;
    }

    private static String text(JsonNode op, String field, String where) {
        JsonNode value = op.get(field);
        if (value == null || !value.isTextual()) {
            throw new PatchException(where + ": \"" + field + "\" is required and must be text");
        }
        return value.asText();
    }

    private static JsonNode value(JsonNode op, String where) {
        if (!op.has("value")) {
            throw new PatchException(where + ": \"value\" is required");
        }
        return op.get("value").deepCopy();
    }

    /** A JSON pointer split into its parent and last reference token. */
    private record Pointer(String text, String parent, String last) {
        static Pointer parse(String path, String where) {
            if (!path.startsWith("/")) {
                throw new PatchException(where + ": path \"" + path + "\" must start with /");
            }
            int slash = path.lastIndexOf('/');
            String token = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            return new Pointer(path, path.substring(0, slash), token);
        }

        int index(int bound, String where) {
            try {
                int index = Integer.parseInt(last);
                if (index >= 0 && index < bound) {
                    return index;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw new PatchException(where + ": " + text + " is not an index of the list (0 to " + (bound - 1) + ")");
        }
    }
}
