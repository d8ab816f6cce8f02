package dev.herder.controlplane.store;

import static dev.herder.controlplane.store.TestEtcd.await;
import static dev.herder.controlplane.store.TestEtcd.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kill -9 of the etcd leader while a writer commits: writes go on, nothing acknowledged is lost, watches go on. */
class EtcdLeaderKillTest {
    private static final String PREFIX = "/registry/events/default/";
    private static final int BATCH = 10;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static EtcdMembers members;

    @BeforeAll
    static void startEtcd() throws Exception {
        members = TestEtcd.start(EtcdLeaderKillTest.class, 5941, 5951, 3);
    }

    @AfterAll
    static void stopEtcd() {
        if (members != null) {
            members.close();
        }
    }

    @Test
    void writesGoOnAfterTheLeaderIsKilledAndNothingAcknowledgedIsLost() throws Exception {
        int leader = members.leader();
        String leaderEndpoint = members.endpoints().get(leader - 1);
        try (EtcdStore store = EtcdStore.connect(TestEtcd.settings(members));
             EtcdStore throughLeader = EtcdStore.connect(TestEtcd.settings(List.of(leaderEndpoint)))) {
            long from = await(store.revision());
            RecordingListener anyMember = new RecordingListener();
            RecordingListener leaderOnly = new RecordingListener();
            Writer writer = new Writer(store);
            try (AutoCloseable w1 = store.watch(PREFIX, from, anyMember);
                 AutoCloseable w2 = throughLeader.watch(PREFIX, from, leaderOnly)) {
                writer.start();
                writer.awaitWritten(30, 0);
                long killedAt = System.nanoTime();
                members.kill(leader);
                writer.awaitWritten(1, killedAt);
                long firstAfterKill = (System.nanoTime() - killedAt) / 1_000_000;
                writer.awaitWritten(writer.written() + 50, 0);
                writer.finish();

                Map<String, Long> acknowledged = writer.acknowledged();
                System.out.printf("killed leader etcd-%d; %d ops written, %d failed; first write answered %d ms after "
                        + "the kill%n", leader, acknowledged.size(), writer.failed(), firstAfterKill);
                for (Map.Entry<String, Long> op : acknowledged.entrySet()) {
                    Versioned stored = await(store.get(op.getKey())).orElseThrow(
                            () -> new AssertionError(op.getKey() + " was answered Written but is not in etcd"));
                    assertEquals(op.getValue(), stored.modRevision(), op.getKey());
                    assertArrayEquals(bytes("value of " + op.getKey()), stored.value(), op.getKey());
                }

                long last = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                assertHeardEveryWrite(anyMember, acknowledged, last);
                members.start(leader);
                assertHeardEveryWrite(leaderOnly, acknowledged, last);
            }
            String lastKey = writer.lastWrittenKey();
            Optional<Versioned> seen = readThroughRestartedMember(throughLeader, lastKey);
            assertTrue(seen.isPresent(), "etcd-" + leader + " did not catch up after its restart");
            assertTrue(await(throughLeader.revision()) >= seen.get().modRevision());
        }
    }

    /**
     * A node whose etcd member is a follower: the txns it has in flight when the leader is killed are lost with the
     * proposals the follower forwarded, and stay unanswered until the request timeout (5 s). The writes submitted
     * once a new leader is elected do not wait behind them (txn-stall-after): each is answered within 2 s; and
     * neither do creates of the keys written just before the kill, sent again (a client's retry), which are
     * answered Written or, where the first one went through, a conflict.
     */
    @Test
    void txnsCaughtInTheLeaderChangeDoNotHoldUpTheWritesAfterIt() throws Exception {
        int leader = members.leader();
        int follower = leader % members.size() + 1;
        EtcdSettings settings = TestEtcd.settings(List.of(members.endpoints().get(follower - 1)));
        List<long[]> answered = new ArrayList<>(); // submitted, answered (nanoTime), 1 if Written
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<long[]> submittedAt = new ArrayList<>(); // i, submitted (nanoTime)
        List<long[]> retried = new ArrayList<>(); // submitted, answered, 1 if Written or Conflict
        AtomicBoolean retriedOnce = new AtomicBoolean();
        try (EtcdStore store = EtcdStore.connect(settings)) {
            await(store.commit(List.of(new Op.Create(PREFIX + "stall-warm", bytes("warm"), 0))));
            long killAt = 0;
            AtomicLong elected = new AtomicLong();
            long start = System.nanoTime();
            for (int i = 0; System.nanoTime() - start < Duration.ofSeconds(6).toNanos(); i++) {
                long submitted = System.nanoTime();
                if (killAt == 0 && submitted - start > Duration.ofMillis(500).toNanos()) {
                    members.kill(leader);
                    killAt = System.nanoTime();
                    // the killed member is not running, so the first member to say it leads is the new leader
                    new Thread(() -> {
                        members.leader();
                        elected.set(System.nanoTime());
                    }, "leader-watch").start();
                }
                long electedAt = elected.get();
                if (electedAt != 0 && !retriedOnce.get() && submitted - electedAt > Duration.ofMillis(200).toNanos()) {
                    for (long[] before : submittedAt) {
                        if (before[1] <= killAt && killAt - before[1] < Duration.ofMillis(300).toNanos()) {
                            long again = System.nanoTime();
                            pending.add(store.commit(List.of(new Op.Create(PREFIX + "stall-" + before[0],
                                    bytes("v" + before[0]), 0))).thenAccept(outcomes -> {
                                        synchronized (retried) {
                                            retried.add(new long[] {again, System.nanoTime(),
                                                    outcomes.get(0) instanceof Outcome.Failed ? 0 : 1});
                                        }
                                    }).toCompletableFuture());
                        }
                    }
                    retriedOnce.set(true);
                }
                submittedAt.add(new long[] {i, submitted});
                pending.add(store.commit(List.of(new Op.Create(PREFIX + "stall-" + i, bytes("v" + i), 0)))
                        .thenAccept(outcomes -> {
                            synchronized (answered) {
                                answered.add(new long[] {submitted, System.nanoTime(),
                                        outcomes.get(0) instanceof Outcome.Written ? 1 : 0});
                            }
                        }).toCompletableFuture());
                TimeUnit.MILLISECONDS.sleep(20);
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long electedAt = elected.get();
            assertTrue(electedAt != 0 && electedAt - killAt < Duration.ofSeconds(4).toNanos(),
                    "no new leader was elected within 4 s of the kill");
            long after = electedAt + Duration.ofMillis(200).toNanos();
            List<long[]> later;
            synchronized (answered) {
                later = answered.stream().filter(a -> a[0] >= after).toList();
            }
            assertFalse(later.isEmpty());
            for (long[] a : later) {
                assertEquals(1, a[2], "a write submitted after the new leader was elected failed");
                long waitedMs = (a[1] - a[0]) / 1_000_000;
                assertTrue(waitedMs < 2000, "a write submitted " + (a[0] - killAt) / 1_000_000 + " ms after the kill"
                        + " (the new leader was elected after " + (electedAt - killAt) / 1_000_000 + " ms) waited "
                        + waitedMs + " ms");
            }
            List<long[]> retries;
            synchronized (retried) {
                retries = List.copyOf(retried);
            }
            assertFalse(retries.isEmpty(), "no create was sent again");
            for (long[] a : retries) {
                assertEquals(1, a[2], "a create sent again after the new leader was elected failed");
                long waitedMs = (a[1] - a[0]) / 1_000_000;
                assertTrue(waitedMs < 2000, "a create sent again " + (a[0] - killAt) / 1_000_000 + " ms after the kill"
                        + " waited " + waitedMs + " ms");
            }
        } finally {
            members.start(leader);
            members.leader();
        }
    }

    private static void assertHeardEveryWrite(RecordingListener listener, Map<String, Long> acknowledged, long last)
            throws InterruptedException {
        List<WatchEvent> events = listener.awaitEvents(
                e -> !e.isEmpty() && e.get(e.size() - 1).revision() >= last, WAIT);
        Map<String, Long> heard = new HashMap<>();
        long previous = 0;
        for (WatchEvent event : events) {
            assertTrue(event.revision() >= previous, "events out of order: " + previous + " then " + event);
            previous = event.revision();
            heard.put(event.key(), event.revision());
        }
        for (Map.Entry<String, Long> op : acknowledged.entrySet()) {
            assertEquals(op.getValue(), heard.get(op.getKey()), "the watch missed " + op.getKey());
        }
        assertNull(listener.error());
        assertFalse(listener.overlapped());
    }

    /** A linearizable read through the restarted member alone, once it has caught up. */
    private static Optional<Versioned> readThroughRestartedMember(EtcdStore store, String key) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                Optional<Versioned> seen = await(store.get(key));
                if (seen.isPresent() || System.nanoTime() > deadline) {
                    return seen;
                }
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** Commits new keys one op at a time and BATCH at a time, in turn, and keeps every answer. */
    private static final class Writer extends Thread {
        private final Store store;
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final Map<String, Long> acknowledged = new HashMap<>();
        private final List<Long> writtenAt = new ArrayList<>();
        private String lastWrittenKey;
        private int failed;
        private Throwable crashed;

        Writer(Store store) {
            super("etcd-writer");
            this.store = store;
        }

        @Override
        public void run() {
            try {
                for (int round = 0; !stopping.get(); round++) {
                    List<Op> ops = new ArrayList<>();
                    for (int i = 0; i < (round % 2 == 0 ? 1 : BATCH); i++) {
                        String key = PREFIX + round + "-" + i;
                        ops.add(new Op.Create(key, bytes("value of " + key), 0));
                    }
                    long sentAt = System.nanoTime();
                    List<Outcome> outcomes = await(store.commit(ops));
                    record(ops, outcomes, sentAt);
                }
            } catch (Throwable e) {
                synchronized (this) {
                    crashed = e;
                    notifyAll();
                }
            }
        }

        private synchronized void record(List<Op> ops, List<Outcome> outcomes, long sentAt) {
            for (int i = 0; i < ops.size(); i++) {
                Outcome outcome = outcomes.get(i);
                if (outcome instanceof Outcome.Written written) {
                    acknowledged.put(ops.get(i).key(), written.revision());
                    writtenAt.add(sentAt);
                    lastWrittenKey = ops.get(i).key();
                } else if (outcome instanceof Outcome.Failed f) {
                    failed++;
                    System.out.printf("%s failed %d ms after it was sent: %s%n", ops.get(i).key(),
                            (System.nanoTime() - sentAt) / 1_000_000, f.error().getMessage());
                } else {
                    throw new AssertionError("a create of a new key answered " + outcome);
                }
            }
            notifyAll();
        }

        /** Waits until count ops sent at or after sentAfter (nanoTime) were answered Written. */
        synchronized void awaitWritten(int count, long sentAfter) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (writtenAt.stream().filter(t -> t >= sentAfter).count() < count) {
                if (crashed != null) {
                    throw new AssertionError("the writer failed", crashed);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("fewer than " + count + " writes were answered Written within " + WAIT
                            + " (" + failed + " failed)");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        void finish() throws InterruptedException {
            stopping.set(true);
            join(WAIT.toMillis());
            assertFalse(isAlive(), "the writer did not stop");
            synchronized (this) {
                if (crashed != null) {
                    throw new AssertionError("the writer failed", crashed);
                }
            }
        }

        synchronized int written() {
            return writtenAt.size();
        }

        synchronized int failed() {
            return failed;
        }

        synchronized Map<String, Long> acknowledged() {
            return Map.copyOf(acknowledged);
        }

        synchronized String lastWrittenKey() {
            return lastWrittenKey;
        }
    }
}
