package dev.herder.controlplane;

import com.typesafe.config.Config;
import java.time.Duration;

/** The herder.control-plane section of the config, read once. Every key is documented in reference.conf. */
public record ControlPlaneSettings(
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
        Duration eventsLeaseReuse,
        Duration eventsFlushInterval,
        int eventsMaxPending,
        String nodePortRange) {

    public static ControlPlaneSettings from(Config root) {
        Config c = root.getConfig("herder.control-plane");
        return new ControlPlaneSettings(
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
                c.getDuration("events.lease-reuse"),
                c.getDuration("events.flush-interval"),
                c.getInt("events.max-pending"),
                c.getString("services.node-port-range"));
    }
}
