package dev.herder.controlplane.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ManagedFieldsEntry;
import dev.herder.protocol.fields.FieldsException;
import dev.herder.protocol.fields.UpdateOwnership;
import dev.herder.protocol.manifest.Json;
import java.time.Instant;
import java.util.List;

/** An object's metadata.managedFields after a write: as given, or with the write recorded as an Update. */
public final class Managers {
    private Managers() {
    }

    /**
     * The managers of updated after manager wrote it over before (null: a create), starting from entries; with no
     * manager, entries as they are. Null when there are none.
     */
    static List<ManagedFieldsEntry> after(ApiObject before, ApiObject updated, List<ManagedFieldsEntry> entries,
                                          String manager, Instant now) {
        return after(before, updated, entries, manager, null, now);
    }

    /** As {@link #after(ApiObject, ApiObject, List, String, Instant)}, written through subresource ("scale"). */
    public static List<ManagedFieldsEntry> after(ApiObject before, ApiObject updated,
                                                 List<ManagedFieldsEntry> entries, String manager, String subresource,
                                                 Instant now) {
        List<ManagedFieldsEntry> managers = entries;
        if (manager != null) {
            JsonNode was = before == null ? null : Json.mapper().valueToTree(before);
            try {
                managers = UpdateOwnership.update(updated.kind(), was, Json.mapper().valueToTree(updated), entries,
                        manager, subresource, now);
            } catch (FieldsException e) {
                // a list item without its key (validation lets a few through): ownership stays as it was
                managers = entries;
            }
        }
        return managers == null || managers.isEmpty() ? null : managers;
    }
}
