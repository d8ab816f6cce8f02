package dev.herder.controlplane.events;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.store.ObjectBucket;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.controlplane.store.StoreWrites;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;

/**
 * Removes events last seen longer than the events TTL ago (Kubernetes keeps them an hour). It runs beside
 * the Master, so one node does it; a removal is a local write that gossip spreads.
 */
public final class EventPruner {
    private record Prune() {
    }

    private EventPruner() {
    }

    public static Behavior<Object> create(StoreKeys keys, ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(new Prune(), settings.eventsPruneInterval());
            var replicator = DistributedData.get(ctx.getSystem()).replicator();
            StoreWrites writes = StoreWrites.of(ctx.getSystem(), settings.tombstoneTtl());
            return Behaviors.receiveMessage(prune -> {
                Instant cutoff = Instant.now().minus(settings.eventsTtl());
                keys.all(Event.KIND).forEach(key -> replicator.tell(new Replicator.Update<>(key, ObjectBucket.EMPTY,
                        Replicator.writeLocal(), ctx.getSystem().ignoreRef(), stored -> pruned(stored, cutoff, writes))));
                return Behaviors.same();
            });
        }));
    }

    private static ObjectBucket pruned(ObjectBucket stored, Instant cutoff, StoreWrites writes) {
        List<String> old = new ArrayList<>();
        stored.objects().forEach((id, o) -> {
            if (o instanceof Event e && (e.lastTimestamp() == null || Instant.parse(e.lastTimestamp()).isBefore(cutoff))) {
                old.add(id);
            }
        });
        ObjectBucket out = stored;
        for (String id : old) {
            out = writes.removeNow(out, id);
        }
        return out;
    }
}
