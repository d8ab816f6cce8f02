package dev.herder.controlplane.events;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
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
            SelfUniqueAddress self = DistributedData.get(ctx.getSystem()).selfUniqueAddress();
            return Behaviors.receiveMessage(prune -> {
                Instant cutoff = Instant.now().minus(settings.eventsTtl());
                keys.all(Event.KIND).forEach(key -> replicator.tell(new Replicator.Update<>(key, LWWMap.create(),
                        Replicator.writeLocal(), ctx.getSystem().ignoreRef(), stored -> pruned(stored, cutoff, self))));
                return Behaviors.same();
            });
        }));
    }

    private static LWWMap<String, ApiObject> pruned(LWWMap<String, ApiObject> stored, Instant cutoff,
                                                    SelfUniqueAddress self) {
        List<String> old = new ArrayList<>();
        stored.getEntries().forEach((id, o) -> {
            if (o instanceof Event e && (e.lastTimestamp() == null || Instant.parse(e.lastTimestamp()).isBefore(cutoff))) {
                old.add(id);
            }
        });
        LWWMap<String, ApiObject> out = stored;
        for (String id : old) {
            out = out.remove(self, id);
        }
        return out;
    }
}
