package dev.herder.controlplane.controllers;

import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.api.RolloutState;
import dev.herder.protocol.api.TemplateRevision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a controller's rollout stands, moved on at each look at its pods. Pure. A new template hash starts a
 * new revision (kept in the history for {@code rollout undo}); an update that brings more pods updated or
 * available is progress; no progress for progressDeadlineSeconds (paused time not counted) fails the rollout,
 * and with autoRollback the previous revision's template is put back, once: a rollback that fails stays
 * failed.
 *
 * @param status     the status to record
 * @param rollbackTo the template to put back in the spec (an automatic rollback), or null
 */
public record RolloutTracker(ReplicationControllerStatus status, PodTemplateSpec rollbackTo) {

    /**
     * @param rc     the controller as stored (its status is the previous look)
     * @param counts this look's counts (replicas, ready, available, updated), without rollout or history
     */
    public static RolloutTracker next(ReplicationController rc, String hash, ReplicationControllerStatus counts,
                                      Instant now) {
        ReplicationControllerSpec spec = rc.spec();
        ReplicationControllerStatus was = rc.status();
        RolloutState state = was == null ? null : was.rollout();
        List<TemplateRevision> history = new ArrayList<>(was == null || was.history() == null ? List.of() : was.history());
        int replicas = spec.replicas() == null ? 1 : spec.replicas();
        boolean complete = count(counts.updatedReplicas()) == replicas && count(counts.availableReplicas()) == replicas
                && count(counts.replicas()) == replicas;
        String at = now.toString();
        if (state == null || !hash.equals(state.templateHash())) {
            long revision = history.stream().mapToLong(TemplateRevision::revision).max().orElse(0) + 1;
            Long rolledBackFrom = state != null && RolloutState.ROLLED_BACK.equals(state.phase())
                    && state.rolledBackFrom() == null ? state.revision() : null;
            history.removeIf(r -> hash.equals(r.templateHash()));
            history.add(new TemplateRevision(revision, hash, spec.template(), at));
            int limit = spec.revisionHistoryLimit() == null ? ReplicationControllerSpec.DEFAULT_REVISION_HISTORY_LIMIT
                    : spec.revisionHistoryLimit();
            while (history.size() > Math.max(1, limit + 1)) {
                history.remove(0);
            }
            String message = rolledBackFrom == null ? null
                    : "rolling back to the template of revision " + revision + " after revision " + rolledBackFrom
                    + " " + state.message();
            RolloutState started = new RolloutState(revision, hash, complete && rolledBackFrom == null
                    ? RolloutState.COMPLETE : RolloutState.PROGRESSING, message, at, rolledBackFrom);
            return new RolloutTracker(with(counts, started, history), null);
        }
        boolean progress = count(counts.updatedReplicas()) > count(was.updatedReplicas())
                || count(counts.availableReplicas()) > count(was.availableReplicas());
        String lastProgress = progress || Boolean.TRUE.equals(spec.paused()) ? at : state.lastProgressTime();
        if (complete) {
            RolloutState done = state.rolledBackFrom() != null
                    ? new RolloutState(state.revision(), hash, RolloutState.ROLLED_BACK, "rolled back: revision "
                    + state.rolledBackFrom() + " made no progress, so revision " + state.revision()
                    + "'s template is back", lastProgress, state.rolledBackFrom())
                    : new RolloutState(state.revision(), hash, RolloutState.COMPLETE, null, lastProgress, null);
            return new RolloutTracker(with(counts, done, history), null);
        }
        if (RolloutState.FAILED.equals(state.phase()) && !progress
                || RolloutState.ROLLED_BACK.equals(state.phase()) && state.rolledBackFrom() == null) {
            return new RolloutTracker(with(counts, state, history), null);
        }
        int deadline = spec.progressDeadlineSeconds() == null ? ReplicationControllerSpec.DEFAULT_PROGRESS_DEADLINE_SECONDS
                : spec.progressDeadlineSeconds();
        if (Instant.parse(lastProgress).plus(Duration.ofSeconds(deadline)).isAfter(now)) {
            RolloutState going = new RolloutState(state.revision(), hash, RolloutState.PROGRESSING, state.message(),
                    lastProgress, state.rolledBackFrom());
            return new RolloutTracker(with(counts, going, history), null);
        }
        String why = "made no progress for " + deadline + " s (progressDeadlineSeconds): " + count(counts.updatedReplicas())
                + " of " + replicas + " pods updated, " + count(counts.availableReplicas()) + " available";
        TemplateRevision previous = history.size() < 2 ? null : history.get(history.size() - 2);
        if (Boolean.TRUE.equals(spec.autoRollback()) && state.rolledBackFrom() == null && previous != null) {
            RolloutState rollingBack = new RolloutState(state.revision(), hash, RolloutState.ROLLED_BACK, why,
                    lastProgress, null);
            return new RolloutTracker(with(counts, rollingBack, history), previous.template());
        }
        RolloutState failed = new RolloutState(state.revision(), hash, RolloutState.FAILED, "revision "
                + state.revision() + " " + why, lastProgress, state.rolledBackFrom());
        return new RolloutTracker(with(counts, failed, history), null);
    }

    private static ReplicationControllerStatus with(ReplicationControllerStatus c, RolloutState rollout,
                                                    List<TemplateRevision> history) {
        return new ReplicationControllerStatus(c.replicas(), c.fullyLabeledReplicas(), c.readyReplicas(),
                c.availableReplicas(), c.observedGeneration(), c.updatedReplicas(), rollout, List.copyOf(history));
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
