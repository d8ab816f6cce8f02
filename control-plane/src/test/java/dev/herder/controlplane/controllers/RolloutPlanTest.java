package dev.herder.controlplane.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.RollingUpdateParameters;
import dev.herder.protocol.api.RollingUpdateStrategy;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The steps of scaling and of a rolling update, each from the pods as they are. */
class RolloutPlanTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:01:00Z");
    private static final String NEW = "new-hash";
    private static final String OLD = "old-hash";

    private static ReplicationControllerSpec spec(int replicas, Object maxUnavailable, Object maxSurge, int minReady) {
        RollingUpdateStrategy strategy = new RollingUpdateStrategy(RollingUpdateStrategy.ROLLING_UPDATE,
                new RollingUpdateParameters(maxUnavailable == null ? null : IntOrString.from(maxUnavailable),
                        maxSurge == null ? null : IntOrString.from(maxSurge)));
        return new ReplicationControllerSpec(replicas, minReady, null, null, strategy, null, null, null, null);
    }

    /** count pods of a template, ready since readySince (null: not ready), created at second index of the minute. */
    private static List<ReplicationControllerCommand.PodSummary> pods(String prefix, String hash, int count, String readySince) {
        List<ReplicationControllerCommand.PodSummary> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new ReplicationControllerCommand.PodSummary(prefix + i, prefix + i, "Running", readySince != null, readySince,
                    String.format("2026-11-27T10:00:%02dZ", i), false, "node-" + (i % 3), hash));
        }
        return out;
    }

    private static List<ReplicationControllerCommand.PodSummary> concat(List<ReplicationControllerCommand.PodSummary> a,
                                                             List<ReplicationControllerCommand.PodSummary> b) {
        List<ReplicationControllerCommand.PodSummary> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static final String LONG_AGO = "2026-11-27T09:00:00Z";

    @Test
    void withEveryPodCurrentItCreatesWhatIsMissingAndDeletesTheSurplusNewestFirst() {
        assertEquals(new RolloutPlan(2, List.of()),
                RolloutPlan.of(spec(3, null, null, 0), NEW, pods("a", NEW, 1, LONG_AGO), 0, Set.of(), NOW));
        assertEquals(new RolloutPlan(1, List.of()), RolloutPlan.of(spec(3, null, null, 0), NEW,
                pods("a", NEW, 1, LONG_AGO), 1, Set.of(), NOW), "one created, not seen yet, counts");
        assertEquals(new RolloutPlan(0, List.of("a4", "a3")),
                RolloutPlan.of(spec(3, null, null, 0), NEW, pods("a", NEW, 5, LONG_AGO), 0, Set.of(), NOW));
        assertEquals(new RolloutPlan(0, List.of()), RolloutPlan.of(spec(3, null, null, 0), NEW,
                pods("a", NEW, 5, LONG_AGO), 0, Set.of("a4", "a3"), NOW), "those being deleted are not deleted again");
    }

    @Test
    void theDefaultRollingUpdateSurgesOneAndDeletesAnOldPodOnlyOnceANewOneIsAvailable() {
        ReplicationControllerSpec spec = spec(3, null, null, 0);
        List<ReplicationControllerCommand.PodSummary> old = pods("o", OLD, 3, LONG_AGO);
        assertEquals(new RolloutPlan(1, List.of()), RolloutPlan.of(spec, NEW, old, 0, Set.of(), NOW));
        assertEquals(new RolloutPlan(0, List.of()), RolloutPlan.of(spec, NEW, old, 1, Set.of(), NOW),
                "the new pod is not seen yet: nothing more");
        assertEquals(new RolloutPlan(0, List.of()),
                RolloutPlan.of(spec, NEW, concat(old, pods("n", NEW, 1, null)), 0, Set.of(), NOW),
                "the new pod is not ready: no old pod may go");
        assertEquals(new RolloutPlan(0, List.of("o2")),
                RolloutPlan.of(spec, NEW, concat(old, pods("n", NEW, 1, LONG_AGO)), 0, Set.of(), NOW));
        assertEquals(new RolloutPlan(0, List.of()),
                RolloutPlan.of(spec, NEW, concat(old, pods("n", NEW, 1, LONG_AGO)), 0, Set.of("o2"), NOW),
                "while the Master still sees it, it counts against maxSurge");
        assertEquals(new RolloutPlan(1, List.of()),
                RolloutPlan.of(spec, NEW, concat(pods("o", OLD, 2, LONG_AGO), pods("n", NEW, 1, LONG_AGO)), 0, Set.of(), NOW),
                "gone: the next new pod comes");
    }

    @Test
    void minReadySecondsHoldsAStepUntilTheNewPodHasBeenReadyThatLong() {
        ReplicationControllerSpec spec = spec(2, null, null, 10);
        List<ReplicationControllerCommand.PodSummary> pods = concat(pods("o", OLD, 2, LONG_AGO), pods("n", NEW, 1,
                "2026-11-27T10:00:55Z"));
        assertEquals(new RolloutPlan(0, List.of()), RolloutPlan.of(spec, NEW, pods, 0, Set.of(), NOW));
        assertEquals(new RolloutPlan(0, List.of("o1")),
                RolloutPlan.of(spec, NEW, pods, 0, Set.of(), NOW.plusSeconds(5)));
    }

    @Test
    void maxUnavailableLetsOldPodsGoFirstAndPercentagesRoundAsKubernetesDoes() {
        // 25% of 10: surge rounds up to 3, unavailable down to 2
        ReplicationControllerSpec spec = spec(10, "25%", "25%", 0);
        List<ReplicationControllerCommand.PodSummary> old = pods("o", OLD, 10, LONG_AGO);
        assertEquals(new RolloutPlan(3, List.of("o9", "o8")), RolloutPlan.of(spec, NEW, old, 0, Set.of(), NOW));
        // no surge: an old pod must go before a new one can come
        ReplicationControllerSpec noSurge = spec(3, 1, 0, 0);
        assertEquals(new RolloutPlan(0, List.of("o2")),
                RolloutPlan.of(noSurge, NEW, pods("o", OLD, 3, LONG_AGO), 0, Set.of(), NOW));
        assertEquals(new RolloutPlan(1, List.of()),
                RolloutPlan.of(noSurge, NEW, pods("o", OLD, 2, LONG_AGO), 0, Set.of(), NOW));
    }

    @Test
    void unavailableOldPodsGoFirstAndAPausedRolloutTakesNoStep() {
        ReplicationControllerSpec spec = spec(3, null, null, 0);
        List<ReplicationControllerCommand.PodSummary> pods = concat(concat(pods("o", OLD, 2, LONG_AGO), pods("x", OLD, 1, null)),
                pods("n", NEW, 1, LONG_AGO));
        assertEquals(new RolloutPlan(0, List.of("x0")), RolloutPlan.of(spec, NEW, pods, 0, Set.of(), NOW),
                "the unavailable old pod goes; an available one only once a new pod is available beyond it");
        ReplicationControllerSpec paused = spec.withPaused(true);
        assertEquals(new RolloutPlan(0, List.of()), RolloutPlan.of(paused, NEW, pods, 0, Set.of(), NOW));
    }
}
