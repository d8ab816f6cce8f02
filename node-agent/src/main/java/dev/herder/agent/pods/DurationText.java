package dev.herder.agent.pods;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}) and as the kubelet prints them. */
final class DurationText {
    /** A whole number of one unit; nine digits keep every value far from overflow. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final int MILLIS_DIGITS = 3;

    private DurationText() {
    }

    /** The duration {@code text} names, or empty when it is not one number followed by ms, s, m or h. */
    static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** Go's {@code time.Duration.String()} to millisecond precision: {@code 0s}, {@code 500ms}, {@code 20s}, {@code 1m20s}, {@code 5m0s}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.compareTo(ONE_SECOND) < 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder b = new StringBuilder();
        long hours = d.toHours();
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (hours > 0 || d.toMinutesPart() > 0) {
            b.append(d.toMinutesPart()).append('m');
        }
        b.append(d.toSecondsPart());
        if (d.toMillisPart() > 0) {
            String millis = String.format("%0" + MILLIS_DIGITS + "d", d.toMillisPart());
            b.append('.').append(millis.replaceAll("0+$", ""));
        }
        return b.append('s').toString();
    }
}
