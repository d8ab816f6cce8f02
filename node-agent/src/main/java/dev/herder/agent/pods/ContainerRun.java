package dev.herder.agent.pods;

import dev.herder.agent.probes.ProbeSettings;
import dev.herder.agent.probes.ProbeTracker;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerStateTerminated;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Probe;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** One container's life in a pod, as its PodWorker keeps it; touched only by that actor. */
final class ContainerRun {

    final Container container;
    String containerId;
    /** An instance to remove before the next one is made (one that never started, or the one kept before). */
    String deadContainerId;
    /** The last instance that ended, kept (stopped) for logs of the previous instance, as the kubelet keeps one. */
    String keptContainerId;
    RestartHistory history = RestartHistory.NONE;
    ContainerStateTerminated lastTerminated;
    ContainerStatus status;
    Instant failedAt = Instant.EPOCH;
    Instant notBefore = Instant.EPOCH;
    Instant finished;
    int pullFailures;
    boolean busy;
    String probedContainer;
    boolean startupSucceeded;
    /** Why the current container's postStart hook failed (it was stopped for it); shown when it has ended. */
    String hookFailure;
    final Map<ProbeTracker.Kind, ProbeTracker> trackers = new EnumMap<>(ProbeTracker.Kind.class);
    final Set<ProbeTracker.Kind> probing = EnumSet.noneOf(ProbeTracker.Kind.class);

    ContainerRun(Container container) {
        this.container = container;
    }

    /** A new container started: its probes start afresh (readiness not passing, the others not failed). */
    void resetProbes(String containerId) {
        probedContainer = containerId;
        startupSucceeded = false;
        trackers.clear();
        probing.clear();
        for (ProbeTracker.Kind kind : ProbeTracker.Kind.values()) {
            Probe probe = probeOf(container, kind);
            if (probe != null) {
                trackers.put(kind, ProbeTracker.start(kind, ProbeSettings.of(probe)));
            }
        }
    }

    /** A startup probe is defined and has not succeeded yet: the other probes wait. */
    boolean startupPending() {
        return trackers.containsKey(ProbeTracker.Kind.STARTUP) && !startupSucceeded;
    }

    /** Ready when its readiness probe passes (or it has none) and its startup probe, if any, has passed. */
    boolean ready() {
        ProbeTracker readiness = trackers.get(ProbeTracker.Kind.READINESS);
        return !startupPending() && (readiness == null || readiness.passing());
    }

    static Probe probeOf(Container c, ProbeTracker.Kind kind) {
        return switch (kind) {
            case LIVENESS -> c.livenessProbe();
            case READINESS -> c.readinessProbe();
            case STARTUP -> c.startupProbe();
        };
    }
}
