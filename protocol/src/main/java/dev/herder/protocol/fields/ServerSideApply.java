package dev.herder.protocol.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ManagedFieldsEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server-side apply, decided: an applier's configuration merged into the live object (or made the object), the
 * applier made owner of every field it sets, and fields it set before and no longer does removed unless another
 * manager owns them. Setting a field another manager owns to a different value is a conflict, unless forced: then
 * the field changes hands. Pure: the API reads the object, asks, and writes guarded on the version it read.
 */
public final class ServerSideApply {
    /** What an apply comes to. */
    public sealed interface Outcome {
    }

    /** The object to store (with no metadata.managedFields) and its managers: managedFields to store with it. */
    public record Applied(JsonNode object, List<ManagedFieldsEntry> managedFields) implements Outcome {
    }

    /** Fields the configuration would change that other managers own. */
    public record Conflicts(List<Conflict> conflicts) implements Outcome {
        /** Kubernetes' message: "Apply failed with 1 conflict: conflict with "m" using v1: .spec.replicas". */
        public String message() {
            if (conflicts.size() == 1) {
                return "Apply failed with 1 conflict: conflict with " + conflicts.get(0).managerText() + ": "
                        + conflicts.get(0).field();
            }
            Map<String, List<String>> byManager = new TreeMap<>();
            conflicts.forEach(c -> byManager.computeIfAbsent(c.managerText(), m -> new ArrayList<>()).add(c.field()));
            List<String> lines = new ArrayList<>();
            byManager.forEach((manager, fields) -> {
                lines.add("conflicts with " + manager + ":");
                fields.forEach(field -> lines.add("- " + field));
            });
            return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
        }
    }

    /** A field (".spec.replicas") that the entry's manager owns. */
    public record Conflict(ManagedFieldsEntry owner, List<String> path) {
        public String field() {
            return FieldSet.describe(path);
        }

        /**
         * The owner as Kubernetes names it: "kubectl-edit" using v1 for an Update, the name alone for an Apply,
         * "kubectl" with subresource "scale" using v1 for an Update through a subresource.
         */
        public String managerText() {
            String name = "\"" + owner.manager() + "\"" + (owner.subresource() == null ? ""
                    : " with subresource \"" + owner.subresource() + "\"");
            return ManagedFieldsEntry.UPDATE.equals(owner.operation()) ? name + " using " + owner.apiVersion() : name;
        }
    }

    private ServerSideApply() {
    }

    /**
     * Applies config (a whole object as the applier wants it, status ignored) by manager to live (null: there is
     * none yet, the config makes it), whose managers are entries; force takes conflicting fields over.
     */
    public static Outcome apply(String kind, JsonNode live, List<ManagedFieldsEntry> entries, JsonNode config,
                                String manager, boolean force, Instant now) {
        ObjectNode wanted = (ObjectNode) withoutManagers(config);
        wanted.remove("status");
        String apiVersion = wanted.path("apiVersion").asText("v1");
        List<ManagedFieldsEntry> current = entries == null || live == null ? List.of() : entries;
        FieldSet applied = ObjectFields.of(kind, wanted);
        JsonNode merged = live == null ? wanted : StructuredMerge.merge(kind, live, wanted);
        List<Conflict> conflicts = new ArrayList<>();
        FieldSet previous = FieldSet.empty();
        FieldSet ownedByOthers = FieldSet.empty();
        for (ManagedFieldsEntry entry : current) {
            FieldSet owned = Entries.fieldsOf(entry);
            if (entry.isOf(manager, ManagedFieldsEntry.APPLY)) {
                previous = owned;
                continue;
            }
            for (List<String> path : owned.intersect(applied).paths()) {
                if (changes(live, merged, path)) {
                    conflicts.add(new Conflict(entry, path));
                }
            }
        }
        if (!conflicts.isEmpty() && !force) {
            return new Conflicts(conflicts);
        }
        FieldSet taken = FieldSet.of(conflicts.stream().map(Conflict::path).toList());
        for (ManagedFieldsEntry entry : current) {
            if (!entry.isOf(manager, ManagedFieldsEntry.APPLY)) {
                ownedByOthers = ownedByOthers.union(Entries.fieldsOf(entry).minus(taken));
            }
        }
        JsonNode result = StructuredMerge.remove(merged, previous.minus(applied).minus(ownedByOthers));
        boolean same = applied.equals(previous) && taken.isEmpty() && live != null
                && ObjectFields.same(withoutManagers(live), withoutManagers(result));
        List<ManagedFieldsEntry> managers = same ? current : Entries.rewrite(current, manager,
                ManagedFieldsEntry.APPLY, null, Entries.entry(manager, ManagedFieldsEntry.APPLY, null, apiVersion, now,
                applied), set -> set.minus(taken));
        return new Applied(withoutManagers(result), managers);
    }

    /** Whether the value at path (a field, not a list item) differs between live and merged. */
    private static boolean changes(JsonNode live, JsonNode merged, List<String> path) {
        String last = path.get(path.size() - 1);
        if (live == null || !last.startsWith(FieldSet.FIELD)) {
            return false;
        }
        return !ObjectFields.same(ObjectFields.at(live, path), ObjectFields.at(merged, path));
    }

    private static JsonNode withoutManagers(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode meta) {
            meta.remove("managedFields");
        }
        return copy;
    }
}
