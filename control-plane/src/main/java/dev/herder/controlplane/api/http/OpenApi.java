package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.manifest.Json;
import java.util.List;

/**
 * The least OpenAPI v3 document with which kubectl creates and applies with its default validation on: one PATCH
 * operation per kind clients write, naming the kind, taking {@code fieldValidation}, {@code fieldManager} and
 * {@code force}, and the patch types served (server-side apply's among them). kubectl then leaves validation to the
 * server (which refuses unknown fields, naming them) and keeps strategic merge patches. No schemas are given, so
 * kubectl does not build patches from them.
 */
final class OpenApi {
    private static final String CORE_V1 = "/openapi/v3/api/v1";

    private OpenApi() {
    }

    static ObjectNode index() {
        ObjectNode index = Json.mapper().createObjectNode();
        index.putObject("paths").putObject("api/v1").put("serverRelativeURL", CORE_V1 + "?hash=herder-"
                + Discovery.MAJOR + "." + Discovery.MINOR);
        return index;
    }

    static ObjectNode coreV1() {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Herder core/v1");
        info.put("version", "v1");
        ObjectNode paths = doc.putObject("paths");
        for (String kind : Kinds.ALL) {
            String path = Kinds.namespaced(kind) ? "/api/v1/namespaces/{namespace}/" + Kinds.plural(kind) + "/{name}"
                    : "/api/v1/" + Kinds.plural(kind) + "/{name}";
            ObjectNode patch = paths.putObject(path).putObject("patch");
            ObjectNode gvk = patch.putObject("x-kubernetes-group-version-kind");
            gvk.put("group", "");
            gvk.put("version", "v1");
            gvk.put("kind", kind);
            ArrayNode parameters = patch.putArray("parameters");
            parameter(parameters, "fieldValidation", "string");
            parameter(parameters, "fieldManager", "string");
            parameter(parameters, "force", "boolean");
            ObjectNode content = patch.putObject("requestBody").putObject("content");
            for (String type : List.of(Applies.APPLY, Patches.JSON, Patches.MERGE, Patches.STRATEGIC)) {
                content.putObject(type);
            }
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        return doc;
    }

    private static void parameter(ArrayNode parameters, String name, String type) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.putObject("schema").put("type", type);
    }
}
