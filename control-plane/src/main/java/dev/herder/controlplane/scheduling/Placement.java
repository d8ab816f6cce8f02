package dev.herder.controlplane.scheduling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The scheduler's decision for one pod: {@link Placed} on a node, or {@link Unschedulable} with why. */
public sealed interface Placement {

    /** The pod should be bound to {@code nodeName}. */
    record Placed(String nodeName) implements Placement {
        public Placed {
            Objects.requireNonNull(nodeName, "nodeName");
        }
    }

    /**
     * No node fits. {@code message} is for users, e.g.
     * {@code 0/3 nodes available: 2 insufficient cpu, 1 not ready}; {@code reasons} maps each reason to
     * the number of nodes that failed on it first, in the message's order (count descending, then name).
     */
    record Unschedulable(String message, Map<String, Integer> reasons) implements Placement {
        public Unschedulable {
            Objects.requireNonNull(message, "message");
            reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        }
    }
}
