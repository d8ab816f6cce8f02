package dev.herder.protocol.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A set of field paths in an object, as server-side apply tracks who owns what. A path is a list of elements in
 * Kubernetes' FieldsV1 spelling: {@code f:spec} a field, {@code k:{"name":"web"}} a list item by its key,
 * {@code v:"x"} a member of a set. Immutable; read from and written as FieldsV1 JSON, where {@code "."} marks a node
 * that is itself a member and also has members below it.
 */
public final class FieldSet {
    static final String FIELD = "f:";
    static final String KEY = "k:";
    static final String VALUE = "v:";
    private static final String SELF = ".";
    private static final Comparator<List<String>> ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
    private static final FieldSet EMPTY = new FieldSet(new TreeSet<>(ORDER));

    private final Set<List<String>> paths;

    private FieldSet(TreeSet<List<String>> paths) {
        this.paths = Collections.unmodifiableSet(paths);
    }

    public static FieldSet empty() {
        return EMPTY;
    }

    public static FieldSet of(Collection<List<String>> paths) {
        TreeSet<List<String>> set = new TreeSet<>(ORDER);
        paths.forEach(p -> set.add(List.copyOf(p)));
        return new FieldSet(set);
    }

    /** The set a FieldsV1 object encodes (null or missing: empty). */
    public static FieldSet fromJson(JsonNode fieldsV1) {
        List<List<String>> found = new ArrayList<>();
        if (fieldsV1 != null && fieldsV1.isObject()) {
            read(fieldsV1, new ArrayList<>(), found);
        }
        return of(found);
    }

    private static void read(JsonNode node, List<String> at, List<List<String>> found) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            if (child.getKey().equals(SELF)) {
                found.add(List.copyOf(at));
                continue;
            }
            List<String> path = new ArrayList<>(at);
            path.add(child.getKey());
            if (child.getValue().isEmpty()) {
                found.add(path);
            } else {
                read(child.getValue(), path, found);
            }
        }
    }

    /** This set as FieldsV1 JSON. */
    public ObjectNode toJson() {
        Node root = new Node();
        for (List<String> path : paths) {
            Node node = root;
            for (String element : path) {
                node = node.children.computeIfAbsent(element, e -> new Node());
            }
            node.member = true;
        }
        return root.json();
    }

    private static final class Node {
        private final Map<String, Node> children = new TreeMap<>();
        private boolean member;

        private ObjectNode json() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            if (member && !children.isEmpty()) {
                json.putObject(SELF);
            }
            children.forEach((element, child) -> json.set(element, child.json()));
            return json;
        }
    }

    public Set<List<String>> paths() {
        return paths;
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    public boolean contains(List<String> path) {
        return paths.contains(path);
    }

    public FieldSet union(FieldSet other) {
        TreeSet<List<String>> set = new TreeSet<>(ORDER);
        set.addAll(paths);
        set.addAll(other.paths);
        return new FieldSet(set);
    }

    public FieldSet minus(FieldSet other) {
        TreeSet<List<String>> set = new TreeSet<>(ORDER);
        set.addAll(paths);
        set.removeAll(other.paths);
        return new FieldSet(set);
    }

    public FieldSet intersect(FieldSet other) {
        TreeSet<List<String>> set = new TreeSet<>(ORDER);
        set.addAll(paths);
        set.retainAll(other.paths);
        return new FieldSet(set);
    }

    /** A path as Kubernetes prints it in messages: {@code .spec.containers[name="web"].image}. */
    public static String describe(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String element : path) {
            if (element.startsWith(FIELD)) {
                text.append('.').append(element.substring(FIELD.length()));
            } else if (element.startsWith(KEY)) {
                JsonNode key = Keys.parse(element.substring(KEY.length()));
                List<String> parts = new ArrayList<>();
                key.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue()));
                text.append('[').append(String.join(",", parts)).append(']');
            } else {
                text.append("[=").append(element.substring(VALUE.length())).append(']');
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet other && paths.equals(other.paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return paths.stream().map(FieldSet::describe).toList().toString();
    }
}
