package dev.herder.protocol.selector;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectReference;
import dev.herder.protocol.api.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A field selector, as kubectl's --field-selector takes it: comma-separated {@code field=value},
 * {@code field==value} and {@code field!=value} terms, all of which must hold ({@code \,} {@code \=} and
 * {@code \\} escape). Each kind serves a few fields, as Kubernetes does: metadata.name and metadata.namespace
 * for all; spec.nodeName, spec.restartPolicy and status.phase for pods; spec.unschedulable for nodes;
 * involvedObject.*, reason, type and source for events. A missing field compares as the empty string.
 */
public final class FieldSelector {
    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());
    private static final Map<String, Function<ApiObject, String>> COMMON = Map.of(
            "metadata.name", o -> o.metadata().name(),
            "metadata.namespace", o -> o.metadata().namespace());
    private static final Map<String, Map<String, Function<ApiObject, String>>> BY_KIND = Map.of(
            Pod.KIND, Map.of(
                    "spec.nodeName", o -> ((Pod) o).spec() == null ? null : ((Pod) o).spec().nodeName(),
                    "spec.restartPolicy", o -> ((Pod) o).spec() == null ? null : ((Pod) o).spec().restartPolicy(),
                    "status.phase", o -> ((Pod) o).status() == null ? null : ((Pod) o).status().phase()),
            Node.KIND, Map.of(
                    "spec.unschedulable", o -> ((Node) o).spec() == null || ((Node) o).spec().unschedulable() == null
                            ? "false" : String.valueOf(((Node) o).spec().unschedulable())),
            Event.KIND, Map.of(
                    "involvedObject.kind", o -> ref(o, ObjectReference::kind),
                    "involvedObject.namespace", o -> ref(o, ObjectReference::namespace),
                    "involvedObject.name", o -> ref(o, ObjectReference::name),
                    "involvedObject.uid", o -> ref(o, ObjectReference::uid),
                    "involvedObject.apiVersion", o -> ref(o, ObjectReference::apiVersion),
                    "involvedObject.resourceVersion", o -> ref(o, ObjectReference::resourceVersion),
                    "involvedObject.fieldPath", o -> ref(o, ObjectReference::fieldPath),
                    "reason", o -> ((Event) o).reason(),
                    "type", o -> ((Event) o).type(),
                    "source", o -> ((Event) o).source() == null ? null : ((Event) o).source().component()));

    /** One term: the field equals (or, negated, does not equal) the value. */
    public record Term(String field, boolean negated, String value) {
        @Override
        public String toString() {
            return field + (negated ? "!=" : "=") + value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
        }
    }

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /** Reads a selector; throws IllegalArgumentException saying which term is wrong. */
    public static FieldSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : split(text)) {
            String term = raw.strip();
            int op = operator(term);
            if (op <= 0) {
                throw new IllegalArgumentException("invalid field selector term \"" + term
                        + "\": expected field=value, field==value or field!=value");
            }
            boolean negated = term.charAt(op) == '!';
            int valueStart = op + (negated || term.startsWith("==", op) ? 2 : 1);
            terms.add(new Term(term.substring(0, op).strip(), negated, unescape(term.substring(valueStart).strip())));
        }
        return new FieldSelector(terms);
    }

    /** The first term naming a field this kind does not serve, as Kubernetes words it; empty when all are served. */
    public java.util.Optional<String> unsupported(String kind) {
        return terms.stream().filter(t -> getter(kind, t.field()) == null).findFirst()
                .map(t -> "field label not supported: " + t.field() + " (" + kind + " serves "
                        + String.join(", ", fields(kind)) + ")");
    }

    /** Whether the object has every field as the terms say; fields its kind does not serve never match. */
    public boolean matches(ApiObject object) {
        for (Term t : terms) {
            Function<ApiObject, String> get = getter(object.kind(), t.field());
            if (get == null) {
                return false;
            }
            String actual = get.apply(object);
            if (t.value().equals(actual == null ? "" : actual) == t.negated()) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public List<Term> terms() {
        return terms;
    }

    /** The fields a kind serves, sorted. */
    public static List<String> fields(String kind) {
        List<String> out = new ArrayList<>(COMMON.keySet());
        out.addAll(BY_KIND.getOrDefault(kind, Map.of()).keySet());
        out.sort(null);
        return out;
    }

    @Override
    public String toString() {
        return terms.stream().map(Term::toString).collect(Collectors.joining(","));
    }

    private static Function<ApiObject, String> getter(String kind, String field) {
        Function<ApiObject, String> common = COMMON.get(field);
        return common != null ? common : BY_KIND.getOrDefault(kind, Map.of()).get(field);
    }

    private static String ref(ApiObject o, Function<ObjectReference, String> part) {
        ObjectReference r = ((Event) o).involvedObject();
        return r == null ? null : part.apply(r);
    }

    /** Splits on commas that are not escaped. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Where the first unescaped "=", "==" or "!=" starts, or -1. */
    private static int operator(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || (c == '!' && term.startsWith("!=", i))) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
