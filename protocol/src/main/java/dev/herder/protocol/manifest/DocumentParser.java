package dev.herder.protocol.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads manifest text into JSON trees. Text that starts with '{' or '[' is read as JSON (a stream
 * of values; a top-level array holds one object per element) when it parses as JSON; everything
 * else, and JSON that does not parse, is read as YAML, document by document.
 */
final class DocumentParser {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String JSON_SUFFIX = ".json";

    /** The documents read, and one message per syntax error (without the source name). */
    record Parsed(List<ParsedDocument> documents, List<String> syntaxErrors) {}

    private DocumentParser() {
    }

    static Parsed parse(String text, String sourceName) {
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        String start = body.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            try {
                return new Parsed(json(body), List.of());
            } catch (IOException jsonError) {
                Parsed yaml = yaml(body);
                if (yaml.syntaxErrors().isEmpty() || !sourceName.endsWith(JSON_SUFFIX)) {
                    return yaml;
                }
                return new Parsed(List.of(), List.of(SyntaxErrors.describe(jsonError, 0)));
            }
        }
        return yaml(body);
    }

    private static List<ParsedDocument> json(String text) throws IOException {
        List<ParsedDocument> out = new ArrayList<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = Json.mapper().readTree(parser);
                if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        out.add(new ParsedDocument(node.get(i), "line " + line + ", [" + i + "]"));
                    }
                } else {
                    out.add(new ParsedDocument(node, "line " + line));
                }
            }
        }
        return out;
    }

    private static Parsed yaml(String text) {
        List<ParsedDocument> documents = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (YamlDocuments.Piece piece : YamlDocuments.split(text)) {
            int lineOffset = piece.firstLine() - 1;
            try {
                for (YamlTrees.Located doc : YamlTrees.read(piece.text(), lineOffset)) {
                    documents.add(new ParsedDocument(doc.node(), "line " + doc.line()));
                }
            } catch (IOException | org.yaml.snakeyaml.error.YAMLException e) {
                errors.add(SyntaxErrors.describe(e, lineOffset));
            }
        }
        return new Parsed(documents, errors);
    }
}
