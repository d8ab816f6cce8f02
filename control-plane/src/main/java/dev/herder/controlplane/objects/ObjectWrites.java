package dev.herder.controlplane.objects;

import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.StoreException;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ObjectKey;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Writes as users (and controllers acting for them) make them, straight to the store from whichever node takes
 * the request: read the object, decide with {@link Admission}, write guarded on the version read. When the object
 * changed in between and the writer named no resourceVersion of its own, it reads and decides again (a few
 * times); a writer that named one gets the conflict.
 */
public final class ObjectWrites {
    private static final int ATTEMPTS = 5;
    private final ObjectStore store;

    public ObjectWrites(ObjectStore store) {
        this.store = store;
    }

    public ObjectStore store() {
        return store;
    }

    /**
     * Create or update the object (validated already); answered with the outcome, its error set when refused. One
     * that names no resourceVersion is first tried as a create, which needs no read: most applies of a new object
     * cost one guarded write; where the object exists, the create is a conflict and the apply reads and updates.
     */
    public CompletionStage<ApiResponse.ApplyOutcome> apply(ApiObject object) {
        return apply(object, WriteBy.NONE);
    }

    /** As {@link #apply(ApiObject)}, making no write guarded on a read of its own once writeBy has passed. */
    public CompletionStage<ApiResponse.ApplyOutcome> apply(ApiObject object, WriteBy writeBy) {
        return apply(object, writeBy, (String) null);
    }

    /** As {@link #apply(ApiObject, WriteBy)}, recorded in metadata.managedFields as an Update by manager (null: none). */
    public CompletionStage<ApiResponse.ApplyOutcome> apply(ApiObject object, WriteBy writeBy, String manager) {
        if (namesVersion(object)) {
            return apply(object, writeBy, manager, ATTEMPTS);
        }
        return create(object, manager).thenCompose(result -> result instanceof Result.Stored stored
                ? done(outcome(object, Admission.CREATED, stored.object(), null))
                : apply(object, writeBy, manager, ATTEMPTS));
    }

    /**
     * What {@link #apply(ApiObject)} would store, admitted against the object as it is now (a dry run): the
     * outcome's object is the result, or its error says why it would be refused. Nothing is written.
     */
    public CompletionStage<ApiResponse.ApplyOutcome> preview(ApiObject object) {
        return preview(object, null);
    }

    /** As {@link #preview(ApiObject)}, as an Update by manager (null: none). */
    public CompletionStage<ApiResponse.ApplyOutcome> preview(ApiObject object, String manager) {
        ObjectKey key = ObjectKey.of(object);
        return store.get(key.kind(), key.namespace(), key.name()).thenApply(current -> {
            Admission.Decision decision = admit(current, object, manager);
            return decision instanceof Admission.Refuse refuse ? outcome(object, null, null, refuse.error())
                    : outcome(object, ((Admission.Accept) decision).action(), ((Admission.Accept) decision).object(),
                    null);
        });
    }

    private CompletionStage<ApiResponse.ApplyOutcome> apply(ApiObject object, WriteBy writeBy, String manager,
                                                            int attemptsLeft) {
        ObjectKey key = ObjectKey.of(object);
        return store.get(key.kind(), key.namespace(), key.name()).thenCompose(current -> {
            Admission.Decision decision = admit(current, object, manager);
            if (decision instanceof Admission.Refuse refuse) {
                return done(outcome(object, null, null, refuse.error()));
            }
            Admission.Accept accept = (Admission.Accept) decision;
            if (Admission.UNCHANGED.equals(accept.action())) {
                return done(outcome(object, accept.action(), accept.object(), null));
            }
            if (writeBy.passed()) {
                return done(outcome(object, null, null, error(object, writeBy.notMade())));
            }
            Change change = current.isEmpty() ? new Change.Create(accept.object()) : new Change.Update(accept.object());
            return store.commit(change).thenCompose(result -> {
                if (result instanceof Result.Stored stored) {
                    return done(outcome(object, accept.action(), stored.object(), null));
                }
                if (result instanceof Result.Conflict && attemptsLeft > 1 && !namesVersion(object)) {
                    return apply(object, writeBy, manager, attemptsLeft - 1);
                }
                return done(outcome(object, null, null, error(object, result)));
            });
        });
    }

    /**
     * Changes the stored object with change (which returns null to leave it), guarded on the version read, and
     * reads and changes again when it was written meanwhile. Answered with the result; Conflict(0): not found.
     */
    public CompletionStage<Result> update(String kind, String namespace, String name, UnaryOperator<ApiObject> change) {
        return update(kind, namespace, name, change, WriteBy.NONE);
    }

    /** As {@link #update(String, String, String, UnaryOperator)}, making no write once writeBy has passed. */
    public CompletionStage<Result> update(String kind, String namespace, String name, UnaryOperator<ApiObject> change,
                                          WriteBy writeBy) {
        return update(kind, namespace, name, change, writeBy, ATTEMPTS);
    }

    /**
     * As {@link #update(String, String, String, UnaryOperator, WriteBy)}; retryOnConflict false makes one attempt, for
     * a change guarded on a version its client read (a conflict is then the client's to see).
     */
    public CompletionStage<Result> update(String kind, String namespace, String name, UnaryOperator<ApiObject> change,
                                          WriteBy writeBy, boolean retryOnConflict) {
        return update(kind, namespace, name, change, writeBy, retryOnConflict ? ATTEMPTS : 1);
    }

    private CompletionStage<Result> update(String kind, String namespace, String name, UnaryOperator<ApiObject> change,
                                           WriteBy writeBy, int attemptsLeft) {
        return store.get(kind, namespace, name).thenCompose(current -> {
            if (current.isEmpty()) {
                return CompletableFuture.completedFuture(new Result.Conflict(0));
            }
            ApiObject changed = change.apply(current.get());
            if (changed == null) {
                return CompletableFuture.completedFuture(new Result.Stored(current.get()));
            }
            if (writeBy.passed()) {
                return CompletableFuture.completedFuture(writeBy.notMade());
            }
            return store.commit(new Change.Update(changed)).thenCompose(result ->
                    result instanceof Result.Conflict c && c.currentRevision() != 0 && attemptsLeft > 1
                            ? update(kind, namespace, name, change, writeBy, attemptsLeft - 1)
                            : CompletableFuture.completedFuture(result));
        });
    }

    /**
     * Creates the object (validated already), which must not exist: answered with the outcome, its error
     * ALREADY_EXISTS when an object of its name is stored. A dry run answers with the object the create would
     * store (no resourceVersion yet), or ALREADY_EXISTS, and writes nothing.
     */
    public CompletionStage<ApiResponse.ApplyOutcome> createOnly(ApiObject object, boolean dryRun) {
        return createOnly(object, dryRun, null);
    }

    /** As {@link #createOnly(ApiObject, boolean)}, recorded as an Update by manager (null: none). */
    public CompletionStage<ApiResponse.ApplyOutcome> createOnly(ApiObject object, boolean dryRun, String manager) {
        Admission.Decision decision = admitNew(object, manager);
        if (decision instanceof Admission.Refuse refuse) {
            return done(outcome(object, null, null, refuse.error()));
        }
        if (dryRun) {
            ObjectKey key = ObjectKey.of(object);
            ApiObject admitted = ((Admission.Accept) decision).object();
            return store.get(key.kind(), key.namespace(), key.name()).thenApply(found -> found.isPresent()
                    ? outcome(object, null, null, ApiError.alreadyExists(ApiObjects.describe(object.kind(),
                            object.metadata().name()) + " already exists"))
                    : outcome(object, Admission.CREATED, admitted, null));
        }
        return store.commit(new Change.Create(((Admission.Accept) decision).object())).thenApply(result ->
                result instanceof Result.Stored stored ? outcome(object, Admission.CREATED, stored.object(), null)
                        : result instanceof Result.Conflict ? outcome(object, null, null, ApiError.alreadyExists(
                                ApiObjects.describe(object.kind(), object.metadata().name()) + " already exists"))
                        : outcome(object, null, null, error(object, result)));
    }

    /** A new object as the API would create it (uid, creation time, its kind's defaults), written only if none is. */
    public CompletionStage<Result> create(ApiObject object) {
        return create(object, null);
    }

    private CompletionStage<Result> create(ApiObject object, String manager) {
        Admission.Decision decision = admitNew(object, manager);
        if (decision instanceof Admission.Refuse refuse) {
            return CompletableFuture.completedFuture(new Result.Failed(
                    new StoreException(refuse.error().message(), false, null)));
        }
        return store.commit(new Change.Create(((Admission.Accept) decision).object()));
    }

    private static Admission.Decision admitNew(ApiObject object, String manager) {
        return admit(Optional.empty(), object, manager);
    }

    /** Admission's decision on manager writing object over current, now, with a new uid if it is created. */
    private static Admission.Decision admit(Optional<ApiObject> current, ApiObject object, String manager) {
        return Admission.apply(current, object, Instant.now(), () -> UUID.randomUUID().toString(),
                KindStrategy.of(object.kind()), manager);
    }

    /** The error a failed write means for a user. */
    public static ApiError error(ApiObject object, Result result) {
        String what = ApiObjects.describe(object.kind(), object.metadata().name());
        if (result instanceof Result.Conflict conflict) {
            return conflict.currentRevision() == 0 && namesVersion(object)
                    ? ApiError.conflict("Operation cannot be fulfilled on " + what + ": resourceVersion "
                            + object.metadata().resourceVersion() + " was given but the object does not exist"
                            + " (it was deleted); remove metadata.resourceVersion to create it")
                    : ApiError.conflict("Operation cannot be fulfilled on " + what + ": the object has been modified"
                            + (namesVersion(object) ? " (resourceVersion " + object.metadata().resourceVersion()
                            + " was given, the current one is " + conflict.currentRevision() + ")" : "")
                            + "; get the latest version and apply your changes to it");
        }
        StoreException failure = ((Result.Failed) result).error();
        return ApiError.unavailable("the write of " + what + (failure.mayHaveHappened()
                ? " was not confirmed by the store: " : " was not made: ") + failure.getMessage());
    }

    private static boolean namesVersion(ApiObject o) {
        String v = o.metadata().resourceVersion();
        return v != null && !v.isEmpty();
    }

    private static CompletionStage<ApiResponse.ApplyOutcome> done(ApiResponse.ApplyOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private static ApiResponse.ApplyOutcome outcome(ApiObject sent, String action, ApiObject stored, ApiError error) {
        return new ApiResponse.ApplyOutcome(sent.kind(), sent.metadata().namespace(), sent.metadata().name(), action,
                stored, error, List.of());
    }
}
