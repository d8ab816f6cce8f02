package dev.herder.controlplane;

import com.typesafe.config.Config;
import java.time.Duration;

/** The herder.control-plane section of the config, read once. Every key is documented in reference.conf. */
public record ControlPlaneSettings(
        int storeBuckets,
        java.util.Map<String, Integer> storeBucketsOfKind,
        Duration tombstoneTtl,
        Duration writeTimeout,
        Duration readTimeout,
        Duration askTimeout,
        Duration nodeNotReadyAfter,
        Duration nodeCheckInterval,
        Duration podEvictionTimeout,
        Duration scheduleDebounce,
        Duration feedInterval,
        Duration feedIntervalPerPod,
        Duration assignmentResync,
        int maxBindsInFlight,
        Duration eventsTtl,
        Duration eventsFlushInterval,
        Duration eventsPruneInterval,
        int eventsMaxPending,
        String nodePortRange) {

    private static java.util.Map<String, Integer> bucketsOfKind(Config c) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        c.root().keySet().forEach(kind -> out.put(kind, c.getInt(kind)));
        return out;
    }

    public static ControlPlaneSettings from(Config root) {
        Config c = root.getConfig("herder.control-plane");
        return new ControlPlaneSettings(
                c.getInt("store.buckets"),
                bucketsOfKind(c.getConfig("store.buckets-of-kind")),
                c.getDuration("store.tombstone-ttl"),
                c.getDuration("store.write-timeout"),
                c.getDuration("store.read-timeout"),
                c.getDuration("ask-timeout"),
                c.getDuration("nodes.not-ready-after"),
                c.getDuration("nodes.check-interval"),
                c.getDuration("nodes.pod-eviction-timeout"),
                c.getDuration("scheduler.debounce"),
                c.getDuration("scheduler.feed-interval"),
                c.getDuration("scheduler.feed-interval-per-pod"),
                c.getDuration("scheduler.assignment-resync"),
                c.getInt("scheduler.max-binds-in-flight"),
                c.getDuration("events.ttl"),
                c.getDuration("events.flush-interval"),
                c.getDuration("events.prune-interval"),
                c.getInt("events.max-pending"),
                c.getString("services.node-port-range"));
    }
}
