package dev.herder.controlplane.store;

import static dev.herder.controlplane.store.TestEtcd.await;
import static dev.herder.controlplane.store.TestEtcd.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcd.jetcd.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EtcdStoreTest {
    private static EtcdMembers members;
    private static EtcdStore store;

    @BeforeAll
    static void startEtcd() throws Exception {
        members = TestEtcd.start(EtcdStoreTest.class, 5901, 5911, 1);
        store = EtcdStore.connect(TestEtcd.settings(members));
    }

    @AfterAll
    static void stopEtcd() {
        if (store != null) {
            store.close();
        }
        if (members != null) {
            members.close();
        }
    }

    @Test
    void createOfAnExistingKeyConflictsWithItsRevision() throws Exception {
        Outcome first = await(store.commit(new Op.Create("/guards/create", bytes("a"), 0)));
        Outcome second = await(store.commit(new Op.Create("/guards/create", bytes("b"), 0)));

        long written = assertInstanceOf(Outcome.Written.class, first).revision();
        assertEquals(new Outcome.Conflict(written), second);
        assertArrayEquals(bytes("a"), await(store.get("/guards/create")).orElseThrow().value());
    }

    @Test
    void updateFromAStaleRevisionConflictsWithTheCurrentOne() throws Exception {
        long created = written(await(store.commit(new Op.Create("/guards/update", bytes("1"), 0))));
        long updated = written(await(store.commit(new Op.Update("/guards/update", bytes("2"), created, 0))));
        Outcome stale = await(store.commit(new Op.Update("/guards/update", bytes("3"), created, 0)));
        Outcome missing = await(store.commit(new Op.Update("/guards/no-such-key", bytes("3"), created, 0)));

        assertEquals(new Outcome.Conflict(updated), stale);
        assertEquals(new Outcome.Conflict(0), missing);
        Versioned now = await(store.get("/guards/update")).orElseThrow();
        assertEquals(updated, now.modRevision());
        assertEquals(created, now.createRevision());
        assertArrayEquals(bytes("2"), now.value());
    }

    @Test
    void deleteOfAMissingKeyConflictsWithZero() throws Exception {
        assertEquals(new Outcome.Conflict(0), await(store.commit(new Op.Delete("/guards/missing", 0))));
        assertEquals(new Outcome.Conflict(0), await(store.commit(new Op.Delete("/guards/missing", 7))));

        long created = written(await(store.commit(new Op.Create("/guards/delete", bytes("x"), 0))));
        assertEquals(new Outcome.Conflict(created), await(store.commit(new Op.Delete("/guards/delete", created - 1))));
        long deleted = written(await(store.commit(new Op.Delete("/guards/delete", created))));
        assertTrue(deleted > created);
        assertEquals(Optional.empty(), await(store.get("/guards/delete")));
        written(await(store.commit(new Op.Create("/guards/delete", bytes("y"), 0))));
        written(await(store.commit(new Op.Delete("/guards/delete", 0))));
        assertEquals(Optional.empty(), await(store.get("/guards/delete")));
    }

    @Test
    void concurrentCallersGetTheirOwnOutcomesFromFewTxns() throws Exception {
        int callers = 50;
        int opsPerCaller = 10;
        List<List<Op>> calls = new ArrayList<>();
        List<List<Outcome>> expected = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            String prefix = "/burst/" + c + "/";
            long existing = written(await(store.commit(new Op.Create(prefix + "existing", bytes("old"), 0))));
            long doomed = written(await(store.commit(new Op.Create(prefix + "doomed", bytes("old"), 0))));
            List<Op> ops = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ops.add(new Op.Create(prefix + "new-" + i, bytes(c + "-" + i), 0));
                outcomes.add(null);
            }
            ops.add(new Op.Update(prefix + "existing", bytes("new"), existing, 0));
            outcomes.add(null);
            ops.add(new Op.Create(prefix + "doomed", bytes("again"), 0));
            outcomes.add(new Outcome.Conflict(doomed));
            ops.add(new Op.Update(prefix + "stale", bytes("never"), existing, 0));
            outcomes.add(new Outcome.Conflict(0));
            ops.add(new Op.Put(prefix + "put", bytes("put-" + c), 0));
            outcomes.add(null);
            ops.add(new Op.Delete(prefix + "missing", 0));
            outcomes.add(new Outcome.Conflict(0));
            assertEquals(opsPerCaller, ops.size());
            calls.add(ops);
            expected.add(outcomes);
        }

        long txnsBefore = store.txnsSent();
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Outcome>>> answers = new ArrayList<>();
            for (List<Op> ops : calls) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return await(store.commit(ops));
                }));
            }
            go.countDown();
            for (int c = 0; c < callers; c++) {
                List<Outcome> outcomes = answers.get(c).get();
                assertEquals(opsPerCaller, outcomes.size());
                for (int i = 0; i < opsPerCaller; i++) {
                    Outcome want = expected.get(c).get(i);
                    if (want == null) {
                        assertInstanceOf(Outcome.Written.class, outcomes.get(i),
                                "caller " + c + " op " + i + ": " + outcomes.get(i));
                    } else {
                        assertEquals(want, outcomes.get(i), "caller " + c + " op " + i);
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
        long txns = store.txnsSent() - txnsBefore;
        System.out.printf("%d ops of %d callers took %d txns%n", callers * opsPerCaller, callers, txns);
        assertTrue(txns <= callers * opsPerCaller / 10, "500 ops took " + txns + " txns");
        for (int c = 0; c < callers; c++) {
            String prefix = "/burst/" + c + "/";
            assertArrayEquals(bytes("new"), await(store.get(prefix + "existing")).orElseThrow().value());
            assertArrayEquals(bytes("old"), await(store.get(prefix + "doomed")).orElseThrow().value());
            assertArrayEquals(bytes(c + "-4"), await(store.get(prefix + "new-4")).orElseThrow().value());
            assertArrayEquals(bytes("put-" + c), await(store.get(prefix + "put")).orElseThrow().value());
            assertEquals(Optional.empty(), await(store.get(prefix + "stale")));
        }
    }

    @Test
    void writesBiggerThanEtcdsRequestLimitTogetherAreSpreadOverTxns() throws Exception {
        byte[] value = new byte[20 * 1024];
        Arrays.fill(value, (byte) 'x');
        List<CompletionStage<Outcome>> answers = new ArrayList<>();
        long txnsBefore = store.txnsSent();
        for (int i = 0; i < 200; i++) {
            answers.add(store.commit(new Op.Put("/big/" + i, value, 0)));
        }
        for (CompletionStage<Outcome> answer : answers) {
            written(await(answer));
        }
        long txns = store.txnsSent() - txnsBefore;
        assertTrue(txns >= 4 && txns < 200, "4 MB of writes took " + txns + " txns");
        assertEquals(200, await(store.list("/big/", null, 0, 0)).items().size());
    }

    @Test
    void aWriteEtcdRefusesFailsAsNotCarriedOut() throws Exception {
        byte[] tooBig = new byte[2 * 1024 * 1024];

        Outcome refused = await(store.commit(new Op.Put("/refused/too-big", tooBig, 0)));

        StoreException error = assertInstanceOf(Outcome.Failed.class, refused).error();
        assertFalse(error.mayHaveHappened(), error.getMessage());
        assertEquals(Optional.empty(), await(store.get("/refused/too-big")));
    }

    @Test
    void aClosedStoreAnswersEveryCallAsFailed() throws Exception {
        EtcdStore closing = EtcdStore.connect(TestEtcd.settings(members));
        written(await(closing.commit(new Op.Put("/closing/a", bytes("a"), 0))));
        closing.close();

        Outcome after = await(closing.commit(new Op.Put("/closing/b", bytes("b"), 0)));
        assertFalse(assertInstanceOf(Outcome.Failed.class, after).error().mayHaveHappened());
        ExecutionException read = assertThrows(ExecutionException.class, () -> await(closing.get("/closing/a")));
        assertInstanceOf(StoreException.class, read.getCause());
        RecordingListener listener = new RecordingListener();
        closing.watch("/closing/", 0, listener);
        assertInstanceOf(StoreException.class, listener.error());
    }

    @Test
    void pagesAtOneRevisionListTheKeysOfThatRevisionWhateverIsWrittenBetween() throws Exception {
        List<String> before = new ArrayList<>();
        List<Long> revisions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = String.format("/pages/k%02d", i);
            before.add(key);
            revisions.add(written(await(store.commit(new Op.Create(key, bytes("v" + i), 0)))));
        }

        Page first = await(store.list("/pages/", null, 0, 10));
        assertTrue(first.more());
        assertEquals(10, first.items().size());
        assertTrue(first.revision() >= revisions.get(24));
        written(await(store.commit(new Op.Delete("/pages/k15", 0))));
        written(await(store.commit(new Op.Delete("/pages/k03", 0))));
        written(await(store.commit(new Op.Create("/pages/k12a", bytes("late"), 0))));
        written(await(store.commit(new Op.Update("/pages/k20", bytes("changed"), revisions.get(20), 0))));

        List<Versioned> all = new ArrayList<>(first.items());
        Page page = first;
        int pages = 1;
        while (page.more()) {
            String last = page.items().get(page.items().size() - 1).key();
            page = await(store.list("/pages/", last.substring("/pages/".length()), first.revision(), 10));
            assertEquals(first.revision(), page.revision());
            all.addAll(page.items());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(before, all.stream().map(Versioned::key).toList());
        for (int i = 0; i < 25; i++) {
            assertArrayEquals(bytes("v" + i), all.get(i).value());
            assertEquals(revisions.get(i), all.get(i).modRevision());
        }
        Page now = await(store.list("/pages/", null, 0, 100));
        assertFalse(now.more());
        assertEquals(24, now.items().size(), "25 keys, 2 deleted, 1 created");
        assertTrue(now.items().stream().anyMatch(v -> v.key().equals("/pages/k12a")));
    }

    @Test
    void aWatchFromARevisionHearsEveryLaterChangeInOrder() throws Exception {
        long from = await(store.revision());
        RecordingListener live = new RecordingListener();
        AutoCloseable liveWatch = store.watch("/watched/", from, live);
        List<WatchEvent> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = "/watched/" + i;
            long created = written(await(store.commit(new Op.Create(key, bytes("c" + i), 0))));
            expected.add(new WatchEvent.Put(new Versioned(key, bytes("c" + i), created, created)));
            written(await(store.commit(new Op.Put("/unwatched/" + i, bytes("x"), 0))));
            if (i % 3 == 0) {
                long updated = written(await(store.commit(new Op.Update(key, bytes("u" + i), created, 0))));
                expected.add(new WatchEvent.Put(new Versioned(key, bytes("u" + i), updated, created)));
            }
            if (i % 4 == 0) {
                long deleted = written(await(store.commit(new Op.Delete(key, 0))));
                expected.add(new WatchEvent.Deleted(key, deleted));
            }
        }
        RecordingListener replay = new RecordingListener();
        try (AutoCloseable replayWatch = store.watch("/watched/", from, replay); liveWatch) {
            assertSameEvents(expected, live.awaitEvents(e -> e.size() >= expected.size(), Duration.ofSeconds(10)));
            assertSameEvents(expected, replay.awaitEvents(e -> e.size() >= expected.size(), Duration.ofSeconds(10)));
        }
        assertFalse(live.overlapped());
        assertFalse(replay.overlapped());
    }

    @Test
    void aKeyWrittenWithALeaseGoesWhenTheLeaseEnds() throws Exception {
        long lease = await(store.grantLease(Duration.ofSeconds(2)));
        long created = written(await(store.commit(new Op.Create("/leased/event", bytes("e"), lease))));
        RecordingListener listener = new RecordingListener();
        try (AutoCloseable watch = store.watch("/leased/", created, listener)) {
            assertTrue(await(store.get("/leased/event")).isPresent());
            long started = System.nanoTime();
            List<WatchEvent> events = listener.awaitEvents(e -> !e.isEmpty(), Duration.ofSeconds(15));
            System.out.printf("a lease of 2 s ended the key after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertInstanceOf(WatchEvent.Deleted.class, events.get(0));
            assertEquals("/leased/event", events.get(0).key());
        }
        assertEquals(Optional.empty(), await(store.get("/leased/event")));
    }

    @Test
    void aListOrWatchAtACompactedRevisionFailsWithTheCompactRevision() throws Exception {
        long old = written(await(store.commit(new Op.Put("/compacted/a", bytes("1"), 0))));
        written(await(store.commit(new Op.Put("/compacted/a", bytes("2"), 0))));
        long compactAt = written(await(store.commit(new Op.Put("/compacted/b", bytes("3"), 0))));
        try (Client etcd = Client.builder().endpoints(members.endpoints().toArray(String[]::new)).build()) {
            etcd.getKVClient().compact(compactAt).get();
        }

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> await(store.list("/compacted/", null, old, 10)));
        StoreException.Compacted compacted = assertInstanceOf(StoreException.Compacted.class, failed.getCause());
        assertEquals(compactAt, compacted.compactRevision());
        assertEquals(2, await(store.list("/compacted/", null, compactAt, 10)).items().size());

        RecordingListener listener = new RecordingListener();
        try (AutoCloseable watch = store.watch("/compacted/", old, listener)) {
            assertEquals(compactAt, listener.awaitCompacted(Duration.ofSeconds(10)));
        }
    }

    private static void assertSameEvents(List<WatchEvent> expected, List<WatchEvent> actual) {
        assertEquals(expected.size(), actual.size(), "events: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            WatchEvent want = expected.get(i);
            WatchEvent got = actual.get(i);
            assertEquals(want.getClass(), got.getClass(), "event " + i);
            assertEquals(want.key(), got.key(), "event " + i);
            assertEquals(want.revision(), got.revision(), "event " + i);
            if (want instanceof WatchEvent.Put put) {
                assertArrayEquals(put.kv().value(), ((WatchEvent.Put) got).kv().value(), "event " + i);
                assertEquals(put.kv().createRevision(), ((WatchEvent.Put) got).kv().createRevision(), "event " + i);
            }
        }
    }

    static long written(Outcome outcome) {
        return assertInstanceOf(Outcome.Written.class, outcome).revision();
    }
}
