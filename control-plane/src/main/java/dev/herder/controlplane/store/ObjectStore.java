package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * API objects over the {@link Store}: keys from {@link RegistryKeys}, values from {@link ObjectCodec}, and
 * resourceVersion as the key's modRevision. Every write is guarded (create: none yet; update and delete: the
 * resourceVersion the writer read), so a stale write is a {@link Result.Conflict}, never an overwrite.
 */
public final class ObjectStore {
    private final Store store;

    public ObjectStore(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public CompletionStage<Optional<ApiObject>> get(String kind, String namespace, String name) {
        return store.get(RegistryKeys.key(kind, namespace, name)).thenApply(kv -> kv.map(ObjectCodec::decode));
    }

    /**
     * One page of a kind's objects (namespace null: all), read at revision (0: now), after the key startAfter (a
     * whole key, as {@link ObjectPage#lastKey()} gives; null: from the first).
     */
    public CompletionStage<ObjectPage> list(String kind, String namespace, long revision, String startAfter, int limit) {
        String prefix = RegistryKeys.prefix(kind, namespace);
        String after = startAfter == null ? null
                : startAfter.startsWith(prefix) ? startAfter.substring(prefix.length()) : null;
        if (startAfter != null && after == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalArgumentException(
                    "a list of " + prefix + " cannot go on after " + startAfter));
        }
        return store.list(prefix, after, revision, limit).thenApply(page -> {
            List<ApiObject> items = new ArrayList<>(page.items().size());
            page.items().forEach(kv -> items.add(ObjectCodec.decode(kv)));
            String last = page.items().isEmpty() ? startAfter : page.items().get(page.items().size() - 1).key();
            return new ObjectPage(items, page.revision(), last, page.more());
        });
    }

    /** A page of objects, the revision it was read at, the last key read (to read on from), and whether more follow. */
    public record ObjectPage(List<ApiObject> items, long revision, String lastKey, boolean more) {
    }

    public CompletionStage<Result> commit(Change change) {
        return commit(List.of(change)).thenApply(results -> results.get(0));
    }

    /** Each change guarded on its own, sharing store transactions with other writers'; one result per change. */
    public CompletionStage<List<Result>> commit(List<Change> changes) {
        List<Op> ops = new ArrayList<>(changes.size());
        for (Change c : changes) {
            ops.add(op(c));
        }
        return store.commit(ops).thenApply(outcomes -> {
            List<Result> out = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                out.add(result(changes.get(i), outcomes.get(i)));
            }
            return out;
        });
    }

    private static Op op(Change c) {
        String key = RegistryKeys.key(c.object());
        long revision = ObjectCodec.revisionOf(c.object());
        if (c instanceof Change.Create create) {
            return new Op.Create(key, ObjectCodec.encode(c.object()), create.lease());
        } else if (c instanceof Change.Update) {
            return new Op.Update(key, ObjectCodec.encode(c.object()), revision, 0);
        } else if (c instanceof Change.Put put) {
            return new Op.Put(key, ObjectCodec.encode(c.object()), put.lease());
        }
        return new Op.Delete(key, Math.max(0, revision));
    }

    private static Result result(Change c, Outcome outcome) {
        if (outcome instanceof Outcome.Written w) {
            return new Result.Stored(ObjectCodec.withVersion(c.object(), Long.toString(w.revision())));
        } else if (outcome instanceof Outcome.Conflict conflict) {
            return new Result.Conflict(conflict.currentRevision());
        }
        return new Result.Failed(((Outcome.Failed) outcome).error());
    }
}
