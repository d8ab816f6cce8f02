package dev.herder.controlplane.pods;

import dev.herder.protocol.api.Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Graceful deletion of a pod, as Kubernetes does it: a pod running on a node is not removed by a delete but marked
 * Terminating (metadata.deletionTimestamp: the moment its grace period ends), and removed once its agent has
 * stopped it (preStop hooks, SIGTERM, SIGKILL at the deadline). Pure: it says what a delete does to the pod.
 *
 * <pre>
 *   delete --(not bound, ended, or grace 0)--------------------------------> removed at once
 *   delete --(bound, running)--> Terminating --(agent: stopped)------------> removed
 *                                    |  --(node lost, deadline passed)-----> removed by the Master
 *                                    '--(delete with an earlier deadline)--> Terminating, deadline moved up
 * </pre>
 */
public final class PodDeletion {
    /** The grace period of a pod whose spec names none (Kubernetes' default). */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    /** What a delete does. */
    public sealed interface Decision {
    }

    /** Remove the pod from the store now. */
    public record RemoveNow() implements Decision {
    }

    /** Write the pod Terminating, deleted by this deadline. */
    public record MarkTerminating(Pod pod) implements Decision {
    }

    /** The pod is Terminating already, with a deadline no later than this delete asks: nothing to write. */
    public record AlreadyTerminating() implements Decision {
    }

    private PodDeletion() {
    }

    /**
     * What deleting the pod now does, given the grace period the delete asks for (null: the pod's own). Negative
     * grace periods are refused before this (the API validates them).
     */
    public static Decision decide(Pod pod, Long gracePeriodSeconds, Instant now) {
        long grace = gracePeriodSeconds != null ? gracePeriodSeconds
                : pod.spec().terminationGracePeriodSeconds() != null ? pod.spec().terminationGracePeriodSeconds()
                : DEFAULT_GRACE.toSeconds();
        if (grace == 0 || pod.spec().nodeName() == null || PodTransitions.ended(pod)) {
            // nothing runs that could be stopped gracefully: an unbound pod has no containers, an ended one's
            // have stopped (its agent removes them when the pod goes)
            return new RemoveNow();
        }
        // whole seconds, as Kubernetes writes times, rounded up: the pod never gets less than its grace period
        Instant exact = now.plusSeconds(grace);
        Instant deadline = exact.truncatedTo(ChronoUnit.SECONDS);
        if (deadline.isBefore(exact)) {
            deadline = deadline.plusSeconds(1);
        }
        Instant current = deadline(pod);
        if (current != null && !deadline.isBefore(current)) {
            return new AlreadyTerminating();
        }
        return new MarkTerminating((Pod) pod.withMetadata(pod.metadata().withDeletionTimestamp(deadline.toString())));
    }

    /** When a Terminating pod's grace period ends; null when it is not being deleted (or the time is unreadable). */
    public static Instant deadline(Pod pod) {
        String at = pod.metadata().deletionTimestamp();
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** How much of a Terminating pod's grace period is left at now (zero once it has passed). */
    public static Duration graceLeft(Pod pod, Instant now) {
        Instant deadline = deadline(pod);
        if (deadline == null || !deadline.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, deadline);
    }
}
