package dev.herder.agent.pods;

/**
 * Where a pod's worker records what it does to the pod's containers, as the kubelet records events: Pulled,
 * Created, Started, Killing (Normal); Failed, BackOff, Unhealthy, FailedPostStartHook (Warning).
 */
@FunctionalInterface
public interface PodEvents {
    String NORMAL = "Normal";
    String WARNING = "Warning";

    /** @param container the container it is about, or null for the pod as a whole */
    void record(String container, String type, String reason, String message);

    /** Records nothing. */
    PodEvents NONE = (container, type, reason, message) -> {
    };
}
