package dev.herder.protocol.fields;

import dev.herder.protocol.api.ManagedFieldsEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Reading and rewriting an object's managedFields entries, one field set per manager and operation. */
final class Entries {
    private Entries() {
    }

    static FieldSet fieldsOf(ManagedFieldsEntry entry) {
        return FieldSet.fromJson(entry.fieldsV1());
    }

    static ManagedFieldsEntry entry(String manager, String operation, String subresource, String apiVersion,
                                    Instant now, FieldSet set) {
        return new ManagedFieldsEntry(manager, operation, apiVersion, now.truncatedTo(ChronoUnit.SECONDS).toString(),
                ManagedFieldsEntry.FIELDS_V1, set.toJson(), subresource);
    }

    static ManagedFieldsEntry withFields(ManagedFieldsEntry entry, FieldSet set) {
        return new ManagedFieldsEntry(entry.manager(), entry.operation(), entry.apiVersion(), entry.time(),
                entry.fieldsType(), set.toJson(), entry.subresource());
    }

    /**
     * entries with every other entry's set changed by others (an entry left empty is dropped) and the entry of
     * (manager, operation, subresource) replaced by own (added at the end when new; dropped when own is null or
     * empty).
     */
    static List<ManagedFieldsEntry> rewrite(List<ManagedFieldsEntry> entries, String manager, String operation,
                                            String subresource, ManagedFieldsEntry own,
                                            UnaryOperator<FieldSet> others) {
        List<ManagedFieldsEntry> result = new ArrayList<>();
        boolean placed = false;
        for (ManagedFieldsEntry entry : entries) {
            if (entry.isOf(manager, operation, subresource)) {
                if (own != null && !fieldsOf(own).isEmpty()) {
                    result.add(own);
                }
                placed = true;
                continue;
            }
            FieldSet before = fieldsOf(entry);
            FieldSet after = others.apply(before);
            if (!after.isEmpty()) {
                result.add(after.equals(before) ? entry : withFields(entry, after));
            }
        }
        if (!placed && own != null && !fieldsOf(own).isEmpty()) {
            result.add(own);
        }
        return result;
    }
}
