package dev.herder.protocol.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds JSON trees from a YAML stream, one per document. Unlike Jackson's own tree reading it
 * resolves anchors and aliases (&amp;a, *a) and merge keys (&lt;&lt;: *a), as Kubernetes' YAML
 * reader does, with a cap on how much aliases may expand.
 */
final class YamlTrees {
    /** The most nodes aliases may copy in one document (a guard against "billion laughs"). */
    static final int MAX_ALIAS_NODES = 100_000;
    private static final String MERGE_KEY = "<<";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLParser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int aliasNodes;

    private YamlTrees(YAMLParser parser) {
        this.parser = parser;
    }

    /** Every document of the text, with its first line (1-based, plus lineOffset). */
    static List<Located> read(String text, int lineOffset) throws IOException {
        List<Located> out = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) Json.yamlMapper().getFactory().createParser(text)) {
            YamlTrees trees = new YamlTrees(parser);
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr() + lineOffset;
                trees.anchors.clear();
                trees.aliasNodes = 0;
                out.add(new Located(trees.value(), line));
            }
        }
        return out;
    }

    record Located(JsonNode node, int line) {}

    private JsonNode value() throws IOException {
        if (parser.isCurrentAlias()) {
            return alias(parser.getText());
        }
        String anchor = parser.getCurrentAnchor();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private JsonNode object() throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            JsonNode value = value();
            if (MERGE_KEY.equals(key)) {
                merge(object, value);
            } else {
                object.set(key, value);
            }
        }
        return object;
    }

    /** A merge key's mappings fill in keys the mapping does not set itself. */
    private void merge(ObjectNode into, JsonNode merged) throws JsonParseException {
        List<JsonNode> sources = new ArrayList<>();
        if (merged.isArray()) {
            merged.forEach(sources::add);
        } else {
            sources.add(merged);
        }
        for (JsonNode source : sources) {
            if (!source.isObject()) {
                throw error("a merge key (<<) takes a mapping or a list of mappings");
            }
            source.fields().forEachRemaining(e -> {
                if (!into.has(e.getKey())) {
                    into.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
    }

    private JsonNode array() throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value());
        }
        return array;
    }

    private JsonNode integer() throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private JsonNode alias(String name) throws JsonParseException {
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw error("unknown alias *" + name + " (no anchor &" + name + " before it)");
        }
        aliasNodes += count(target);
        if (aliasNodes > MAX_ALIAS_NODES) {
            throw error("aliases expand to more than " + MAX_ALIAS_NODES + " nodes");
        }
        return target.deepCopy();
    }

    private static int count(JsonNode node) {
        int n = 1;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }

    private JsonParseException error(String message) {
        JsonLocation at = parser.currentTokenLocation();
        return new JsonParseException(parser, message, at);
    }
}
