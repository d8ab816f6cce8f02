package dev.herder.controlplane.master;

import dev.herder.controlplane.pods.PodTransitions;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.protocol.api.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The Master's writes of pods, straight to the store and each guarded on the version the Master's view has:
 * a bind (all of a scheduling pass's in one commit, which the store sends as few transactions), an unschedulable
 * condition, a NodeLost failure, a delete of an orphan. A pod that changed meanwhile is a conflict, never an
 * overwrite: the watch brings the newer pod, and the next pass decides again.
 */
final class PodWriter {
    private final ObjectStore store;

    PodWriter(ObjectStore store) {
        this.store = store;
    }

    /** One pod and the node chosen for it. */
    record Bind(Pod pod, String nodeName) {
    }

    /** Binds each pod to its node; one result per bind, in order (Stored holds the bound pod). */
    CompletionStage<List<Result>> bind(List<Bind> binds, Instant now) {
        List<Change> changes = new ArrayList<>(binds.size());
        for (Bind b : binds) {
            changes.add(new Change.Update(PodTransitions.bound(b.pod(), b.nodeName(), now).orElse(b.pod())));
        }
        return store.commit(changes);
    }

    void markUnschedulable(Pod pod, String message, Instant now) {
        PodTransitions.unschedulable(pod, message, now).ifPresent(p -> store.commit(new Change.Update(p)));
    }

    void markFailed(Pod pod, String reason, String message, Instant now) {
        PodTransitions.failed(pod, reason, message, now).ifPresent(p -> store.commit(new Change.Update(p)));
    }

    void delete(Pod pod) {
        store.commit(new Change.Delete(pod));
    }
}
