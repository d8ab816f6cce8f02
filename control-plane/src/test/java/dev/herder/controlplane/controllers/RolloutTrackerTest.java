package dev.herder.controlplane.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.api.RolloutState;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rollout's phases: progressing, complete, failed after its deadline, rolled back once with autoRollback. */
class RolloutTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final PodTemplateSpec V1 = new PodTemplateSpec(new ObjectMeta(null, null, null, Map.of("v", "1"), null,
            null, null, null, null, null, null), null);
    private static final PodTemplateSpec V2 = new PodTemplateSpec(new ObjectMeta(null, null, null, Map.of("v", "2"), null,
            null, null, null, null, null, null), null);

    private static ReplicationController rc(PodTemplateSpec template, boolean autoRollback, ReplicationControllerStatus status) {
        ReplicationControllerSpec spec = new ReplicationControllerSpec(2, 0, Map.of("app", "web"), template, null, null,
                30, autoRollback ? Boolean.TRUE : null, null);
        return new ReplicationController("v1", ReplicationController.KIND, new ObjectMeta("web", null, "default", null,
                null, "uid", "1", 1L, null, null, null), spec, status);
    }

    private static ReplicationControllerStatus counts(int replicas, int available, int updated) {
        return new ReplicationControllerStatus(replicas, replicas, available, available, 1L, updated);
    }

    /** The controller after one look: its status becomes what the tracker says. */
    private static ReplicationController look(ReplicationController rc, ReplicationControllerStatus counts, Instant now) {
        RolloutTracker next = RolloutTracker.next(rc, TemplateHash.of(rc.spec().template()), counts, now);
        ReplicationController after = rc.withStatus(next.status());
        return next.rollbackTo() == null ? after : new ReplicationController(after.apiVersion(), after.kind(),
                after.metadata(), after.spec().withTemplate(next.rollbackTo()), after.status());
    }

    @Test
    void aRolloutProgressesCompletesAndIsKeptInTheHistory() {
        ReplicationController rc = look(rc(V1, false, null), counts(2, 2, 2), T0);
        assertEquals(RolloutState.COMPLETE, rc.status().rollout().phase());
        assertEquals(1L, rc.status().rollout().revision());

        rc = look(rc(V2, false, rc.status()), counts(2, 2, 0), T0.plusSeconds(1));
        assertEquals(RolloutState.PROGRESSING, rc.status().rollout().phase());
        assertEquals(2L, rc.status().rollout().revision());
        rc = look(rc, counts(3, 2, 1), T0.plusSeconds(25));
        rc = look(rc, counts(2, 2, 2), T0.plusSeconds(50));
        assertEquals(RolloutState.COMPLETE, rc.status().rollout().phase(), "progress at 25 s moved the deadline on");
        assertEquals(2, rc.status().history().size());
        assertEquals(V1, rc.status().history().get(0).template());
    }

    @Test
    void noProgressForTheDeadlineFailsTheRolloutAndAutoRollbackPutsThePreviousTemplateBackOnce() {
        ReplicationController done = look(rc(V1, false, null), counts(2, 2, 2), T0);
        ReplicationController failing = look(rc(V2, false, done.status()), counts(3, 2, 0), T0.plusSeconds(1));
        ReplicationController failed = look(failing, counts(3, 2, 0), T0.plusSeconds(32));
        assertEquals(RolloutState.FAILED, failed.status().rollout().phase());
        assertTrue(failed.status().rollout().message().contains("no progress for 30 s"), failed.status().rollout().message());
        assertEquals(V2, failed.spec().template(), "without autoRollback the template stays");

        ReplicationController rolling = look(rc(V2, true, done.status()), counts(3, 2, 0), T0.plusSeconds(1));
        ReplicationController back = look(rolling, counts(3, 2, 0), T0.plusSeconds(32));
        assertEquals(V1, back.spec().template(), "the previous template is back");
        assertEquals(RolloutState.ROLLED_BACK, back.status().rollout().phase());
        ReplicationController again = look(back, counts(3, 2, 0), T0.plusSeconds(33));
        assertEquals(3L, again.status().rollout().revision());
        assertEquals(2L, again.status().rollout().rolledBackFrom());
        ReplicationController restored = look(again, counts(2, 2, 2), T0.plusSeconds(40));
        assertEquals(RolloutState.ROLLED_BACK, restored.status().rollout().phase());
        assertTrue(restored.status().rollout().message().contains("revision 2 made no progress"));
        // a rollback that fails is not rolled back again
        ReplicationController stuck = look(again, counts(3, 2, 0), T0.plusSeconds(80));
        assertEquals(RolloutState.FAILED, stuck.status().rollout().phase());
        assertEquals(V1, stuck.spec().template());
    }

    @Test
    void pausedTimeDoesNotCountTowardsTheDeadline() {
        ReplicationController done = look(rc(V1, false, null), counts(2, 2, 2), T0);
        ReplicationController started = look(rc(V2, false, done.status()), counts(3, 2, 0), T0.plusSeconds(1));
        ReplicationController paused = new ReplicationController(started.apiVersion(), started.kind(), started.metadata(),
                started.spec().withPaused(true), started.status());
        ReplicationController later = look(paused, counts(3, 2, 0), T0.plusSeconds(100));
        assertEquals(RolloutState.PROGRESSING, later.status().rollout().phase());
        assertNull(RolloutTracker.next(later, TemplateHash.of(V2), counts(3, 2, 0), T0.plusSeconds(101)).rollbackTo());
    }
}
