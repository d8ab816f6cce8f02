package dev.herder.protocol.fields;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.api.ManagedFieldsEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owns what after an Update (a create, replace or patch): the updating manager owns every field it added or
 * changed, taking it from whoever owned it before (an update never conflicts); fields the update removed are
 * nobody's any more. Pure, as {@link ServerSideApply}.
 */
public final class UpdateOwnership {
    private UpdateOwnership() {
    }

    /**
     * The managers of updated (of kind) after manager changed before (null: it created updated) into it, given the
     * managers before (entries; null: none). Unchanged fields keep their owners and times.
     */
    public static List<ManagedFieldsEntry> update(String kind, JsonNode before, JsonNode updated,
                                                  List<ManagedFieldsEntry> entries, String manager, Instant now) {
        return update(kind, before, updated, entries, manager, null, now);
    }

    /** As {@link #update(String, JsonNode, JsonNode, List, String, Instant)}, written through subresource. */
    public static List<ManagedFieldsEntry> update(String kind, JsonNode before, JsonNode updated,
                                                  List<ManagedFieldsEntry> entries, String manager,
                                                  String subresource, Instant now) {
        List<ManagedFieldsEntry> current = entries == null ? List.of() : entries;
        FieldSet after = ObjectFields.of(kind, updated);
        FieldSet was = before == null ? FieldSet.empty() : ObjectFields.of(kind, before);
        List<List<String>> changed = new ArrayList<>();
        for (List<String> path : after.paths()) {
            String last = path.get(path.size() - 1);
            if (!was.contains(path) || last.startsWith(FieldSet.FIELD)
                    && !ObjectFields.same(ObjectFields.at(before, path), ObjectFields.at(updated, path))) {
                changed.add(path);
            }
        }
        FieldSet taken = FieldSet.of(changed);
        FieldSet previous = current.stream().filter(e -> e.isOf(manager, ManagedFieldsEntry.UPDATE, subresource))
                .map(Entries::fieldsOf).findFirst().orElse(FieldSet.empty());
        FieldSet owned = previous.intersect(after).union(taken);
        ManagedFieldsEntry own = taken.isEmpty() && owned.equals(previous)
                ? current.stream().filter(e -> e.isOf(manager, ManagedFieldsEntry.UPDATE, subresource)).findFirst()
                        .orElse(null)
                : Entries.entry(manager, ManagedFieldsEntry.UPDATE, subresource, updated.path("apiVersion").asText("v1"),
                        now, owned);
        return Entries.rewrite(current, manager, ManagedFieldsEntry.UPDATE, subresource, own,
                set -> set.intersect(after).minus(taken));
    }
}
