package dev.herder.cli.options;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as kubectl does: {@code 10s}, {@code 500ms}, {@code 1m30s}, {@code 2h}; a bare number is seconds. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+");
    private static final Map<String, Duration> UNITS = Map.of(
            "ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1), "h", Duration.ofHours(1));

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value.strip();
        Duration total;
        if (BARE_SECONDS.matcher(text).matches()) {
            total = Duration.ofSeconds(Long.parseLong(text));
        } else {
            total = sumOfParts(text);
        }
        if (total.isZero() || total.isNegative()) {
            throw new TypeConversionException("'" + value + "' must be a positive duration");
        }
        return total;
    }

    private static Duration sumOfParts(String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.lookingAt()) {
            total = total.plus(UNITS.get(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
            end = m.end();
            m.region(end, text.length());
        }
        if (end == 0 || end != text.length()) {
            throw new TypeConversionException("'" + text + "' is not a duration: use e.g. 10s, 500ms, 1m30s");
        }
        return total;
    }

    /** The short form used in messages: 10s, 500ms, 1m30s. */
    public static String format(Duration d) {
        if (d.toMillisPart() != 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder s = new StringBuilder();
        if (d.toHours() > 0) {
            s.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            s.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || s.length() == 0) {
            s.append(d.toSecondsPart()).append('s');
        }
        return s.toString();
    }
}
