package dev.herder.agent.probes;

import java.time.Instant;

/**
 * The state of one probe of one container, as the kubelet's probe worker keeps it: immutable, each run's
 * result giving the next tracker. The probe is passing or not; it turns after failureThreshold consecutive
 * failures or successThreshold consecutive successes, and stays as it is in between.
 *
 * <pre>
 *   readiness starts here               liveness and startup start here
 *          │                                      │
 *          ▼      successThreshold successes      ▼
 *   ┌─────────────┐ ─────────────────────▶ ┌─────────────┐
 *   │ not passing │                        │   passing   │
 *   └─────────────┘ ◀───────────────────── └─────────────┘
 *                   failureThreshold failures
 * </pre>
 *
 * When it runs: not before initialDelay after the container started, then every period, measured from the
 * start of one run to the start of the next. A container that is restarted gets a new tracker; a startup
 * probe that passes is not run again.
 */
public final class ProbeTracker {

    /** Which probe this is; it decides the state before the first verdict. */
    public enum Kind {
        /** Starts passing (not failed); failing restarts the container. */
        LIVENESS(true),
        /** Starts not passing (not ready); passing puts the pod behind its services. */
        READINESS(false),
        /** Starts passing (not failed); failing restarts the container, passing ends it. */
        STARTUP(true);

        private final boolean initiallyPassing;

        Kind(boolean initiallyPassing) {
            this.initiallyPassing = initiallyPassing;
        }
    }

    private final ProbeSettings settings;
    private final boolean passing;
    private final Boolean lastResult;
    private final int run;
    private final Instant lastRunAt;
    private final boolean flipped;

    private ProbeTracker(ProbeSettings settings, boolean passing, Boolean lastResult, int run, Instant lastRunAt,
                         boolean flipped) {
        this.settings = settings;
        this.passing = passing;
        this.lastResult = lastResult;
        this.run = run;
        this.lastRunAt = lastRunAt;
        this.flipped = flipped;
    }

    /** A probe of a container that has just started, before any run. */
    public static ProbeTracker start(Kind kind, ProbeSettings settings) {
        return new ProbeTracker(settings, kind.initiallyPassing, null, 0, null, false);
    }

    /** The tracker once the run that started at ranAt gave this result. */
    public ProbeTracker after(ProbeResult result, Instant ranAt) {
        boolean success = result.success();
        int nextRun = lastResult != null && lastResult == success ? run + 1 : 1;
        int threshold = success ? settings.successThreshold() : settings.failureThreshold();
        boolean nextPassing = nextRun >= threshold ? success : passing;
        return new ProbeTracker(settings, nextPassing, success, nextRun, ranAt, nextPassing != passing);
    }

    /** Passing: ready for readiness, not failed for liveness and startup. */
    public boolean passing() {
        return passing;
    }

    /** Whether the last result turned the probe (to passing or to failed). */
    public boolean flipped() {
        return flipped;
    }

    /** How many runs in a row, up to the last, gave the last result; 0 before the first run. */
    public int consecutive() {
        return run;
    }

    public ProbeSettings settings() {
        return settings;
    }

    /** Whether initialDelay has passed since the container started. */
    public boolean initialDelayPassed(Instant now, Instant containerStartedAt) {
        return !now.isBefore(containerStartedAt.plus(settings.initialDelay()));
    }

    /** When the next run is due: after the initial delay, and one period after the last run started. */
    public Instant nextRunAt(Instant containerStartedAt) {
        Instant afterDelay = containerStartedAt.plus(settings.initialDelay());
        if (lastRunAt == null) {
            return afterDelay;
        }
        Instant afterPeriod = lastRunAt.plus(settings.period());
        return afterPeriod.isAfter(afterDelay) ? afterPeriod : afterDelay;
    }

    /** Whether the probe should run now. */
    public boolean due(Instant now, Instant containerStartedAt) {
        return !now.isBefore(nextRunAt(containerStartedAt));
    }

    @Override
    public String toString() {
        return "ProbeTracker[passing=" + passing + ", last=" + lastResult + " x" + run + ", lastRunAt=" + lastRunAt
                + ", flipped=" + flipped + "]";
    }
}
