package dev.herder.controlplane.objects;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.events.EventRecorder;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.store.BucketKey;
import dev.herder.controlplane.store.ObjectBucket;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.controlplane.store.StoreWrites;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.EventSource;
import dev.herder.protocol.api.ObjectReference;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.EntityMessage;
import dev.herder.protocol.wire.EventReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;

/**
 * The one actor that owns one object (a sharded entity): the only writer of it. It loads the object from
 * the store, then takes one change at a time, writing each with WriteMajority before it answers.
 *
 * <pre>
 *   loading --(read majority)--> idle --(change)--> persisting --(majority acked)--> idle
 *      ^  (read failed: retry)                          | (timeout: answer UNAVAILABLE)
 * </pre>
 */
public final class ObjectEntity {
    private static final int STASH_CAPACITY = 10_000;
    private static final String TICK = "tick";
    private static final String RELOAD = "reload";

    private record Loaded(Replicator.GetResponse<ObjectBucket> response) implements EntityMessage {
    }

    private record Persisted(Replicator.UpdateResponse<ObjectBucket> response, Optional<ApiObject> result,
                             KindRules.Reaction reaction) implements EntityMessage {
    }

    private record Tick() implements EntityMessage {
    }

    private record Reload() implements EntityMessage {
    }

    private final ActorContext<EntityMessage> context;
    private final ReplicatorMessageAdapter<EntityMessage, ObjectBucket> replicator;
    private final StashBuffer<EntityMessage> stash;
    private final TimerScheduler<EntityMessage> timers;
    private final String kind;
    private final String id;
    private final BucketKey key;
    private final KindRules rules;
    private final ControlPlaneSettings settings;
    private final StoreWrites writes;
    private Optional<ApiObject> current = Optional.empty();

    private ObjectEntity(ActorContext<EntityMessage> context,
                         ReplicatorMessageAdapter<EntityMessage, ObjectBucket> replicator,
                         StashBuffer<EntityMessage> stash, TimerScheduler<EntityMessage> timers, String kind, String id,
                         StoreKeys keys, KindRules rules, ControlPlaneSettings settings) {
        this.context = context;
        this.replicator = replicator;
        this.stash = stash;
        this.timers = timers;
        this.kind = kind;
        this.id = id;
        this.key = keys.keyFor(kind, id);
        this.rules = rules;
        this.settings = settings;
        this.writes = StoreWrites.of(context.getSystem(), settings.tombstoneTtl());
    }

    public static Behavior<EntityMessage> create(String kind, String id, StoreKeys keys, KindRules rules,
                                                 ControlPlaneSettings settings) {
        return create(kind, id, keys, ctx -> rules, settings);
    }

    /** With rules that act through the entity's context (a controller asks other entities for things). */
    public static Behavior<EntityMessage> create(String kind, String id, StoreKeys keys,
                                                 java.util.function.Function<ActorContext<EntityMessage>, KindRules> rules,
                                                 ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(STASH_CAPACITY, stash ->
                DistributedData.<EntityMessage, ObjectBucket>withReplicatorMessageAdapter(adapter ->
                        new ObjectEntity(ctx, adapter, stash, timers, kind, id, keys, rules.apply(ctx), settings)
                                .load()))));
    }

    private Behavior<EntityMessage> load() {
        replicator.askGet(r -> new Replicator.Get<>(key, new Replicator.ReadMajority(settings.readTimeout()), r),
                Loaded::new);
        return loading();
    }

    private Behavior<EntityMessage> loading() {
        return Behaviors.receive(EntityMessage.class)
                .onMessage(Loaded.class, this::onLoaded)
                .onMessage(Reload.class, r -> load())
                .onAnyMessage(this::stashOrDrop)
                .build();
    }

    private Behavior<EntityMessage> onLoaded(Loaded loaded) {
        var rsp = loaded.response();
        if (rsp instanceof Replicator.GetSuccess<ObjectBucket> ok) {
            current = ok.get(key).get(id);
        } else if (rsp instanceof Replicator.NotFound<ObjectBucket>) {
            current = Optional.empty();
        } else {
            context.getLog().warn("{} {}: could not read it from a majority of control-plane nodes; retrying", kind, id);
            timers.startSingleTimer(RELOAD, new Reload(), settings.readTimeout());
            return loading();
        }
        rules.tickInterval().ifPresent(every -> timers.startTimerWithFixedDelay(TICK, new Tick(), every));
        return stash.unstashAll(idle());
    }

    private Behavior<EntityMessage> idle() {
        return Behaviors.receive(EntityMessage.class)
                .onMessage(EntityCommand.Apply.class, this::onApply)
                .onMessage(EntityCommand.Get.class, this::onGet)
                .onMessage(EntityCommand.Delete.class, this::onDelete)
                .onMessage(Tick.class, t -> react(rules.onTick(current, Instant.now())))
                .onMessage(Reload.class, r -> load())
                .onMessage(EventReport.class, this::onEventReport)
                .onAnyMessage(m -> react(rules.onMessage(m, current, Instant.now())))
                .build();
    }

    /** What an agent reports about the object is recorded as the object's event, with the agent's node as host. */
    private Behavior<EntityMessage> onEventReport(EventReport report) {
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

    private Behavior<EntityMessage> onApply(EntityCommand.Apply apply) {
        Admission.Decision decision = Admission.apply(current, apply.object(), Instant.now(),
                () -> UUID.randomUUID().toString(), rules);
        if (decision instanceof Admission.Refuse refuse) {
            apply.replyTo().tell(new ApiResponse.Applied(List.of(outcome(apply.object(), null, null, refuse.error()))));
            return Behaviors.same();
        }
        Admission.Accept accept = (Admission.Accept) decision;
        if (Admission.UNCHANGED.equals(accept.action())) {
            apply.replyTo().tell(new ApiResponse.Applied(List.of(outcome(accept.object(), accept.action(), accept.object(), null))));
            return Behaviors.same();
        }
        return react(new KindRules.Reaction(accept.object(),
                stored -> apply.replyTo().tell(new ApiResponse.Applied(List.of(
                        outcome(accept.object(), accept.action(), stored.orElse(null), null)))),
                error -> apply.replyTo().tell(new ApiResponse.Applied(List.of(outcome(accept.object(), null, null, error))))));
    }

    private Behavior<EntityMessage> onGet(EntityCommand.Get get) {
        get.replyTo().tell(current.<ApiResponse>map(o -> new ApiResponse.Objects(kind, List.of(o)))
                .orElseGet(() -> new ApiResponse.Failure(notFound())));
        return Behaviors.same();
    }

    private Behavior<EntityMessage> onDelete(EntityCommand.Delete delete) {
        if (current.isEmpty()) {
            delete.replyTo().tell(new ApiResponse.Failure(notFound()));
            return Behaviors.same();
        }
        ApiObject was = current.get();
        return persist(writes.remove(id), Optional.empty(), new KindRules.Reaction(null,
                gone -> {
                    rules.onDeleted(was);
                    delete.replyTo().tell(new ApiResponse.Deleted(was));
                },
                error -> delete.replyTo().tell(new ApiResponse.Failure(error))));
    }

    /** Carries out a reaction: write its object first where it has one, then answer. */
    private Behavior<EntityMessage> react(KindRules.Reaction reaction) {
        if (reaction.write() == null) {
            reaction.onStored().accept(current);
            return Behaviors.same();
        }
        ApiObject object = reaction.write();
        return persist(writes.put(id, object), Optional.of(object), reaction);
    }

    private Behavior<EntityMessage> persist(UnaryOperator<ObjectBucket> change, Optional<ApiObject> result,
                                            KindRules.Reaction reaction) {
        replicator.askUpdate(r -> new Replicator.Update<>(key, ObjectBucket.EMPTY,
                        new Replicator.WriteMajority(settings.writeTimeout()), r, change::apply),
                rsp -> new Persisted(rsp, result, reaction));
        return persisting();
    }

    private Behavior<EntityMessage> persisting() {
        return Behaviors.receive(EntityMessage.class)
                .onMessage(Persisted.class, this::onPersisted)
                .onAnyMessage(this::stashOrDrop)
                .build();
    }

    private Behavior<EntityMessage> onPersisted(Persisted persisted) {
        var rsp = persisted.response();
        if (rsp instanceof Replicator.UpdateSuccess<ObjectBucket>) {
            current = persisted.result();
            persisted.reaction().onStored().accept(current);
        } else if (rsp instanceof Replicator.UpdateTimeout<ObjectBucket>) {
            // The local replica took the write and gossips it on; only the majority acknowledgement is missing.
            current = persisted.result();
            persisted.reaction().onFailed().accept(ApiError.unavailable("the write of " + ApiObjects.describe(kind, name())
                    + " was not confirmed by a majority of control-plane nodes within " + settings.writeTimeout().toMillis()
                    + " ms; it may still take effect. Check that at least two control-plane nodes are up."));
        } else {
            context.getLog().error("{} {}: store refused the write: {}", kind, id, rsp);
            persisted.reaction().onFailed().accept(new ApiError(ApiError.Code.INTERNAL,
                    "the store refused the write of " + ApiObjects.describe(kind, name()) + ": " + rsp));
            return stash.unstashAll(reloadNow());
        }
        return stash.unstashAll(idle());
    }

    private Behavior<EntityMessage> reloadNow() {
        context.getSelf().tell(new Reload());
        return idle();
    }

    private Behavior<EntityMessage> stashOrDrop(EntityMessage message) {
        if (stash.isFull()) {
            context.getLog().warn("{} {}: too many messages waiting; dropping {}", kind, id, message.getClass().getSimpleName());
        } else {
            stash.stash(message);
        }
        return Behaviors.same();
    }

    private ApiResponse.ApplyOutcome outcome(ApiObject sent, String action, ApiObject stored, ApiError error) {
        return new ApiResponse.ApplyOutcome(kind, sent.metadata().namespace(), sent.metadata().name(), action, stored, error,
                List.of());
    }

    private ApiError notFound() {
        return ApiError.notFound(ApiObjects.describe(kind, name()) + " not found");
    }

    private String name() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }
}
