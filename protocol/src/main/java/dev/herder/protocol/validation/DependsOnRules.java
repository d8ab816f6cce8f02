package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import dev.herder.protocol.api.Container;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Herder's container ordering: dependsOn names other containers of the same pod, and the
 * "starts after" graph has no cycle. Cycles are found by a depth-first walk in container order
 * and reported at the container that closes them.
 */
final class DependsOnRules {
    private enum Mark { NEW, ON_PATH, DONE }

    private DependsOnRules() {
    }

    static void validate(List<Container> containers, String path, Errors errors) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            if (c != null && c.name() != null) {
                byName.putIfAbsent(c.name(), i);
            }
        }
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            edges.add(edges(containers.get(i), index(path, i), byName, errors));
        }
        Mark[] marks = new Mark[containers.size()];
        java.util.Arrays.fill(marks, Mark.NEW);
        for (int i = 0; i < containers.size(); i++) {
            if (marks[i] == Mark.NEW) {
                walk(i, containers, edges, marks, new ArrayList<>(), path, errors);
            }
        }
    }

    /** The indexes this container starts after, with errors for names that are not usable. */
    private static List<Integer> edges(Container c, String path, Map<String, Integer> byName, Errors errors) {
        List<Integer> out = new ArrayList<>();
        if (c == null || c.dependsOn() == null) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < c.dependsOn().size(); j++) {
            String dep = c.dependsOn().get(j);
            String at = index(child(path, "dependsOn"), j);
            if (dep == null || dep.isBlank()) {
                errors.required(at);
            } else if (dep.equals(c.name())) {
                errors.add(at, "a container cannot depend on itself");
            } else if (!byName.containsKey(dep)) {
                errors.add(at, "no container named " + Names.quote(dep) + " in this pod");
            } else if (!seen.add(dep)) {
                errors.add(at, "duplicate dependency " + Names.quote(dep));
            } else {
                out.add(byName.get(dep));
            }
        }
        return out;
    }

    private static void walk(int node, List<Container> containers, List<List<Integer>> edges, Mark[] marks,
                             List<Integer> onPath, String path, Errors errors) {
        marks[node] = Mark.ON_PATH;
        onPath.add(node);
        for (int next : edges.get(node)) {
            if (marks[next] == Mark.ON_PATH) {
                List<String> cycle = new ArrayList<>();
                for (int k = onPath.indexOf(next); k < onPath.size(); k++) {
                    cycle.add(containers.get(onPath.get(k)).name());
                }
                cycle.add(containers.get(next).name());
                errors.add(child(index(path, node), "dependsOn"), "cycle " + String.join(" -> ", cycle));
            } else if (marks[next] == Mark.NEW) {
                walk(next, containers, edges, marks, onPath, path, errors);
            }
        }
        onPath.remove(onPath.size() - 1);
        marks[node] = Mark.DONE;
    }
}
