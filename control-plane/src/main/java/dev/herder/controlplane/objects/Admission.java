package dev.herder.controlplane.objects;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ManagedFieldsEntry;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.wire.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides what a user's apply does to a stored object: create it, update it, leave it unchanged, or refuse
 * it as a conflict. Pure: the API carries the decision out, writing guarded on the version it read.
 */
public final class Admission {
    public static final String CREATED = "created";
    public static final String CONFIGURED = "configured";
    public static final String UNCHANGED = "unchanged";

    /** What an apply comes to. */
    public sealed interface Decision {
    }

    /** Store this object (unless action is unchanged) and answer with action. */
    public record Accept(ApiObject object, String action) implements Decision {
    }

    public record Refuse(ApiError error) implements Decision {
    }

    private Admission() {
    }

    public static Decision apply(Optional<ApiObject> current, ApiObject incoming, Instant now,
                                 Supplier<String> newUid, KindStrategy rules) {
        return apply(current, incoming, now, newUid, rules, null);
    }

    /**
     * As {@link #apply(Optional, ApiObject, Instant, Supplier, KindStrategy)}, recording the write as an Update by
     * manager in metadata.managedFields (null: the managers are kept as sent, or as stored when none are sent).
     */
    public static Decision apply(Optional<ApiObject> current, ApiObject incoming, Instant now,
                                 Supplier<String> newUid, KindStrategy rules, String manager) {
        ObjectMeta in = incoming.metadata();
        String what = ApiObjects.describe(incoming.kind(), in.name());
        if (current.isEmpty()) {
            if (in.resourceVersion() != null && !in.resourceVersion().isEmpty()) {
                return new Refuse(ApiError.conflict("Operation cannot be fulfilled on " + what
                        + ": resourceVersion " + in.resourceVersion() + " was given but the object does not exist"
                        + " (it was deleted, or never created); remove metadata.resourceVersion to create it"));
            }
            // deletionTimestamp is the API's to set, by a delete: never taken from what a client sends
            ObjectMeta meta = ApiObjects.meta(in, newUid.get(), null, 1L, now.toString()).withDeletionTimestamp(null);
            ApiObject created = rules.onCreate(ApiObjects.withoutStatus(incoming).withMetadata(meta), now);
            return new Accept(created.withMetadata(created.metadata().withManagedFields(
                    Managers.after(null, created, in.managedFields(), manager, now))), CREATED);
        }
        ApiObject cur = current.get();
        ObjectMeta cm = cur.metadata();
        if (in.resourceVersion() != null && !in.resourceVersion().isEmpty()
                && !in.resourceVersion().equals(cm.resourceVersion())) {
            return new Refuse(ApiError.conflict("Operation cannot be fulfilled on " + what
                    + ": the object has been modified (resourceVersion " + in.resourceVersion() + " was given, the current one is "
                    + cm.resourceVersion() + "); get the latest version and apply your changes to it"));
        }
        if (in.uid() != null && !in.uid().isEmpty() && !in.uid().equals(cm.uid())) {
            return new Refuse(ApiError.conflict("Operation cannot be fulfilled on " + what
                    + ": metadata.uid " + in.uid() + " was given, but the stored object's uid is " + cm.uid()));
        }
        ApiObject proposed = rules.onUpdate(cur, incoming);
        List<ManagedFieldsEntry> managers = Managers.after(cur, proposed,
                in.managedFields() == null || in.managedFields().isEmpty() ? cm.managedFields() : in.managedFields(),
                manager, now);
        if (ApiObjects.sameDesiredState(cur, proposed) && Objects.equals(managers, cm.managedFields())) {
            return new Accept(cur, UNCHANGED);
        }
        Optional<ApiError> refused = rules.checkUpdate(cur, proposed);
        if (refused.isPresent()) {
            return new Refuse(refused.get());
        }
        boolean specChanged = !Objects.equals(cur.specPart(), proposed.specPart());
        long generation = cm.generation() == null ? 1 : cm.generation();
        // the stored version: the write is guarded on it, and the store gives the object its next one
        ObjectMeta meta = ApiObjects.meta(in, cm.uid(), cm.resourceVersion(),
                specChanged ? generation + 1 : generation, cm.creationTimestamp())
                .withDeletionTimestamp(cm.deletionTimestamp()).withManagedFields(managers);
        return new Accept(ApiObjects.withStatusOf(proposed, cur).withMetadata(meta), CONFIGURED);
    }
}
