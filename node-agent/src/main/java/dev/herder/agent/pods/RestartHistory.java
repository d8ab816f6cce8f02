package dev.herder.agent.pods;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one container's restarts have been so far; a PodWorker keeps one per container and replaces it as the
 * container starts, ends and is restarted:
 *
 * <pre>
 *   NONE ──started(t)──▶ running ──finished(t)──▶ ended ──RestartBackoff.next──▶ RestartAfter(d)
 *                           ▲                                                         │
 *                           └──────────── afterRestart(d, t) when it starts again ────┘
 * </pre>
 *
 * @param restartCount   how many times the container has been started again (its status's restartCount)
 * @param lastDelay      the back-off waited before the latest restart; zero before the first and after a reset
 * @param lastStartedAt  when the current (or latest) run started; null if unknown
 * @param lastFinishedAt when that run ended; null while it runs
 */
public record RestartHistory(int restartCount, Duration lastDelay, Instant lastStartedAt, Instant lastFinishedAt) {
    /** A container never started yet. */
    public static final RestartHistory NONE = new RestartHistory(0, Duration.ZERO, null, null);

    public RestartHistory {
        if (restartCount < 0) {
            throw new IllegalArgumentException("restartCount must not be negative: " + restartCount);
        }
        Objects.requireNonNull(lastDelay, "lastDelay");
        if (lastDelay.isNegative()) {
            throw new IllegalArgumentException("lastDelay must not be negative: " + lastDelay);
        }
    }

    /** A running container the agent found after its own restart, with the count from the container's labels. */
    public static RestartHistory adopted(int restartCount, Instant startedAt) {
        return new RestartHistory(restartCount, Duration.ZERO, startedAt, null);
    }

    /** The container's first run started (restarts go through {@link #afterRestart}). */
    public RestartHistory started(Instant at) {
        return new RestartHistory(restartCount, lastDelay, at, null);
    }

    /** The current run ended. */
    public RestartHistory finished(Instant at) {
        return new RestartHistory(restartCount, lastDelay, lastStartedAt, at);
    }

    /** The container was started again at {@code startedAt} after waiting {@code delay}. */
    public RestartHistory afterRestart(Duration delay, Instant startedAt) {
        return new RestartHistory(restartCount + 1, delay, startedAt, null);
    }

    /** How long the latest run lasted (up to {@code now} if it has not ended); empty when its start is unknown. */
    public Optional<Duration> ranFor(Instant now) {
        if (lastStartedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(lastStartedAt, lastFinishedAt != null ? lastFinishedAt : now));
    }
}
