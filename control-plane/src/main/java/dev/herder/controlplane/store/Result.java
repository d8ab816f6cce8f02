package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;

/** What became of one {@link Change}. */
public sealed interface Result {

    /** Written: the object as stored, with its new resourceVersion (a removed one: as it was, at the removal's). */
    record Stored(ApiObject object) implements Result {
    }

    /** The object changed (or appeared, or went) since the version the change was guarded on: nothing written. */
    record Conflict(long currentRevision) implements Result {
    }

    /** The store did not take the change, or could not say whether it did. */
    record Failed(StoreException error) implements Result {
    }
}
