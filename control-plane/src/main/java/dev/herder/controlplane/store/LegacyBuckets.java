package dev.herder.controlplane.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.ddata.DistributedData;
import org.apache.pekko.cluster.ddata.Replicator;
import org.apache.pekko.pattern.Patterns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so when a data folder holds objects an earlier Herder stored (LWWMaps named {@code <kind>-<n>}), which this
 * version does not read: the objects are left where they are, and the operator learns why the cluster looks empty.
 */
public final class LegacyBuckets {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyBuckets.class);
    private static final Pattern LEGACY = Pattern.compile("(pod|node|replicationcontroller|service|event|endpoints)-\\d+");
    /** The replicator answers once it has loaded the durable store, which may take a while for a big one. */
    private static final Duration LOAD_WITHIN = Duration.ofMinutes(5);

    private LegacyBuckets() {
    }

    /** The keys of an earlier layout among these key ids. */
    static List<String> legacy(Collection<String> keyIds) {
        return keyIds.stream().filter(id -> LEGACY.matcher(id).matches()).sorted().toList();
    }

    /** Asks this node's replica for its keys and logs an error naming the folder's old buckets, if any. */
    public static void warnIfAny(ActorSystem<?> system, String dataDir) {
        var replicator = DistributedData.get(Adapter.toClassic(system)).replicator();
        Patterns.ask(replicator, Replicator.GetKeyIds$.MODULE$, LOAD_WITHIN).whenComplete((rsp, failure) -> {
            if (rsp instanceof Replicator.GetKeyIdsResult result) {
                List<String> old = legacy(result.getKeyIds());
                if (!old.isEmpty()) {
                    LOG.error("{} holds {} buckets written by an earlier Herder ({}, ...) in a layout this version does not"
                            + " read: the objects in them are not shown or run. Apply the manifests again, or start"
                            + " with an empty data folder; the old buckets are left untouched.", dataDir, old.size(),
                            old.get(0));
                }
            }
        });
    }
}
