package dev.herder.controlplane.objects;

import java.time.Instant;

/**
 * resourceVersion values: a hybrid clock, the larger of the previous version plus one and the current
 * time in microseconds. Versions of one object only grow, also across a failover or a delete and re-create,
 * and versions of different objects written at about the same time sort by time.
 */
public final class Versions {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private Versions() {
    }

    public static String next(String previous, Instant now) {
        long nowMicros = now.getEpochSecond() * MICROS_PER_SECOND + now.getNano() / NANOS_PER_MICRO;
        return Long.toString(Math.max(parse(previous) + 1, nowMicros));
    }

    /** The numeric value of a version; 0 for none. */
    public static long parse(String version) {
        if (version == null || version.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
