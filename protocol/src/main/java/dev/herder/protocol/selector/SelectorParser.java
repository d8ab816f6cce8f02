package dev.herder.protocol.selector;

import dev.herder.protocol.selector.Requirement.Operator;
import dev.herder.protocol.selector.SelectorLexer.Token;
import dev.herder.protocol.selector.SelectorLexer.Type;
import dev.herder.protocol.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads kubectl's selector grammar (apimachinery labels.Parse):
 * <pre>
 *   selector    := requirement ( ',' requirement )*
 *   requirement := '!' KEY | KEY | KEY ('=' | '==' | '!=' | '&gt;' | '&lt;') VALUE? | KEY ('in' | 'notin') '(' values ')'
 *   values      := VALUE? ( ',' VALUE? )*
 * </pre>
 */
final class SelectorParser {
    private final String input;
    private final List<Token> tokens;
    private int next;

    private SelectorParser(String input) {
        this.input = input;
        this.tokens = SelectorLexer.tokens(input);
    }

    static List<Requirement> parse(String input) {
        return new SelectorParser(input).selector();
    }

    private List<Requirement> selector() {
        List<Requirement> out = new ArrayList<>();
        if (peek().type() == Type.END) {
            return out;
        }
        while (true) {
            out.add(requirement());
            Token t = take();
            if (t.type() == Type.END) {
                return out;
            }
            if (t.type() != Type.COMMA) {
                throw error(t, "expected ',' or end of selector");
            }
        }
    }

    private Requirement requirement() {
        boolean negated = peek().type() == Type.NOT;
        if (negated) {
            take();
        }
        String key = key();
        Type after = peek().type();
        if (negated || after == Type.COMMA || after == Type.END) {
            return new Requirement(key, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of());
        }
        Token op = take();
        return switch (op.type()) {
            case EQUALS, DOUBLE_EQUALS -> new Requirement(key, Operator.EQUALS, List.of(exactValue()));
            case NOT_EQUALS -> new Requirement(key, Operator.NOT_EQUALS, List.of(exactValue()));
            case GREATER -> new Requirement(key, Operator.GREATER_THAN, List.of(integerValue()));
            case LESS -> new Requirement(key, Operator.LESS_THAN, List.of(integerValue()));
            case IN -> new Requirement(key, Operator.IN, values());
            case NOT_IN -> new Requirement(key, Operator.NOT_IN, values());
            default -> throw error(op, "expected one of in, notin, =, ==, !=, >, <, ',' or end of selector");
        };
    }

    private String key() {
        Token t = take();
        if (!t.isWord()) {
            throw error(t, "expected a label key");
        }
        check(t, Names.qualifiedName(t.text()));
        return t.text();
    }

    /** The value after =, == or !=; nothing before ',' or the end means the empty value. */
    private String exactValue() {
        Token t = peek();
        if (t.type() == Type.COMMA || t.type() == Type.END) {
            return "";
        }
        return value(take());
    }

    private String integerValue() {
        Token t = take();
        String value = value(t);
        try {
            Long.parseLong(value);
            return value;
        } catch (NumberFormatException e) {
            throw error(t, "the value after > or < must be an integer");
        }
    }

    /** '(' values ')'; empty places between commas are the empty value, as in kubectl. */
    private List<String> values() {
        Token open = take();
        if (open.type() != Type.OPEN) {
            throw error(open, "expected '('");
        }
        TreeSet<String> out = new TreeSet<>();
        while (true) {
            Token t = peek();
            if (t.isWord()) {
                out.add(value(take()));
            } else if (t.type() == Type.COMMA || t.type() == Type.CLOSE) {
                out.add("");
            } else {
                throw error(t, "expected a value, ',' or ')'");
            }
            Token sep = take();
            if (sep.type() == Type.CLOSE) {
                return List.copyOf(out);
            }
            if (sep.type() != Type.COMMA) {
                throw error(sep, "expected ',' or ')'");
            }
        }
    }

    private String value(Token t) {
        if (!t.isWord()) {
            throw error(t, "expected a label value");
        }
        check(t, Names.labelValue(t.text()));
        return t.text();
    }

    private void check(Token t, Optional<String> reason) {
        reason.ifPresent(r -> {
            throw error(t, r);
        });
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.type() != Type.END) {
            next++;
        }
        return t;
    }

    private IllegalArgumentException error(Token at, String expected) {
        return new IllegalArgumentException("invalid label selector \"" + input + "\": at character "
                + at.position() + ", found " + at.describe() + ": " + expected);
    }
}
