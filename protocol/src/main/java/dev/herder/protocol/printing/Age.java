package dev.herder.protocol.printing;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** kubectl's AGE column: a rough, short duration (45s, 3m20s, 17m, 5h12m, 3d4h, 400d, 2y10d). */
public final class Age {
    public static final String UNKNOWN = "<unknown>";
    private static final String INVALID = "<invalid>";
    /** Clocks of two machines may differ a little: an age this far below zero still reads 0s. */
    private static final long TOLERATED_SKEW_SECONDS = -1;
    private static final long SECONDS_ONLY_BELOW_MINUTES = 2;
    private static final long MINUTES_AND_SECONDS_BELOW_MINUTES = 10;
    private static final long MINUTES_ONLY_BELOW_HOURS = 3;
    private static final long HOURS_AND_MINUTES_BELOW_HOURS = 8;
    private static final long HOURS_ONLY_BELOW_DAYS = 2;
    private static final long DAYS_AND_HOURS_BELOW_DAYS = 8;
    private static final long DAYS_PER_YEAR = 365;
    private static final long DAYS_ONLY_BELOW_YEARS = 2;
    private static final long YEARS_AND_DAYS_BELOW_YEARS = 8;

    private Age() {
    }

    /** The age of something created at {@code timestamp} (RFC 3339), seen at {@code now}. */
    public static String since(String timestamp, Instant now) {
        if (timestamp == null || timestamp.isBlank()) {
            return UNKNOWN;
        }
        try {
            return human(Duration.between(OffsetDateTime.parse(timestamp).toInstant(), now));
        } catch (DateTimeParseException e) {
            return UNKNOWN;
        }
    }

    public static String human(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < TOLERATED_SKEW_SECONDS) {
            return INVALID;
        }
        if (seconds < 0) {
            return "0s";
        }
        if (age.toMinutes() < SECONDS_ONLY_BELOW_MINUTES) {
            return seconds + "s";
        }
        if (age.toMinutes() < MINUTES_AND_SECONDS_BELOW_MINUTES) {
            return pair(age.toMinutes(), "m", age.toSecondsPart(), "s");
        }
        if (age.toHours() < MINUTES_ONLY_BELOW_HOURS) {
            return age.toMinutes() + "m";
        }
        if (age.toHours() < HOURS_AND_MINUTES_BELOW_HOURS) {
            return pair(age.toHours(), "h", age.toMinutesPart(), "m");
        }
        if (age.toDays() < HOURS_ONLY_BELOW_DAYS) {
            return age.toHours() + "h";
        }
        if (age.toDays() < DAYS_AND_HOURS_BELOW_DAYS) {
            return pair(age.toDays(), "d", age.toHoursPart(), "h");
        }
        long years = age.toDays() / DAYS_PER_YEAR;
        if (years < DAYS_ONLY_BELOW_YEARS) {
            return age.toDays() + "d";
        }
        if (years < YEARS_AND_DAYS_BELOW_YEARS) {
            return pair(years, "y", age.toDays() % DAYS_PER_YEAR, "d");
        }
        return years + "y";
    }

    private static String pair(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
    }
}
