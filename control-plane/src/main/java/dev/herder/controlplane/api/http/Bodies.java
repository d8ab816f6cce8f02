package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.manifest.ManifestException;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.manifest.ReadResult;
import dev.herder.protocol.manifest.schema.UnknownFields;

/** Request bodies that hold one object (a create, a replace, a patched object), read as a manifest is. */
final class Bodies {
    private Bodies() {
    }

    /** A request body read as one object (read set), or refused (refusal set). */
    record Parsed(ReadResult read, Status refusal) {
        static Parsed refused(Status status) {
            return new Parsed(null, status);
        }

        ApiObject object() {
            return read.objects().get(0);
        }
    }

    /**
     * The one object of a request body, read as a manifest is (unknown fields errors, or dropped, as the request's
     * fieldValidation says), its kind and name
     * checked against the path and its namespace set from it; or the Status that says what is wrong with it.
     */
    static Parsed object(ResourcePath path, String body, UnknownFields unknownFields) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Parsed.refused(Status.badRequest("the request body is not JSON: " + e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode object)) {
            return Parsed.refused(Status.badRequest("the request body must be one " + path.kind() + " object"));
        }
        JsonNode kind = object.get("kind");
        if (kind != null && !path.kind().equals(kind.asText())) {
            return Parsed.refused(Status.badRequest("the body is a " + kind.asText() + ", but the request is for "
                    + path.resource()));
        }
        object.put("kind", path.kind());
        if (!object.has("apiVersion")) {
            object.put("apiVersion", "v1");
        }
        ObjectNode meta = object.has("metadata") && object.get("metadata").isObject()
                ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
        if (path.objectNamespace() != null) {
            JsonNode ns = meta.get("namespace");
            if (ns != null && !ns.isNull() && !ns.asText().equals(path.namespace())) {
                return Parsed.refused(Status.badRequest("the namespace of the provided object (" + ns.asText()
                        + ") does not match the namespace sent on the request (" + path.namespace() + ")"));
            }
            meta.put("namespace", path.namespace());
        }
        if (path.name() != null) {
            JsonNode name = meta.get("name");
            if (name != null && !name.isNull() && !name.asText().equals(path.name())) {
                return Parsed.refused(Status.badRequest("the name of the object (" + name.asText()
                        + ") does not match the name on the URL (" + path.name() + ")"));
            }
            meta.put("name", path.name());
        }
        try {
            ReadResult read = ManifestReader.read(object.toString(), "the request body", unknownFields);
            if (read.objects().size() != 1) {
                return Parsed.refused(Status.badRequest("the request body must hold one " + path.kind() + ", not "
                        + read.objects().size() + " objects"));
            }
            return new Parsed(read, null);
        } catch (ManifestException e) {
            return Parsed.refused(Status.badRequest(String.join("; ", e.errors())));
        }
    }
}
