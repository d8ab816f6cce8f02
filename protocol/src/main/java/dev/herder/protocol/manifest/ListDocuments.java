package dev.herder.protocol.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.Kinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes lists: kind List (any kinds inside) and typed lists such as PodList, whose items may
 * leave out apiVersion and kind as the API server's list output does. Items become documents.
 */
final class ListDocuments {
    private static final String LIST_SUFFIX = "List";
    private static final Set<String> LIST_FIELDS = Set.of("apiVersion", "kind", "metadata", "items");

    private ListDocuments() {
    }

    static boolean isList(String kind) {
        return KindRules.LIST.equals(kind) || itemKind(kind) != null;
    }

    /** The items as documents, or none when the list itself is malformed (errors recorded). */
    static List<ParsedDocument> items(ObjectNode list, String where, String label, Problems problems, String source) {
        List<ParsedDocument> out = new ArrayList<>();
        list.fieldNames().forEachRemaining(name -> {
            if (!LIST_FIELDS.contains(name)) {
                problems.error(source + ": " + label + ": " + name + ": unknown field");
            }
        });
        JsonNode items = list.get("items");
        if (items == null || !items.isArray()) {
            problems.error(source + ": " + label + ": items: must be a list of objects");
            return out;
        }
        String itemKind = itemKind(ObjectDecoder.text(list.get("kind")));
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (itemKind != null && item instanceof ObjectNode object) {
                if (!object.has("kind")) {
                    object.put("kind", itemKind);
                }
                if (!object.has("apiVersion")) {
                    object.put("apiVersion", KindRules.V1);
                }
            }
            out.add(new ParsedDocument(item, where + ", items[" + i + "]"));
        }
        return out;
    }

    /** "Pod" for "PodList"; null when the kind is not a typed list of a served kind. */
    private static String itemKind(String kind) {
        if (kind == null || !kind.endsWith(LIST_SUFFIX) || kind.equals(KindRules.LIST)) {
            return null;
        }
        String item = kind.substring(0, kind.length() - LIST_SUFFIX.length());
        return Kinds.ALL.contains(item) ? item : null;
    }
}
