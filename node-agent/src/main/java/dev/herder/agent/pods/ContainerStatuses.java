package dev.herder.agent.pods;

import dev.herder.protocol.api.ContainerState;
import dev.herder.protocol.api.ContainerStateRunning;
import dev.herder.protocol.api.ContainerStateTerminated;
import dev.herder.protocol.api.ContainerStateWaiting;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Pod;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds a container's status in each of its states, with the kubelet's reasons and wording. Container ids are
 * passed through as given (the kubelet's form is {@code docker://<id>}); times are written as ISO-8601 instants.
 */
public final class ContainerStatuses {
    public static final String CONTAINER_CREATING = "ContainerCreating";
    public static final String ERR_IMAGE_PULL = "ErrImagePull";
    public static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
    public static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
    public static final String COMPLETED = "Completed";
    public static final String ERROR = "Error";
    public static final String OOM_KILLED = "OOMKilled";
    static final String DEFAULT_NAMESPACE = "default";
    private static final int SUCCESS = 0;

    private ContainerStatuses() {
    }

    /** Not running yet, or between runs: {@code lastTerminated} is the previous run, null before the first. */
    public static ContainerStatus waiting(String name, String image, String reason, String message, int restartCount,
            ContainerStateTerminated lastTerminated) {
        return new ContainerStatus(name, false, restartCount, image, null, null, false,
                new ContainerState(new ContainerStateWaiting(reason, message), null, null), last(lastTerminated));
    }

    /** Running since {@code startedAt}; {@code ready} is what its readiness probe (if any) says. */
    public static ContainerStatus running(String name, String image, String containerId, Instant startedAt,
            boolean ready, int restartCount, ContainerStateTerminated lastTerminated) {
        return new ContainerStatus(name, ready, restartCount, image, null, containerId, true,
                new ContainerState(null, new ContainerStateRunning(timestamp(startedAt)), null), last(lastTerminated));
    }

    /** Ended and not (yet) started again; a null {@code reason} becomes Completed or Error by the exit code. */
    public static ContainerStatus terminated(String name, String image, String containerId, int exitCode,
            String reason, String message, Instant startedAt, Instant finishedAt, int restartCount) {
        return terminated(name, image, containerId, exitCode, reason, message, startedAt, finishedAt, restartCount,
                null);
    }

    /** As {@link #terminated(String, String, String, int, String, String, Instant, Instant, int)}, after an earlier run. */
    public static ContainerStatus terminated(String name, String image, String containerId, int exitCode,
            String reason, String message, Instant startedAt, Instant finishedAt, int restartCount,
            ContainerStateTerminated lastTerminated) {
        ContainerStateTerminated now = termination(containerId, exitCode, reason, message, startedAt, finishedAt);
        return new ContainerStatus(name, false, restartCount, image, null, containerId, false,
                new ContainerState(null, null, now), last(lastTerminated));
    }

    /** Waiting out a restart back-off of {@code delay} after the run {@code lastTerminated}. */
    public static ContainerStatus crashLoopBackOff(String name, String image, Pod pod, Duration delay,
            int restartCount, ContainerStateTerminated lastTerminated) {
        return waiting(name, image, CRASH_LOOP_BACK_OFF, crashLoopBackOffMessage(name, pod, delay), restartCount,
                lastTerminated);
    }

    /** The kubelet's words: {@code back-off 20s restarting failed container=web pod=web-1_default(uid)}. */
    public static String crashLoopBackOffMessage(String containerName, Pod pod, Duration delay) {
        String namespace = pod.metadata().namespace() != null ? pod.metadata().namespace() : DEFAULT_NAMESPACE;
        return "back-off " + DurationText.format(delay) + " restarting failed container=" + containerName
                + " pod=" + pod.metadata().name() + "_" + namespace + "(" + pod.metadata().uid() + ")";
    }

    /** One ended run, for a terminated state or a later status's lastState; a null reason is derived. */
    public static ContainerStateTerminated termination(String containerId, int exitCode, String reason,
            String message, Instant startedAt, Instant finishedAt) {
        String why = reason != null ? reason : terminationReason(exitCode, false);
        return new ContainerStateTerminated(exitCode, null, why, message, timestamp(startedAt), timestamp(finishedAt),
                containerId);
    }

    /** OOMKilled when the engine says the kernel killed it for memory, else Completed for exit 0, else Error. */
    public static String terminationReason(int exitCode, boolean oomKilled) {
        if (oomKilled) {
            return OOM_KILLED;
        }
        return exitCode == SUCCESS ? COMPLETED : ERROR;
    }

    static String timestamp(Instant at) {
        return at != null ? at.toString() : null;
    }

    private static ContainerState last(ContainerStateTerminated lastTerminated) {
        return lastTerminated != null ? new ContainerState(null, null, lastTerminated) : null;
    }
}
