package dev.herder.protocol.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts YAML text into pieces at document markers ("---" at the start of a line), so that a syntax
 * error in one document does not hide the errors of the others. YAML forbids "---" at column 0
 * inside any document, so the cut never falls inside one. A piece still may hold several documents
 * (or none); the parser reads each piece as a stream.
 */
final class YamlDocuments {
    private static final String MARKER = "---";

    /** Text of consecutive lines; firstLine is 1-based in the whole input. */
    record Piece(String text, int firstLine) {}

    private YamlDocuments() {
    }

    static List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean onlyPreamble = true;
        int firstLine = 1;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean marker = isMarker(line);
            if (marker && !onlyPreamble) {
                pieces.add(new Piece(current.toString(), firstLine));
                current.setLength(0);
                firstLine = i + 1;
            }
            if (marker || !isPreamble(line)) {
                onlyPreamble = false;
            }
            current.append(line);
            if (i < lines.length - 1) {
                current.append('\n');
            }
        }
        pieces.add(new Piece(current.toString(), firstLine));
        return pieces;
    }

    static boolean isMarker(String line) {
        return line.startsWith(MARKER)
                && (line.length() == MARKER.length() || Character.isWhitespace(line.charAt(MARKER.length())));
    }

    /** Lines that may come before a document's marker: blank, comments, directives. */
    private static boolean isPreamble(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#") || line.startsWith("%");
    }
}
