package dev.herder.protocol.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns a parser's exception into one line: "line 3, column 1: expected ',' or ']', but got ...". */
final class SyntaxErrors {
    private static final String JACKSON_DUPLICATE = "Duplicate field ";

    private SyntaxErrors() {
    }

    /** The parser's short message with line and column in the whole input (lineOffset lines before). */
    static String describe(Exception e, int lineOffset) {
        MarkedYAMLException marked = find(e);
        if (marked != null && marked.getProblemMark() != null) {
            Mark problem = marked.getProblemMark();
            String text = position(problem.getLine() + 1 + lineOffset, problem.getColumn() + 1)
                    + marked.getProblem();
            Mark context = marked.getContextMark();
            if (marked.getContext() != null) {
                text += " (" + marked.getContext()
                        + (context == null ? "" : " at " + position(context.getLine() + 1 + lineOffset,
                        context.getColumn() + 1).replace(": ", ""))
                        + ")";
            }
            return oneLine(text);
        }
        if (e instanceof JsonProcessingException jpe) {
            String message = jpe.getOriginalMessage();
            if (message != null && message.startsWith(JACKSON_DUPLICATE)) {
                message = "duplicate key " + message.substring(JACKSON_DUPLICATE.length());
            }
            JsonLocation at = jpe.getLocation();
            return oneLine(at == null ? message : position(at.getLineNr() + lineOffset, at.getColumnNr()) + message);
        }
        return oneLine(String.valueOf(e.getMessage()));
    }

    private static String position(int line, int column) {
        return "line " + line + ", column " + column + ": ";
    }

    private static MarkedYAMLException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
