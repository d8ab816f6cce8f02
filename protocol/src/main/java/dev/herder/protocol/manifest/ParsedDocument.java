package dev.herder.protocol.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/** One document of a manifest as a JSON tree, and where it starts ("line 14", "line 3, items[2]"). */
record ParsedDocument(JsonNode node, String where) {

    boolean isEmpty() {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
