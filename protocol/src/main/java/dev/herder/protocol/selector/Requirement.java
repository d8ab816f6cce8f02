package dev.herder.protocol.selector;

import java.util.List;
import java.util.Map;

/** One term of a label selector: a key, an operator and the values it compares with. */
public record Requirement(String key, Operator operator, List<String> values) {

    /** kubectl's operators; "==" is read as EQUALS. */
    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GREATER_THAN, LESS_THAN }

    public Requirement {
        values = List.copyOf(values);
    }

    public boolean matches(Map<String, String> labels) {
        boolean has = labels.containsKey(key);
        String value = has && labels.get(key) != null ? labels.get(key) : "";
        return switch (operator) {
            case EQUALS, IN -> has && values.contains(value);
            case NOT_EQUALS, NOT_IN -> !has || !values.contains(value);
            case EXISTS -> has;
            case DOES_NOT_EXIST -> !has;
            case GREATER_THAN -> has && compare(value) > 0;
            case LESS_THAN -> has && compare(value) < 0;
        };
    }

    /** The label's number against the requirement's; 0 (no match) when the label is not an integer. */
    private int compare(String labelValue) {
        try {
            return Long.compare(Long.parseLong(labelValue), Long.parseLong(values.get(0)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** kubectl's form: a=b, a!=b, a in (x,y), a notin (x), a, !a, a>1, a<1. */
    @Override
    public String toString() {
        return switch (operator) {
            case EQUALS -> key + "=" + values.get(0);
            case NOT_EQUALS -> key + "!=" + values.get(0);
            case IN -> key + " in (" + String.join(",", values) + ")";
            case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
            case EXISTS -> key;
            case DOES_NOT_EXIST -> "!" + key;
            case GREATER_THAN -> key + ">" + values.get(0);
            case LESS_THAN -> key + "<" + values.get(0);
        };
    }
}
