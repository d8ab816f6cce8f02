package dev.herder.protocol.selector;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A label selector, as kubectl's -l takes it: equality-based (a=b, a==b, a!=b) and set-based
 * (a in (x,y), a notin (x), a, !a) terms, comma-separated, all of which must hold. The empty
 * selector matches everything.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements.stream()
                .sorted(Comparator.comparing(Requirement::key)).toList();
    }

    /** Reads a selector; throws IllegalArgumentException naming the character and the part that is wrong. */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        return new LabelSelector(SelectorParser.parse(text));
    }

    /** The selector "every key equals its value", as a ReplicationController's or Service's selector. */
    public static LabelSelector fromMap(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return EVERYTHING;
        }
        return new LabelSelector(labels.entrySet().stream()
                .map(e -> new Requirement(e.getKey(), Requirement.Operator.EQUALS, List.of(e.getValue() == null ? "" : e.getValue())))
                .toList());
    }

    public static LabelSelector everything() {
        return EVERYTHING;
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> given = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(given));
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The terms, sorted by key. */
    public List<Requirement> requirements() {
        return requirements;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector other && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    /** The canonical text, sorted by key: parse(s.toString()) equals s. */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }
}
