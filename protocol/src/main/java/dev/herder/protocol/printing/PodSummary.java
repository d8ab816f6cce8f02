package dev.herder.protocol.printing;

import dev.herder.protocol.api.ContainerState;
import dev.herder.protocol.api.ContainerStateTerminated;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodStatus;
import java.util.List;

/** What kubectl shows of a pod in one word and a few numbers. */
public final class PodSummary {
    public static final String PENDING = "Pending";
    static final String TERMINATING = "Terminating";
    static final String NODE_LOST = "NodeLost";
    static final String UNKNOWN = "Unknown";

    private PodSummary() {
    }

    /**
     * The STATUS column, as kubectl computes it: the pod's reason, else its phase; a container that is waiting
     * or has ended with a reason (ErrImagePull, CrashLoopBackOff, Completed, Error...) shows that reason
     * instead; a pod being deleted is Terminating.
     */
    public static String status(Pod pod) {
        PodStatus status = pod.status();
        String word = status == null || status.phase() == null ? PENDING : status.phase();
        if (status != null && status.reason() != null && !status.reason().isEmpty()) {
            word = status.reason();
        }
        for (ContainerStatus container : containerStatuses(pod)) {
            String containerWord = containerReason(container.state());
            if (containerWord != null) {
                word = containerWord;
            }
        }
        if (pod.metadata().deletionTimestamp() != null) {
            word = status != null && NODE_LOST.equals(status.reason()) ? UNKNOWN : TERMINATING;
        }
        return word;
    }

    public static int readyContainers(Pod pod) {
        return (int) containerStatuses(pod).stream().filter(c -> Boolean.TRUE.equals(c.ready())).count();
    }

    public static int containerCount(Pod pod) {
        return pod.spec() == null ? 0 : Cells.orEmpty(pod.spec().containers()).size();
    }

    public static int restarts(Pod pod) {
        return containerStatuses(pod).stream().mapToInt(c -> Cells.orZero(c.restartCount())).sum();
    }

    static List<ContainerStatus> containerStatuses(Pod pod) {
        return pod.status() == null ? List.of() : Cells.orEmpty(pod.status().containerStatuses());
    }

    private static String containerReason(ContainerState state) {
        if (state == null) {
            return null;
        }
        if (state.waiting() != null && notEmpty(state.waiting().reason())) {
            return state.waiting().reason();
        }
        ContainerStateTerminated ended = state.terminated();
        if (ended == null) {
            return null;
        }
        if (notEmpty(ended.reason())) {
            return ended.reason();
        }
        return Cells.orZero(ended.signal()) != 0 ? "Signal:" + ended.signal() : "ExitCode:" + Cells.orZero(ended.exitCode());
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
