package dev.herder.controlplane.objects;

import dev.herder.controlplane.events.EventRecorder;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.ObjectCodec;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.StoreException;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.EventSource;
import dev.herder.protocol.api.ObjectKey;
import dev.herder.protocol.api.ObjectReference;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.EntityInput;
import dev.herder.protocol.wire.EventReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The reconciler of one object (a sharded entity): it reads the object from the store when it starts, is told
 * each change after that by its node's {@link LocalWatch}, and carries out what its kind's rules decide, one write
 * at a time, each guarded on the version it holds. A write can still meet a newer version the watch has not
 * brought yet: then the entity reads the object again and decides again on the same message (a conflict is never
 * overwritten).
 *
 * <pre>
 *   loading --(read)--> idle --(a write)--> persisting --(stored)--> idle
 *      ^  (read failed: retry)                  | (conflict: read again, decide again)
 * </pre>
 */
public final class ObjectEntity {
    private static final int STASH_CAPACITY = 10_000;
    private static final int MAX_RETRIES = 3;
    private static final Duration RELOAD_AFTER = Duration.ofSeconds(1);
    private static final String TICK = "tick";
    private static final String RELOAD = "reload";

    private record Loaded(Optional<ApiObject> object, Throwable failure) implements EntityInput {
    }

    private record Persisted(Result result, KindRules.Reaction reaction, EntityInput cause, int attempt)
            implements EntityInput {
    }

    private record Tick() implements EntityInput {
    }

    private record Reload() implements EntityInput {
    }

    /** A message to handle again once the object is read anew, and how many times it was tried. */
    private record Retry(EntityInput message, int attempt) implements EntityInput {
    }

    private final ActorContext<EntityInput> context;
    private final StashBuffer<EntityInput> stash;
    private final TimerScheduler<EntityInput> timers;
    private final ObjectStore store;
    private final String kind;
    private final String id;
    private final ObjectKey key;
    private final KindRules rules;
    private Optional<ApiObject> current = Optional.empty();
    /** The revision current is as of: its resourceVersion, or the revision of its removal when the watch saw it go. */
    private long seen;
    private Retry afterLoad;

    private ObjectEntity(ActorContext<EntityInput> context, StashBuffer<EntityInput> stash,
                         TimerScheduler<EntityInput> timers, String kind, String id, KindRules rules) {
        this.context = context;
        this.stash = stash;
        this.timers = timers;
        this.store = Stores.get(context.getSystem()).objects();
        this.kind = kind;
        this.id = id;
        this.key = ObjectKey.ofId(kind, id);
        this.rules = rules;
    }

    /** With rules that act through the entity's context (a controller writes other objects). */
    public static Behavior<EntityInput> create(String kind, String id,
                                                 Function<ActorContext<EntityInput>, KindRules> rules) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(STASH_CAPACITY, stash -> {
            // told of every change of its object from now on; the read that follows covers what came before
            LocalWatch.get(ctx.getSystem()).register(kind, id, ctx.getSelf());
            return new ObjectEntity(ctx, stash, timers, kind, id, rules.apply(ctx)).load();
        })));
    }

    private Behavior<EntityInput> load() {
        context.pipeToSelf(store.get(kind, key.namespace(), key.name()), (o, failure) -> new Loaded(o, failure));
        return loading();
    }

    private Behavior<EntityInput> loading() {
        return Behaviors.receive(EntityInput.class)
                .onMessage(Loaded.class, this::onLoaded)
                .onMessage(Reload.class, r -> Behaviors.same())
                .onAnyMessage(this::stashOrDrop)
                .onSignal(PostStop.class, this::onStop)
                .build();
    }

    private Behavior<EntityInput> onStop(PostStop stop) {
        LocalWatch.get(context.getSystem()).unregister(kind, id, context.getSelf());
        return Behaviors.same();
    }

    /** A change of the object seen by this node's watch: taken when newer than what the entity holds. */
    private Behavior<EntityInput> onObserved(LocalWatch.Observed observed) {
        take(Optional.ofNullable(observed.object()), observed.revision());
        return Behaviors.same();
    }

    /** The object as of revision (empty: removed then), if that is newer than what the entity holds. */
    private void take(Optional<ApiObject> object, long revision) {
        if (revision > seen) {
            current = object;
            seen = revision;
        }
    }

    private Behavior<EntityInput> onLoaded(Loaded loaded) {
        if (loaded.failure() != null) {
            context.getLog().warn("{} {}: could not read it from the store ({}); retrying", kind, id,
                    loaded.failure().getMessage());
            timers.startSingleTimer(RELOAD, new Reload(), RELOAD_AFTER);
            return reloading();
        }
        current = loaded.object();
        seen = current.map(ObjectCodec::revisionOf).orElse(0L);
        rules.tickInterval().ifPresent(every -> {
            if (!timers.isTimerActive(TICK)) {
                timers.startTimerWithFixedDelay(TICK, new Tick(), every);
            }
        });
        if (afterLoad != null) {
            context.getSelf().tell(afterLoad);
            afterLoad = null;
        }
        return stash.unstashAll(idle());
    }

    private Behavior<EntityInput> reloading() {
        return Behaviors.receive(EntityInput.class)
                .onMessage(Reload.class, r -> load())
                .onAnyMessage(this::stashOrDrop)
                .onSignal(PostStop.class, this::onStop)
                .build();
    }

    private Behavior<EntityInput> idle() {
        return Behaviors.receive(EntityInput.class)
                .onMessage(Tick.class, t -> react(rules.onTick(current, Instant.now()), t, 0))
                .onMessage(Reload.class, r -> load())
                .onMessage(LocalWatch.Resync.class, r -> load())
                .onMessage(LocalWatch.Observed.class, this::onObserved)
                .onMessage(Retry.class, r -> handle(r.message(), r.attempt()))
                .onMessage(EventReport.class, this::onEventReport)
                .onAnyMessage(m -> handle(m, 0))
                .onSignal(PostStop.class, this::onStop)
                .build();
    }

    private Behavior<EntityInput> handle(EntityInput message, int attempt) {
        rules.carried(message).ifPresent(carried -> take(Optional.of(carried), ObjectCodec.revisionOf(carried)));
        return react(rules.onMessage(message, current, Instant.now()), message, attempt);
    }

    /** What an agent reports about the object is recorded as the object's event, with the agent's node as host. */
    private Behavior<EntityInput> onEventReport(EventReport report) {
        if (current.isEmpty() || !current.get().metadata().uid().equals(report.uid())) {
            return Behaviors.same();
        }
        ObjectReference ref = ObjectReference.to(current.get());
        Instant at;
        try {
            at = Instant.parse(report.at());
        } catch (RuntimeException e) {
            at = Instant.now();
        }
        Events.get(context.getSystem()).record(new EventRecorder.Record(new ObjectReference(ref.kind(), ref.namespace(),
                ref.name(), ref.uid(), ref.apiVersion(), ref.resourceVersion(), report.fieldPath()),
                new EventSource(report.component(), report.nodeName()), report.type(), report.reason(), report.message(), at));
        return Behaviors.same();
    }

    /** Carries out a reaction: write its object first where it has one (guarded on the version read), then answer. */
    private Behavior<EntityInput> react(KindRules.Reaction reaction, EntityInput cause, int attempt) {
        if (reaction == KindRules.Reaction.stale() && attempt < MAX_RETRIES) {
            afterLoad = new Retry(cause, attempt + 1);
            return load();
        }
        if (reaction.write() == null && !(reaction.removes() && current.isPresent())) {
            reaction.onStored().accept(current);
            return Behaviors.same();
        }
        Change change;
        if (reaction.removes()) {
            change = new Change.Delete(current.get());
        } else {
            ApiObject object = reaction.write();
            change = current.isEmpty() ? new Change.Create(object)
                    : new Change.Update(ObjectCodec.withVersion(object, current.get().metadata().resourceVersion()));
        }
        context.pipeToSelf(store.commit(change), (result, failure) -> new Persisted(result != null ? result
                : new Result.Failed(new StoreException(String.valueOf(failure), true, failure)),
                reaction, cause, attempt));
        return persisting();
    }

    private Behavior<EntityInput> persisting() {
        return Behaviors.receive(EntityInput.class)
                .onMessage(Persisted.class, this::onPersisted)
                .onAnyMessage(this::stashOrDrop)
                .onSignal(PostStop.class, this::onStop)
                .build();
    }

    private Behavior<EntityInput> onPersisted(Persisted persisted) {
        Result result = persisted.result();
        if (result instanceof Result.Stored stored && persisted.reaction().removes()) {
            current = Optional.empty();
            persisted.reaction().onStored().accept(current);
            return stash.unstashAll(idle());
        }
        if (result instanceof Result.Stored stored) {
            current = Optional.of(stored.object());
            seen = ObjectCodec.revisionOf(stored.object());
            persisted.reaction().onStored().accept(current);
            return stash.unstashAll(idle());
        }
        if (result instanceof Result.Conflict && persisted.attempt() < MAX_RETRIES) {
            // someone else wrote the object meanwhile: read it again, then decide again on the same message
            if (!(persisted.cause() instanceof Tick)) {
                afterLoad = new Retry(persisted.cause(), persisted.attempt() + 1);
            }
            return load();
        }
        ApiError error = result instanceof Result.Failed failed
                ? ApiError.unavailable("the write of " + ApiObjects.describe(kind, key.name()) + " failed: "
                        + failed.error().getMessage())
                : ApiError.conflict("Operation cannot be fulfilled on " + ApiObjects.describe(kind, key.name())
                        + ": the object kept changing while it was being written; try again");
        context.getLog().warn("{} {}: {}", kind, id, error.message());
        persisted.reaction().onFailed().accept(error);
        return load();
    }

    private Behavior<EntityInput> stashOrDrop(EntityInput message) {
        if (stash.isFull()) {
            context.getLog().warn("{} {}: too many messages waiting; dropping {}", kind, id, message.getClass().getSimpleName());
        } else {
            stash.stash(message);
        }
        return Behaviors.same();
    }
}
