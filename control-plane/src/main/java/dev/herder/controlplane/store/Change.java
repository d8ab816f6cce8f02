package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;

/** One object write for {@link ObjectStore#commit}: what to write and what it is guarded on. */
public sealed interface Change {
    ApiObject object();

    /** Stores a new object, with a lease (0: none); a Conflict when one of that name exists. */
    record Create(ApiObject object, long lease) implements Change {
        public Create(ApiObject object) {
            this(object, 0);
        }
    }

    /** Replaces the object stored at the object's own resourceVersion; a Conflict when it changed or went since. */
    record Update(ApiObject object) implements Change {
    }

    /** Writes the object whatever is stored (what has one writer, or is not precious), with a lease (0: none). */
    record Put(ApiObject object, long lease) implements Change {
    }

    /** Removes the object stored at the object's own resourceVersion (none: whatever is stored). */
    record Delete(ApiObject object) implements Change {
    }
}
