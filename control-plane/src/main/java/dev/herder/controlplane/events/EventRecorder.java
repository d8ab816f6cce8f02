package dev.herder.controlplane.events;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.EventSource;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.ObjectReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One per control-plane JVM: takes the events its controllers record, folds repeats together, and every flush
 * interval writes them to the store in one commit (which the store sends as few transactions). Each event carries
 * an etcd lease, so the store removes it by itself once the events TTL has passed since it was last written, as
 * Kubernetes does; one lease serves all events written within a lease-reuse window (Kubernetes reuses them for a
 * minute too, events.lease-reuse), so there are few leases however many events there are.
 *
 * <p>An event seen before on this node counts up from what this node wrote; a new one is created, and where
 * another node made it first (a controller that moved), read and counted up. Events are not precious: a write
 * that fails is not retried, and when more than max-pending wait the newest are dropped with a warning.
 */
public final class EventRecorder {
    private static final String FLUSH = "flush";
    /** How many written events this node remembers to count up without reading them. */
    private static final int REMEMBERED = 10_000;

    /** Local messages of the recorder. */
    public interface Command {
    }

    /** Something a component (on a host, for agents) saw about an object, at a time. */
    public record Record(ObjectReference involved, EventSource source, String type, String reason, String message,
                         Instant at) implements Command {
    }

    private record Flush() implements Command {
    }

    private record LeaseGranted(Long lease, Throwable failure, Instant at) implements Command {
    }

    /** What became of a flush: each event written (or counted again, to be re-read) or not. */
    private record Flushed(List<Event> events, List<Result> results, Throwable failure) implements Command {
    }

    /** An event made by another node, read to count it up. */
    private record ReadBack(Pending pending, Event stored) implements Command {
    }

    /** Repeats of one event waiting to be written. */
    private record Pending(String namespace, String name, Record first, Instant last, String lastMessage, int times) {
        Pending again(Record r) {
            return new Pending(namespace, name, first, r.at(), r.message(), times + 1);
        }

        String id() {
            return namespace + "/" + name;
        }
    }

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final ObjectStore store;
    private final ControlPlaneSettings settings;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Event> written = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Event> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long lease;
    private Instant leaseAt = Instant.EPOCH;
    private boolean leaseAsked;
    private long dropped;

    private EventRecorder(ActorContext<Command> context, TimerScheduler<Command> timers, ObjectStore store,
                          ControlPlaneSettings settings) {
        this.context = context;
        this.timers = timers;
        this.store = store;
        this.settings = settings;
    }

    public static Behavior<Command> create(ObjectStore store, ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new EventRecorder(ctx, timers, store, settings).receive()));
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Record.class, this::onRecord)
                .onMessage(Flush.class, f -> flush())
                .onMessage(LeaseGranted.class, this::onLeaseGranted)
                .onMessage(Flushed.class, this::onFlushed)
                .onMessage(ReadBack.class, this::onReadBack)
                .build();
    }

    private Behavior<Command> onRecord(Record r) {
        String message = EventKeys.truncated(r.message());
        String name = EventKeys.name(r.involved(), r.source(), r.type(), r.reason(), message);
        String namespace = EventKeys.namespace(r.involved());
        Pending next = new Pending(namespace, name, r, r.at(), message, 1);
        Pending was = pending.get(next.id());
        if (was != null) {
            pending.put(next.id(), was.again(r));
        } else if (pending.size() >= settings.eventsMaxPending()) {
            if (dropped++ % 1000 == 0) {
                context.getLog().warn("{} events wait for the store; dropping new ones ({} dropped so far)",
                        pending.size(), dropped);
            }
        } else {
            pending.put(next.id(), next);
        }
        if (!timers.isTimerActive(FLUSH)) {
            timers.startSingleTimer(FLUSH, new Flush(), settings.eventsFlushInterval());
        }
        return Behaviors.same();
    }

    private Behavior<Command> flush() {
        Instant now = Instant.now();
        if (lease == 0 || leaseAt.plus(settings.eventsLeaseReuse()).isBefore(now)) {
            if (!leaseAsked) {
                leaseAsked = true;
                context.pipeToSelf(store.store().grantLease(settings.eventsTtl().plus(settings.eventsLeaseReuse())),
                        (id, failure) -> new LeaseGranted(id, failure, now));
            }
            if (lease == 0) {
                return Behaviors.same(); // flushed once the lease is there
            }
        }
        List<Event> events = new ArrayList<>(pending.size());
        List<Change> changes = new ArrayList<>(pending.size());
        for (Pending p : pending.values()) {
            Event known = written.get(p.id());
            Event event = known != null ? counted(known, p) : created(p);
            events.add(event);
            changes.add(known != null ? new Change.Put(event, lease) : new Change.Create(event, lease));
        }
        pending.clear();
        if (!changes.isEmpty()) {
            context.pipeToSelf(store.commit(changes), (results, failure) -> new Flushed(events, results, failure));
        }
        return Behaviors.same();
    }

    private Behavior<Command> onLeaseGranted(LeaseGranted granted) {
        leaseAsked = false;
        if (granted.failure() != null) {
            context.getLog().warn("no lease for events from the store ({}); trying again", granted.failure().getMessage());
            timers.startSingleTimer(FLUSH, new Flush(), settings.eventsFlushInterval());
        } else {
            lease = granted.lease();
            leaseAt = granted.at();
            if (!pending.isEmpty()) {
                return flush();
            }
        }
        return Behaviors.same();
    }

    private Behavior<Command> onFlushed(Flushed flushed) {
        if (flushed.failure() != null) {
            context.getLog().warn("{} events not stored: {}", flushed.events().size(), flushed.failure().getMessage());
            return Behaviors.same();
        }
        for (int i = 0; i < flushed.events().size(); i++) {
            Event event = flushed.events().get(i);
            Result result = flushed.results().get(i);
            String id = event.metadata().namespace() + "/" + event.metadata().name();
            if (result instanceof Result.Stored stored) {
                written.put(id, (Event) stored.object());
            } else if (result instanceof Result.Conflict) {
                // made by another node first: read it, and count this node's repeats onto it
                Pending p = asPending(event);
                context.pipeToSelf(store.get(Event.KIND, event.metadata().namespace(), event.metadata().name()),
                        (found, failure) -> new ReadBack(p, found == null ? null : (Event) found.orElse(null)));
            } else {
                context.getLog().warn("event {} not stored: {}", id, result);
            }
        }
        return Behaviors.same();
    }

    private Behavior<Command> onReadBack(ReadBack read) {
        if (read.stored() != null) {
            written.put(read.pending().id(), read.stored());
        }
        Pending p = read.pending();
        Pending was = pending.get(p.id());
        pending.put(p.id(), was == null ? p : new Pending(p.namespace(), p.name(), p.first(), was.last(),
                was.lastMessage(), p.times() + was.times()));
        if (!timers.isTimerActive(FLUSH)) {
            timers.startSingleTimer(FLUSH, new Flush(), settings.eventsFlushInterval());
        }
        return Behaviors.same();
    }

    private static Pending asPending(Event e) {
        Record first = new Record(e.involvedObject(), e.source(), e.type(), e.reason(), e.message(),
                Instant.parse(e.firstTimestamp()));
        return new Pending(e.metadata().namespace(), e.metadata().name(), first, Instant.parse(e.lastTimestamp()),
                e.message(), e.count() == null ? 1 : e.count());
    }

    private static Event counted(Event e, Pending p) {
        return e.seenAgain(p.times(), p.last().toString(), p.lastMessage());
    }

    private static Event created(Pending p) {
        Record r = p.first();
        ObjectMeta meta = new ObjectMeta(p.name(), null, p.namespace(), null, null, UUID.randomUUID().toString(), null,
                null, r.at().toString(), null, null);
        return new Event("v1", Event.KIND, meta, r.involved(), r.reason(), p.lastMessage(), r.source(), r.at().toString(),
                p.last().toString(), p.times(), r.type());
    }
}
