package dev.herder.cli.describe;

import dev.herder.protocol.api.ContainerState;
import dev.herder.protocol.api.ContainerStateTerminated;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container state as describe shows it: one word, then its details. */
final class ContainerStates {
    private ContainerStates() {
    }

    static boolean isEmpty(ContainerState s) {
        return s.waiting() == null && s.running() == null && s.terminated() == null;
    }

    static String word(ContainerState s) {
        if (s == null || isEmpty(s)) {
            return "Waiting";
        }
        if (s.running() != null) {
            return "Running";
        }
        return s.terminated() != null ? "Terminated" : "Waiting";
    }

    static Map<String, Object> details(ContainerState s) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (s == null) {
            return details;
        }
        if (s.running() != null) {
            putIfSet(details, "Started", s.running().startedAt());
        } else if (s.terminated() != null) {
            ContainerStateTerminated t = s.terminated();
            putIfSet(details, "Reason", t.reason());
            putIfSet(details, "Message", t.message());
            putIfSet(details, "Exit Code", t.exitCode());
            putIfSet(details, "Signal", t.signal());
            putIfSet(details, "Started", t.startedAt());
            putIfSet(details, "Finished", t.finishedAt());
        } else if (s.waiting() != null) {
            putIfSet(details, "Reason", s.waiting().reason());
            putIfSet(details, "Message", s.waiting().message());
        }
        return details;
    }

    private static void putIfSet(Map<String, Object> details, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            details.put(key, value);
        }
    }
}
