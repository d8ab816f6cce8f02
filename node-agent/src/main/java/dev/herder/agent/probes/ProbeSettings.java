package dev.herder.agent.probes;

import dev.herder.protocol.api.Probe;
import java.time.Duration;

/**
 * A probe's timing with Kubernetes' defaults applied: wait initialDelay after the container started, then run
 * every period, each run given at most timeout; the probe passes after successThreshold consecutive successes
 * and fails after failureThreshold consecutive failures. An unset field (null, or zero where zero makes no
 * sense) takes its default; validation has already refused negative values.
 */
public record ProbeSettings(Duration initialDelay, Duration period, Duration timeout,
                            int successThreshold, int failureThreshold) {

    static final int DEFAULT_INITIAL_DELAY_SECONDS = 0;
    static final int DEFAULT_PERIOD_SECONDS = 10;
    static final int DEFAULT_TIMEOUT_SECONDS = 1;
    static final int DEFAULT_SUCCESS_THRESHOLD = 1;
    static final int DEFAULT_FAILURE_THRESHOLD = 3;

    public ProbeSettings {
        if (initialDelay.isNegative() || !positive(period) || !positive(timeout)
                || successThreshold < 1 || failureThreshold < 1) {
            throw new IllegalArgumentException("probe timing out of range: initialDelay " + initialDelay
                    + ", period " + period + ", timeout " + timeout + ", successThreshold " + successThreshold
                    + ", failureThreshold " + failureThreshold);
        }
    }

    /** The timing of this probe, defaults filled in. */
    public static ProbeSettings of(Probe probe) {
        return new ProbeSettings(
                Duration.ofSeconds(atLeast(probe.initialDelaySeconds(), 0, DEFAULT_INITIAL_DELAY_SECONDS)),
                Duration.ofSeconds(atLeast(probe.periodSeconds(), 1, DEFAULT_PERIOD_SECONDS)),
                Duration.ofSeconds(atLeast(probe.timeoutSeconds(), 1, DEFAULT_TIMEOUT_SECONDS)),
                atLeast(probe.successThreshold(), 1, DEFAULT_SUCCESS_THRESHOLD),
                atLeast(probe.failureThreshold(), 1, DEFAULT_FAILURE_THRESHOLD));
    }

    private static boolean positive(Duration duration) {
        return !duration.isZero() && !duration.isNegative();
    }

    private static int atLeast(Integer value, int minimum, int fallback) {
        return value == null || value < minimum ? fallback : value;
    }
}
