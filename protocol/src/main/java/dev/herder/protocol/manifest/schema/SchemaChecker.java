package dev.herder.protocol.manifest.schema;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.herder.protocol.validation.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a manifest's JSON tree against a schema. Unknown fields and wrong types are errors;
 * fields Herder does not model are warned about and removed, ignored ones removed silently, so
 * that binding to the records never meets a field it does not know. Numeric quantities become text.
 */
public final class SchemaChecker {
    static final String UNSUPPORTED = "accepted but not acted on by Herder yet";

    /** What the walk found: errors stop the object, warnings do not. */
    public record Findings(List<FieldError> errors, List<FieldError> warnings) {}

    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();
    private final UnknownFields unknownFields;

    private SchemaChecker(UnknownFields unknownFields) {
        this.unknownFields = unknownFields;
    }

    /** Checks and trims the object in place; unknown fields are errors. */
    public static Findings check(ObjectNode root, Schema.Obj schema) {
        return check(root, schema, UnknownFields.STRICT);
    }

    /** Checks and trims the object in place; unknown fields are errors, or dropped, as the policy says. */
    public static Findings check(ObjectNode root, Schema.Obj schema, UnknownFields unknownFields) {
        SchemaChecker checker = new SchemaChecker(unknownFields);
        checker.walk(root, schema, "");
        return new Findings(List.copyOf(checker.errors), List.copyOf(checker.warnings));
    }

    /** The node to keep at this place: the same one, or a normalized replacement. */
    private JsonNode walk(JsonNode node, Schema schema, String path) {
        if (node == null || node.isNull()) {
            return node;
        }
        if (schema instanceof Schema.Obj obj) {
            if (node instanceof ObjectNode object) {
                fields(object, obj, path);
            } else {
                typeError(node, schema, path);
            }
        } else if (schema instanceof Schema.ListOf list) {
            if (node instanceof ArrayNode array) {
                items(array, list.item(), path);
            } else {
                typeError(node, schema, path);
            }
        } else if (schema instanceof Schema.MapOf map) {
            if (node instanceof ObjectNode object) {
                entries(object, map.value(), path);
            } else {
                typeError(node, schema, path);
            }
        } else {
            return scalar(node, (Schema.Scalar) schema, path);
        }
        return node;
    }

    private void fields(ObjectNode object, Schema.Obj schema, String path) {
        for (String name : fieldNames(object)) {
            Schema.Field field = schema.fields().get(name);
            String at = child(path, name);
            if (field == null) {
                FieldError unknown = new FieldError(at, "unknown field" + Suggestions.hint(name, schema.fields().keySet()));
                switch (unknownFields) {
                    case STRICT -> errors.add(unknown);
                    case WARN -> warnings.add(unknown);
                    case IGNORE -> { }
                }
                if (unknownFields != UnknownFields.STRICT) {
                    object.remove(name);
                }
            } else if (field.support() == Schema.Support.UNSUPPORTED) {
                warnings.add(new FieldError(at, UNSUPPORTED));
                object.remove(name);
            } else if (field.support() == Schema.Support.IGNORED) {
                object.remove(name);
            } else {
                object.set(name, walk(object.get(name), field.schema(), at));
            }
        }
    }

    private void items(ArrayNode array, Schema item, String path) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (value == null || value.isNull()) {
                errors.add(new FieldError(index(path, i), "must not be null"));
            } else {
                array.set(i, walk(value, item, index(path, i)));
            }
        }
    }

    /** Map values; a null string value is the empty string, as in Kubernetes. */
    private void entries(ObjectNode object, Schema value, String path) {
        for (String key : fieldNames(object)) {
            JsonNode v = object.get(key);
            if ((v == null || v.isNull()) && value == Schema.Scalar.STRING) {
                object.set(key, TextNode.valueOf(""));
            } else {
                object.set(key, walk(v, value, child(path, key)));
            }
        }
    }

    private JsonNode scalar(JsonNode node, Schema.Scalar type, String path) {
        boolean ok = switch (type) {
            case STRING -> node.isTextual();
            case INT32 -> node.isIntegralNumber() && node.canConvertToInt();
            case INT64 -> node.isIntegralNumber() && node.canConvertToLong();
            case BOOL -> node.isBoolean();
            case INT_OR_STRING -> node.isTextual() || node.isIntegralNumber() && node.canConvertToInt();
            case QUANTITY -> node.isTextual() || node.isNumber();
            case ANY -> true;
        };
        if (!ok) {
            typeError(node, type, path);
            return node;
        }
        return type == Schema.Scalar.QUANTITY && node.isNumber() ? TextNode.valueOf(node.asText()) : node;
    }

    private void typeError(JsonNode node, Schema expected, String path) {
        errors.add(new FieldError(path, "must be " + expected.describe() + ", got " + describe(node)));
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            return "string \"" + (text.length() > Suggestions.MAX_SHOWN ? text.substring(0, Suggestions.MAX_SHOWN)
                    + "..." : text) + "\"";
        }
        if (node.isNumber()) {
            return "number " + node.asText();
        }
        if (node.isBoolean()) {
            return "boolean " + node.asText();
        }
        return node.isArray() ? "a list" : "an object";
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
