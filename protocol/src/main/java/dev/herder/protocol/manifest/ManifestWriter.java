package dev.herder.protocol.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ApiObject;
import java.util.List;

/**
 * Writes objects as Kubernetes does: apiVersion, kind, metadata, spec, status in that order, with
 * nulls and empty collections left out; lists in the API server's shape
 * {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":""},"items":[...]}.
 */
public final class ManifestWriter {
    private static final String LIST_SUFFIX = "List";
    private static final String LIST_API_VERSION = "v1";

    private ManifestWriter() {
    }

    /** Indented JSON, as kubectl get -o json prints. */
    public static String toJson(ApiObject object) {
        return write(Json.mapper(), object);
    }

    public static String toYaml(ApiObject object) {
        return write(Json.yamlMapper(), object);
    }

    /** A list of items of one kind ("Pod" gives a PodList; "List" or "PodList" are kept as given). */
    public static String listToJson(String kind, List<? extends ApiObject> items) {
        return write(Json.mapper(), listNode(kind, items));
    }

    public static String listToYaml(String kind, List<? extends ApiObject> items) {
        return write(Json.yamlMapper(), listNode(kind, items));
    }

    /** The list as a JSON tree, for callers that embed it. */
    public static ObjectNode listNode(String kind, List<? extends ApiObject> items) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode list = mapper.createObjectNode();
        list.put("apiVersion", LIST_API_VERSION);
        list.put("kind", kind.endsWith(LIST_SUFFIX) ? kind : kind + LIST_SUFFIX);
        list.putObject("metadata").put("resourceVersion", "");
        ArrayNode array = list.putArray("items");
        items.forEach(item -> array.add(mapper.valueToTree(item)));
        return list;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
