package dev.herder.agent.pods;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether and when a container that ended is started again, like the kubelet: the restart policy decides
 * whether (Always: any exit; OnFailure: non-zero; Never: none), the {@link BackoffPolicy} decides when (first
 * restart immediate, then initial, doubling up to max, immediate again after a run of at least resetAfter).
 */
public final class RestartBackoff {
    private static final int DOUBLING = 2;

    private RestartBackoff() {
    }

    /** What to do with an ended container. */
    public sealed interface Decision permits RestartAfter, GiveUp {
    }

    /** Start the container again once {@code delay} has passed (zero: at once). */
    public record RestartAfter(Duration delay) implements Decision {
    }

    /** Leave the container terminated; {@code reason} is its termination reason (Completed, Error). */
    public record GiveUp(String reason) implements Decision {
    }

    /**
     * The decision for a container whose latest run, recorded in {@code history}, ended with {@code lastExitCode}.
     * {@code now} stands in for the end of the run when history has none. An unknown restartPolicy throws.
     */
    public static Decision next(RestartHistory history, String restartPolicy, int lastExitCode, Instant now,
            BackoffPolicy policy) {
        if (!RestartPolicy.of(restartPolicy).restartsAfter(lastExitCode)) {
            return new GiveUp(ContainerStatuses.terminationReason(lastExitCode, false));
        }
        return new RestartAfter(delay(history, now, policy));
    }

    private static Duration delay(RestartHistory history, Instant now, BackoffPolicy policy) {
        boolean ranLongEnough = history.ranFor(now).map(d -> d.compareTo(policy.resetAfter()) >= 0).orElse(false);
        if (history.restartCount() == 0 || ranLongEnough) {
            return Duration.ZERO;
        }
        if (history.lastDelay().isZero()) {
            return policy.initial();
        }
        Duration doubled = history.lastDelay().multipliedBy(DOUBLING);
        return min(max(doubled, policy.initial()), policy.max());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
