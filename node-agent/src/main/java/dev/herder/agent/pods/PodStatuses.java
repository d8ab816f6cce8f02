package dev.herder.agent.pods;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerStateTerminated;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod's status from its containers' statuses, like the kubelet: the phase, and the conditions Initialized,
 * Ready and ContainersReady (PodScheduled belongs to the control plane). Phases:
 * <ul>
 *   <li>Pending: a container never started (no status, or waiting without a previous run);
 *   <li>Running: all started and one runs, or all ended and one will be restarted;
 *   <li>Succeeded: all ended with exit 0 and the policy is not Always;
 *   <li>Failed: all ended, one with a non-zero exit, and the policy is Never.
 * </ul>
 */
public final class PodStatuses {
    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String INITIALIZED = "Initialized";
    public static final String READY = "Ready";
    public static final String CONTAINERS_READY = "ContainersReady";
    public static final String CONTAINERS_NOT_READY = "ContainersNotReady";
    public static final String POD_COMPLETED = "PodCompleted";
    static final String TRUE = "True";
    static final String FALSE = "False";
    private static final int SUCCESS = 0;

    private PodStatuses() {
    }

    /**
     * The status to report. A condition keeps its lastTransitionTime from {@code previous} (nullable) while its
     * status is unchanged, else takes {@code now}.
     */
    public static PodStatus of(Pod pod, List<ContainerStatus> containers, String hostIP, String podIP,
            Instant startTime, PodStatus previous, Instant now) {
        String phase = phase(pod.spec(), containers);
        List<PodCondition> conditions = conditions(pod.spec(), containers, phase, previous, now);
        return new PodStatus(phase, conditions, null, null, hostIP, podIP, ContainerStatuses.timestamp(startTime),
                List.copyOf(containers));
    }

    /** The pod's phase, counting the spec's containers the kubelet's way. */
    public static String phase(PodSpec spec, List<ContainerStatus> containers) {
        Map<String, ContainerStatus> byName = byName(containers);
        int waiting = 0;
        int running = 0;
        int stopped = 0;
        int succeeded = 0;
        for (Container c : spec.containers()) {
            ContainerStatus s = byName.get(c.name());
            ContainerStateTerminated ended = ended(s);
            if (s != null && s.state() != null && s.state().running() != null) {
                running++;
            } else if (ended != null) {
                stopped++;
                succeeded += ended.exitCode() != null && ended.exitCode() == SUCCESS ? 1 : 0;
            } else {
                waiting++;
            }
        }
        if (waiting > 0) {
            return PENDING;
        }
        if (running > 0) {
            return RUNNING;
        }
        if (stopped == 0) {
            return PENDING;
        }
        RestartPolicy policy = RestartPolicy.of(spec.restartPolicy());
        if (policy == RestartPolicy.ALWAYS) {
            return RUNNING;
        }
        if (stopped == succeeded) {
            return SUCCEEDED;
        }
        return policy == RestartPolicy.NEVER ? FAILED : RUNNING;
    }

    /** The run a container has finished: its terminated state, or its previous run while it waits to restart. */
    private static ContainerStateTerminated ended(ContainerStatus s) {
        if (s == null || s.state() == null) {
            return null;
        }
        if (s.state().terminated() != null) {
            return s.state().terminated();
        }
        if (s.state().waiting() != null && s.lastState() != null) {
            return s.lastState().terminated();
        }
        return null;
    }

    private static List<PodCondition> conditions(PodSpec spec, List<ContainerStatus> containers, String phase,
            PodStatus previous, Instant now) {
        Map<String, ContainerStatus> byName = byName(containers);
        List<String> unready = new ArrayList<>();
        for (Container c : spec.containers()) {
            ContainerStatus s = byName.get(c.name());
            if (s == null || !Boolean.TRUE.equals(s.ready())) {
                unready.add(c.name());
            }
        }
        String status = unready.isEmpty() ? TRUE : FALSE;
        String reason = unready.isEmpty() ? null : SUCCEEDED.equals(phase) ? POD_COMPLETED : CONTAINERS_NOT_READY;
        String message = CONTAINERS_NOT_READY.equals(reason)
                ? "containers with unready status: [" + String.join(" ", unready) + "]" : null;
        return List.of(
                condition(INITIALIZED, TRUE, null, null, previous, now),
                condition(READY, status, reason, message, previous, now),
                condition(CONTAINERS_READY, status, reason, message, previous, now));
    }

    private static PodCondition condition(String type, String status, String reason, String message,
            PodStatus previous, Instant now) {
        String since = ContainerStatuses.timestamp(now);
        if (previous != null && previous.conditions() != null) {
            for (PodCondition p : previous.conditions()) {
                if (type.equals(p.type()) && status.equals(p.status()) && p.lastTransitionTime() != null) {
                    since = p.lastTransitionTime();
                }
            }
        }
        return new PodCondition(type, status, reason, message, null, since);
    }

    private static Map<String, ContainerStatus> byName(List<ContainerStatus> containers) {
        Map<String, ContainerStatus> byName = new HashMap<>();
        for (ContainerStatus s : containers) {
            byName.put(s.name(), s);
        }
        return byName;
    }
}
