package dev.herder.agent.pods;

import dev.herder.protocol.api.Pod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a PodWorker waits before restarting a container that ended: the first restart is immediate, the
 * next waits {@code initial}, each further one twice as long up to {@code max}; a container that had run for
 * {@code resetAfter} before it ended starts over with an immediate restart.
 *
 * <p>A pod may override any of the three with the annotation {@value #ANNOTATION}, for example
 * {@code initial=2s,max=1m,reset=5m}. A key given alone wins over a default it contradicts: {@code initial=10m}
 * under a 5 minute default max raises max to 10 minutes, {@code max=1s} lowers initial to 1 second.
 */
public record BackoffPolicy(Duration initial, Duration max, Duration resetAfter) {
    public static final String ANNOTATION = "herder.dev/restart-backoff";
    /** The kubelet's: 10 s, doubling to 5 min, reset after 10 min of running. */
    public static final BackoffPolicy KUBELET_DEFAULTS =
            new BackoffPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10));

    static final String INITIAL = "initial";
    static final String MAX = "max";
    static final String RESET = "reset";
    static final String EXPECTED = "expected a comma-separated list of any of initial=, max= and reset=, each a"
            + " duration like 500ms, 10s, 5m or 1h, e.g. initial=2s,max=1m,reset=5m";

    public BackoffPolicy {
        requirePositive(INITIAL, initial);
        requirePositive(MAX, max);
        requirePositive(RESET, resetAfter);
        if (initial.compareTo(max) > 0) {
            throw new IllegalArgumentException("initial back-off " + DurationText.format(initial)
                    + " is longer than max " + DurationText.format(max));
        }
    }

    /** The pod's policy: {@code defaults}, overridden by the pod's annotation; a malformed one throws, naming it. */
    public static BackoffPolicy of(Pod pod, BackoffPolicy defaults) {
        String value = annotation(pod);
        if (value == null) {
            return defaults;
        }
        Parsed parsed = parse(value);
        if (parsed.problem() != null) {
            throw new IllegalArgumentException(parsed.problem());
        }
        Map<String, Duration> given = parsed.values();
        Duration initial = given.getOrDefault(INITIAL, defaults.initial());
        Duration max = given.getOrDefault(MAX, defaults.max());
        if (initial.compareTo(max) > 0) {
            if (given.containsKey(MAX)) {
                initial = max;
            } else {
                max = initial;
            }
        }
        return new BackoffPolicy(initial, max, given.getOrDefault(RESET, defaults.resetAfter()));
    }

    /** What is wrong with an annotation value, in words naming the annotation, the bad part and the expected form. */
    public static Optional<String> problem(String annotationValue) {
        return Optional.ofNullable(parse(annotationValue).problem());
    }

    private static String annotation(Pod pod) {
        if (pod.metadata() == null || pod.metadata().annotations() == null) {
            return null;
        }
        return pod.metadata().annotations().get(ANNOTATION);
    }

    private record Parsed(Map<String, Duration> values, String problem) {
    }

    private static Parsed parse(String value) {
        if (value == null || value.isBlank()) {
            return failed("annotation " + ANNOTATION + " is empty; " + EXPECTED);
        }
        Map<String, Duration> values = new HashMap<>();
        for (String raw : value.split(",", -1)) {
            String part = raw.strip();
            String bad = badPart(part, values);
            if (bad != null) {
                return failed("annotation " + ANNOTATION + " has a bad part \"" + part + "\" (" + bad + "); " + EXPECTED);
            }
        }
        if (values.containsKey(INITIAL) && values.containsKey(MAX) && values.get(INITIAL).compareTo(values.get(MAX)) > 0) {
            return failed("annotation " + ANNOTATION + " has initial longer than max in \"" + value.strip()
                    + "\"; " + EXPECTED);
        }
        return new Parsed(values, null);
    }

    /** Why {@code part} is not a {@code key=duration} that can join {@code values}, or null after adding it. */
    private static String badPart(String part, Map<String, Duration> values) {
        int eq = part.indexOf('=');
        if (eq < 0) {
            return part.isEmpty() ? "nothing between commas" : "not key=duration";
        }
        String key = part.substring(0, eq).strip();
        String text = part.substring(eq + 1).strip();
        if (!key.equals(INITIAL) && !key.equals(MAX) && !key.equals(RESET)) {
            return "unknown key \"" + key + "\"";
        }
        if (values.containsKey(key)) {
            return key + " is given twice";
        }
        Optional<Duration> duration = DurationText.parse(text);
        if (duration.isEmpty()) {
            return "\"" + text + "\" is not a duration";
        }
        if (duration.get().isZero()) {
            return key + " must be longer than zero";
        }
        values.put(key, duration.get());
        return null;
    }

    private static Parsed failed(String problem) {
        return new Parsed(Map.of(), problem);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " back-off must be longer than zero, not " + d);
        }
    }
}
