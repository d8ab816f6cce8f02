package dev.herder.protocol.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.manifest.schema.KindSchemas;
import dev.herder.protocol.manifest.schema.SchemaChecker;
import dev.herder.protocol.manifest.schema.UnknownFields;
import dev.herder.protocol.validation.FieldError;
import dev.herder.protocol.validation.ObjectLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns one document into API objects: checks apiVersion and kind, the size limit and the schema,
 * flattens lists, applies read defaults (namespace "default") and binds to the records.
 */
final class ObjectDecoder {
    private static final Map<String, Class<? extends ApiObject>> TYPES = Map.of(
            Pod.KIND, Pod.class, ReplicationController.KIND, ReplicationController.class,
            Service.KIND, Service.class, Node.KIND, Node.class);

    private final String source;
    private final Problems problems;
    private final UnknownFields unknownFields;

    ObjectDecoder(String source, Problems problems, UnknownFields unknownFields) {
        this.source = source;
        this.problems = problems;
        this.unknownFields = unknownFields;
    }

    void decode(ParsedDocument doc, List<ApiObject> out) {
        if (doc.isEmpty()) {
            return;
        }
        if (!(doc.node() instanceof ObjectNode node)) {
            problems.error(source + ": document at " + doc.where()
                    + ": must be an object with apiVersion and kind, got " + doc.node().getNodeType());
            return;
        }
        String apiVersion = text(node.get("apiVersion"));
        String kind = text(node.get("kind"));
        String label = label(kind, node, doc.where());
        if (kind == null || apiVersion == null) {
            error(label, kind == null ? "kind: required" : "apiVersion: required");
            return;
        }
        var refusal = KindRules.refusal(apiVersion, kind);
        if (refusal.isPresent()) {
            error(label, refusal.get());
        } else if (ListDocuments.isList(kind)) {
            ListDocuments.items(node, doc.where(), label, problems, source).forEach(item -> decode(item, out));
        } else if (fits(node, label)) {
            object(node, kind, label, out);
        }
    }

    private void object(ObjectNode node, String kind, String label, List<ApiObject> out) {
        SchemaChecker.Findings findings = SchemaChecker.check(node, KindSchemas.of(kind).orElseThrow(),
                unknownFields);
        findings.warnings().forEach(w -> problems.warning(source + ": " + label + ": " + w));
        findings.errors().forEach(e -> error(label, e.toString()));
        if (!findings.errors().isEmpty()) {
            return;
        }
        defaults(node, kind, label);
        try {
            out.add(Json.mapper().treeToValue(node, TYPES.get(kind)));
        } catch (JsonProcessingException e) {
            error(label, new FieldError(BindingErrors.path(e), e.getOriginalMessage()).toString());
        }
    }

    /** The object's JSON size against the 1 MiB limit. */
    private boolean fits(ObjectNode node, String label) {
        String tooBig = ObjectLimits.objectSizeError(node.toString().getBytes(StandardCharsets.UTF_8).length);
        if (tooBig != null) {
            error(label, tooBig);
        }
        return tooBig == null;
    }

    /** metadata.namespace "default" for namespaced kinds; a cluster-scoped object loses its namespace. */
    private void defaults(ObjectNode node, String kind, String label) {
        JsonNode meta = node.get("metadata");
        ObjectNode metadata = meta instanceof ObjectNode m ? m : node.putObject("metadata");
        String namespace = text(metadata.get("namespace"));
        if (Kinds.namespaced(kind)) {
            if (namespace == null || namespace.isEmpty()) {
                metadata.put("namespace", Kinds.DEFAULT_NAMESPACE);
            }
        } else if (metadata.has("namespace")) {
            metadata.remove("namespace");
            if (namespace != null && !namespace.isEmpty()) {
                problems.warning(source + ": " + label + ": metadata.namespace: ignored, " + kind
                        + " is cluster-scoped");
            }
        }
    }

    private void error(String label, String message) {
        problems.error(source + ": " + label + ": " + message);
    }

    /** "Pod/web", or "Pod at line 14" for an object without a name. */
    static String label(String kind, JsonNode node, String where) {
        String name = text(node.path("metadata").get("name"));
        String shownKind = kind == null ? "object" : kind;
        return name == null || name.isEmpty() ? shownKind + " at " + where : shownKind + "/" + name;
    }

    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
