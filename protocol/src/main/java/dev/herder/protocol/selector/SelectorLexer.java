package dev.herder.protocol.selector;

import java.util.ArrayList;
import java.util.List;

/** Splits a selector into tokens, like apimachinery's labels lexer; each token keeps its position. */
final class SelectorLexer {
    private static final String SPECIAL = "!=(),<>";

    enum Type { IDENTIFIER, IN, NOT_IN, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS, OPEN, CLOSE, COMMA, END }

    /** A token; position is the 1-based character where it starts. */
    record Token(Type type, String text, int position) {
        /** "in" and "notin" are plain words where a key or value is expected. */
        boolean isWord() {
            return type == Type.IDENTIFIER || type == Type.IN || type == Type.NOT_IN;
        }

        String describe() {
            return type == Type.END ? "end of selector" : "'" + text + "'";
        }
    }

    private SelectorLexer() {
    }

    static List<Token> tokens(String input) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (SPECIAL.indexOf(c) >= 0) {
                boolean twoChars = (c == '!' || c == '=') && i + 1 < input.length() && input.charAt(i + 1) == '=';
                String text = input.substring(i, i + (twoChars ? 2 : 1));
                out.add(new Token(special(text), text, i + 1));
                i += text.length();
            } else {
                int start = i;
                while (i < input.length() && !Character.isWhitespace(input.charAt(i))
                        && SPECIAL.indexOf(input.charAt(i)) < 0) {
                    i++;
                }
                String word = input.substring(start, i);
                Type type = "in".equals(word) ? Type.IN : "notin".equals(word) ? Type.NOT_IN : Type.IDENTIFIER;
                out.add(new Token(type, word, start + 1));
            }
        }
        out.add(new Token(Type.END, "", input.length() + 1));
        return out;
    }

    private static Type special(String text) {
        return switch (text) {
            case "!" -> Type.NOT;
            case "=" -> Type.EQUALS;
            case "==" -> Type.DOUBLE_EQUALS;
            case "!=" -> Type.NOT_EQUALS;
            case "(" -> Type.OPEN;
            case ")" -> Type.CLOSE;
            case "," -> Type.COMMA;
            case "<" -> Type.LESS;
            default -> Type.GREATER;
        };
    }
}
