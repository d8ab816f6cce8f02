package dev.herder.controlplane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The store's last-writer-wins bucket: merges that need no order, tombstones that expire, deltas of what was written. */
class ObjectBucketTest {
    private static final long NOW_MS = 1_800_000_000_000L;
    private static final long DAY_MS = 86_400_000L;

    private static StoreCodec.Encoded text(String s) {
        return new StoreCodec.Encoded(1, "T", s.getBytes(StandardCharsets.UTF_8), null);
    }

    /** id → text of the live entries, "†" for a tombstone. */
    private static Map<String, String> contents(ObjectBucket b) {
        Map<String, String> out = new TreeMap<>();
        b.entries().forEach((id, e) -> out.put(id, e.isTombstone() ? "†" : new String(e.bytes(), StandardCharsets.UTF_8)));
        return out;
    }

    private static ObjectBucket merged(ObjectBucket a, ObjectBucket b) {
        return a.mergeAt(b, NOW_MS);
    }

    @Test
    void laterWriteWinsAndStampsGrowEvenWhenTheClockGoesBack() {
        ObjectBucket b = ObjectBucket.EMPTY.put("a", text("v1"), 1_000).put("a", text("v2"), 500);
        assertEquals(Map.of("a", "v2"), contents(b));
        assertEquals(1_001, b.entries().get("a").stamp());
    }

    @Test
    void mergeIsCommutativeAssociativeAndIdempotent() {
        ObjectBucket base = ObjectBucket.EMPTY.put("a", text("a0"), 10).put("b", text("b0"), 10);
        ObjectBucket x = base.put("a", text("a1"), 20).put("c", text("c1"), 21);
        ObjectBucket y = base.put("b", text("b1"), 30).remove("a", 40, NOW_MS + DAY_MS);
        ObjectBucket z = base.put("c", text("c2"), 25);
        Map<String, String> expected = Map.of("a", "†", "b", "b1", "c", "c2");
        for (List<ObjectBucket> order : List.of(List.of(x, y, z), List.of(z, y, x), List.of(y, x, z), List.of(z, x, y))) {
            ObjectBucket m = merged(merged(order.get(0), order.get(1)), order.get(2));
            assertEquals(expected, contents(m), "order " + order);
            assertEquals(expected, contents(merged(m, m)));
            assertEquals(expected, contents(merged(m, x)));
        }
    }

    @Test
    void aTombstoneKeepsAStaleReplicaFromBringingTheObjectBack() {
        ObjectBucket stale = ObjectBucket.EMPTY.put("a", text("a0"), 10);
        ObjectBucket deleted = stale.remove("a", 20, NOW_MS + DAY_MS);
        assertTrue(deleted.get("a").isEmpty());
        assertEquals(Map.of("a", "†"), contents(merged(stale, deleted)));
        assertEquals(Map.of("a", "†"), contents(merged(deleted, stale)));
        assertTrue(merged(stale, deleted).objects().isEmpty());
    }

    @Test
    void expiredTombstonesAreDroppedWhenMerging() {
        ObjectBucket b = ObjectBucket.EMPTY.put("a", text("a0"), 10).put("b", text("b0"), 10)
                .remove("a", 20, NOW_MS - 1).remove("b", 20, NOW_MS + 1);
        ObjectBucket other = ObjectBucket.EMPTY.put("c", text("c0"), 10);
        assertEquals(Map.of("b", "†", "c", "c0"), contents(merged(b, other)));
        assertEquals(Map.of("b", "†", "c", "c0"), contents(merged(other, b)));
    }

    @Test
    void removingWhatIsNotThereChangesNothing() {
        ObjectBucket b = ObjectBucket.EMPTY.put("a", text("a0"), 10);
        assertSame(b, b.remove("zzz", 20, NOW_MS));
    }

    @Test
    void theDeltaHoldsOnlyWhatWasWrittenSinceTheLastReset() {
        ObjectBucket stored = (ObjectBucket) ObjectBucket.EMPTY.put("a", text("a0"), 10).put("b", text("b0"), 10)
                .resetDelta();
        assertFalse(stored.delta().isDefined());
        ObjectBucket changed = stored.put("b", text("b1"), 20).remove("a", 21, NOW_MS + DAY_MS);
        ObjectBucket delta = (ObjectBucket) changed.delta().get();
        assertEquals(Map.of("a", "†", "b", "b1"), contents(delta));
        ObjectBucket replica = ObjectBucket.EMPTY.put("a", text("a0"), 10).put("b", text("b0"), 10);
        assertEquals(contents(changed), contents((ObjectBucket) replica.mergeDelta(delta)));
        assertNull(((ObjectBucket) replica.mergeDelta(delta)).delta().getOrElse(() -> null));
    }

    @Test
    void equalStampsPickTheSameWinnerOnEveryReplica() {
        ObjectBucket x = ObjectBucket.EMPTY.put("a", text("xx"), 10);
        ObjectBucket y = ObjectBucket.EMPTY.put("a", text("yy"), 10);
        assertEquals(contents(merged(x, y)), contents(merged(y, x)));
        ObjectBucket gone = ObjectBucket.EMPTY.put("a", text("zz"), 9).remove("a", 10, NOW_MS + DAY_MS);
        assertEquals(Map.of("a", "†"), contents(merged(x, gone)));
        assertEquals(Map.of("a", "†"), contents(merged(gone, x)));
    }
}
