package dev.herder.controlplane.events;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.objects.Versions;
import dev.herder.controlplane.store.BucketKey;
import dev.herder.controlplane.store.ObjectBucket;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.controlplane.store.StoreWrites;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.EventSource;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.ObjectReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;

/**
 * One per control-plane JVM: takes the events its controllers record, folds repeats together, and every
 * flush interval writes them to the event buckets, one update per bucket. An update
 * reads the stored Event (recorded before, maybe by another node) and counts it up, so a controller that
 * moved to another node goes on counting the same Event. Events are not precious: a write that is not
 * confirmed is not retried, and when more than max-pending wait (a store that cannot keep up) the newest
 * are dropped with a warning. So they are written locally (on disk here, then spread by Distributed Data's
 * delta propagation within a fraction of a second), not with a majority write: with a pod burst there are as
 * many event writes as pod writes, and a majority write costs each of them a round trip and a write on another
 * node before the next flush of that bucket.
 */
public final class EventRecorder {
    private static final String FLUSH = "flush";

    /** Local messages of the recorder. */
    public interface Command {
    }

    /** Something a component (on a host, for agents) saw about an object, at a time. */
    public record Record(ObjectReference involved, EventSource source, String type, String reason, String message,
                         Instant at) implements Command {
    }

    private record Flush() implements Command {
    }

    private record Flushed(Replicator.UpdateResponse<ObjectBucket> response) implements Command {
    }

    /** Repeats of one event waiting to be written. */
    private record Pending(String id, String name, Record first, Instant last, String lastMessage, int times) {
        Pending again(Record r) {
            return new Pending(id, name, first, r.at(), r.message(), times + 1);
        }
    }

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final ReplicatorMessageAdapter<Command, ObjectBucket> replicator;
    private final StoreKeys keys;
    private final ControlPlaneSettings settings;
    private final StoreWrites writes;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private long dropped;

    private EventRecorder(ActorContext<Command> context, TimerScheduler<Command> timers,
                          ReplicatorMessageAdapter<Command, ObjectBucket> replicator, StoreKeys keys,
                          ControlPlaneSettings settings) {
        this.context = context;
        this.timers = timers;
        this.replicator = replicator;
        this.keys = keys;
        this.settings = settings;
        this.writes = StoreWrites.of(context.getSystem(), settings.tombstoneTtl());
    }

    public static Behavior<Command> create(StoreKeys keys, ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                DistributedData.<Command, ObjectBucket>withReplicatorMessageAdapter(replicator ->
                        new EventRecorder(ctx, timers, replicator, keys, settings).receive())));
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Record.class, this::onRecord)
                .onMessage(Flush.class, f -> flush())
                .onMessage(Flushed.class, this::onFlushed)
                .build();
    }

    private Behavior<Command> onRecord(Record r) {
        String message = EventKeys.truncated(r.message());
        String name = EventKeys.name(r.involved(), r.source(), r.type(), r.reason(), message);
        String id = EventKeys.id(r.involved(), name);
        Pending was = pending.get(id);
        if (was != null) {
            pending.put(id, was.again(r));
        } else if (pending.size() >= settings.eventsMaxPending()) {
            if (dropped++ % 1000 == 0) {
                context.getLog().warn("{} events wait for the store; dropping new ones ({} dropped so far)",
                        pending.size(), dropped);
            }
        } else {
            pending.put(id, new Pending(id, name, r, r.at(), message, 1));
        }
        if (!timers.isTimerActive(FLUSH)) {
            timers.startSingleTimer(FLUSH, new Flush(), settings.eventsFlushInterval());
        }
        return Behaviors.same();
    }

    private Behavior<Command> flush() {
        Map<BucketKey, List<Pending>> byBucket = new HashMap<>();
        pending.values().forEach(p -> byBucket.computeIfAbsent(keys.keyFor(Event.KIND, p.id()), k -> new ArrayList<>())
                .add(p));
        pending.clear();
        Instant now = Instant.now();
        byBucket.forEach((key, events) -> replicator.askUpdate(
                replyTo -> new Replicator.Update<>(key, ObjectBucket.EMPTY,
                        Replicator.writeLocal(), replyTo,
                        stored -> merged(stored, List.copyOf(events), writes, now)),
                Flushed::new));
        return Behaviors.same();
    }

    private Behavior<Command> onFlushed(Flushed flushed) {
        if (!(flushed.response() instanceof Replicator.UpdateSuccess<ObjectBucket>)
                && !(flushed.response() instanceof Replicator.UpdateTimeout<ObjectBucket>)) {
            context.getLog().warn("events not stored: {}", flushed.response());
        }
        return Behaviors.same();
    }

    /** The bucket with each pending event added, or counted up where it is stored already. */
    private static ObjectBucket merged(ObjectBucket stored, List<Pending> events,
                                            StoreWrites writes, Instant now) {
        ObjectBucket out = stored;
        for (Pending p : events) {
            Event event = out.get(p.id()).orElse(null) instanceof Event e ? counted(e, p, now) : created(p, now);
            out = writes.putNow(out, p.id(), event);
        }
        return out;
    }

    private static Event counted(Event e, Pending p, Instant now) {
        return (Event) ApiObjects.withVersion(e.seenAgain(p.times(), p.last().toString(), p.lastMessage()),
                Versions.next(e.metadata().resourceVersion(), now));
    }

    private static Event created(Pending p, Instant now) {
        Record r = p.first();
        ObjectMeta meta = new ObjectMeta(p.name(), null, EventKeys.namespace(r.involved()), null, null,
                UUID.randomUUID().toString(), Versions.next(null, now), null, r.at().toString(), null, null);
        return new Event("v1", Event.KIND, meta, r.involved(), r.reason(), p.lastMessage(),
                r.source(), r.at().toString(), p.last().toString(), p.times(), r.type());
    }
}
