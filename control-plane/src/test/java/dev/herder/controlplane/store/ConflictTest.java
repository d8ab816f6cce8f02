package dev.herder.controlplane.store;

import static dev.herder.controlplane.store.EtcdStoreTest.written;
import static dev.herder.controlplane.store.TestEtcd.await;
import static dev.herder.controlplane.store.TestEtcd.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two writers that read one object at one revision and update it at once: one wins, the other is told so. */
class ConflictTest {
    private static final int ROUNDS = 50;
    private static final String KEY = "/registry/pods/default/contended";

    private static EtcdMembers members;
    private static EtcdStore alice;
    private static EtcdStore bob;

    @BeforeAll
    static void startEtcd() throws Exception {
        members = TestEtcd.start(ConflictTest.class, 5921, 5931, 3);
        alice = EtcdStore.connect(TestEtcd.settings(List.of(members.endpoints().get(0))));
        bob = EtcdStore.connect(TestEtcd.settings(List.of(members.endpoints().get(1))));
    }

    @AfterAll
    static void stopEtcd() {
        for (AutoCloseable closeable : new AutoCloseable[] {alice, bob, members}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void exactlyOneOfTwoUpdatesFromTheSameRevisionWinsAndTheOtherConflicts() throws Exception {
        long revision = written(await(alice.commit(new Op.Create(KEY, bytes("round 0"), 0))));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        int aliceWins = 0;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long read = revision;
                byte[] aliceValue = bytes("round " + round + " by alice");
                byte[] bobValue = bytes("round " + round + " by bob");
                Future<Outcome> byAlice = writers.submit(() -> {
                    together.await();
                    return await(alice.commit(new Op.Update(KEY, aliceValue, read, 0)));
                });
                Future<Outcome> byBob = writers.submit(() -> {
                    together.await();
                    return await(bob.commit(new Op.Update(KEY, bobValue, read, 0)));
                });
                Outcome a = byAlice.get();
                Outcome b = byBob.get();

                byte[] winner;
                if (a instanceof Outcome.Written won) {
                    assertEquals(new Outcome.Conflict(won.revision()), b, "round " + round + ": bob");
                    revision = won.revision();
                    winner = aliceValue;
                    aliceWins++;
                } else if (b instanceof Outcome.Written won) {
                    assertEquals(new Outcome.Conflict(won.revision()), a, "round " + round + ": alice");
                    revision = won.revision();
                    winner = bobValue;
                } else {
                    fail("round " + round + ": nobody won (alice " + a + ", bob " + b + ")");
                    return;
                }
                Versioned stored = await(bob.get(KEY)).orElseThrow();
                assertEquals(revision, stored.modRevision(), "round " + round);
                assertArrayEquals(winner, stored.value(), "round " + round + ": the loser's value overwrote it");
                Versioned seenByAlice = await(alice.get(KEY)).orElseThrow();
                assertEquals(revision, seenByAlice.modRevision(), "round " + round + ": alice reads a stale value");
            }
        } finally {
            writers.shutdownNow();
        }
        System.out.printf("alice won %d of %d rounds, bob %d%n", aliceWins, ROUNDS, ROUNDS - aliceWins);
    }
}
