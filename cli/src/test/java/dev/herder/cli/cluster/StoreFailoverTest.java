package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.client.FailoverClient;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A client applies pods without pause while the control-plane JVM holding the Master is killed with kill -9, then
 * (the first back) another one, then the etcd member that leads: the API is stateless, so a JVM's death costs a
 * client one retry on another node (no apply waits more than 2 s for its answer), and etcd elects a new leader and
 * writes go on. Afterwards every acknowledged pod is in the store with the content it was acknowledged with.
 */
class StoreFailoverTest {
    private static final int BASE_PORT = 6050;
    private static final Duration WRITE_DURING = Duration.ofSeconds(8);
    private static final long MAX_WAIT_MILLIS = 2000;
    private static final long SLOW_MILLIS = 500;
    private static final Duration SETTLE = Duration.ofSeconds(6);

    @Test
    void appliesGoOnThroughKillsOfControlPlaneJvmsAndOfTheEtcdLeaderAndNothingAcknowledgedIsLost() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("store-failover", BASE_PORT, 3)) {
            cluster.startAllControlPlanes();
            cluster.awaitUp(3, Duration.ofSeconds(60));
            Thread.sleep(SETTLE.toMillis());
            List<String> contacts = List.of(cluster.contacts().split(","));
            warm(contacts);
            try (FailoverClient client = FailoverClient.connect(contacts, Duration.ofMillis(600), Duration.ofSeconds(30))) {
                Writer writer = new Writer(client);
                Thread thread = new Thread(writer, "store-failover-writer");
                thread.start();
                try {
                    writer.awaitWrites(20);

                    String master = cluster.status().leader();
                    assertNotNull(master, "a Master before the kill");
                    int first = cluster.indexOf(master);
                    long worstAfterMasterKill = through("control-plane " + first + " (the Master's)", writer,
                            () -> cluster.kill(first));
                    restart(cluster, first);

                    int second = first % 3 + 1;
                    long worstAfterSecondKill = through("control-plane " + second, writer, () -> cluster.kill(second));
                    restart(cluster, second);

                    int leader = cluster.etcdLeader();
                    long worstAfterEtcdKill = through("etcd member " + leader + " (the leader)", writer,
                            () -> cluster.killEtcd(leader));
                    cluster.startEtcd(leader);

                    System.out.println("longest apply wait: " + worstAfterMasterKill + " ms after kill -9 of the Master's"
                            + " JVM, " + worstAfterSecondKill + " ms after another JVM's, " + worstAfterEtcdKill
                            + " ms after the etcd leader's; " + writer.acknowledged.size() + " applies acknowledged, "
                            + writer.failures.get() + " failed");
                    assertTrue(worstAfterMasterKill <= MAX_WAIT_MILLIS, "an apply waited " + worstAfterMasterKill
                            + " ms after kill -9 of the Master's JVM");
                    assertTrue(worstAfterSecondKill <= MAX_WAIT_MILLIS, "an apply waited " + worstAfterSecondKill
                            + " ms after kill -9 of another control-plane JVM");
                } finally {
                    writer.stop.set(true);
                    thread.join(30_000);
                }

                ApiResponse listed = client.call(new ApiRequest.Get(Pod.KIND, "default", null, null));
                Map<String, Pod> stored = ((ApiResponse.Objects) listed).items().stream().map(Pod.class::cast)
                        .collect(Collectors.toMap(p -> p.metadata().name(), Function.identity()));
                for (Map.Entry<String, String> ack : writer.acknowledged.entrySet()) {
                    Pod pod = stored.get(ack.getKey());
                    assertNotNull(pod, "acknowledged pod " + ack.getKey() + " is in the store");
                    if (writer.uncertain.containsKey(ack.getKey())) {
                        continue;
                    }
                    assertEquals(ack.getValue(), pod.metadata().labels().get("content"),
                            "pod " + ack.getKey() + " has the content it was acknowledged with");
                }
            }
        }
    }

    /**
     * One apply through each node first, so that the writer's first answers after a kill do not include a node's
     * first request ever (classes still loading, code not yet compiled).
     */
    private static void warm(List<String> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            try (FailoverClient one = FailoverClient.connect(List.of(contacts.get(i)), Duration.ofSeconds(10),
                    Duration.ofSeconds(30))) {
                ApiResponse rsp = one.call(new ApiRequest.Apply(List.of(TestPods.pod("warm-" + i))));
                assertTrue(rsp instanceof ApiResponse.Applied applied && applied.allSucceeded(), () -> "warm-up: " + rsp);
            }
        }
    }

    /** What kills a process. */
    private interface Kill {
        void run() throws Exception;
    }

    /** Kills with kill -9, lets the writer go on for a while, and answers the longest apply wait meanwhile. */
    private static long through(String what, Writer writer, Kill kill) throws Exception {
        long before = writer.acknowledged.size();
        System.out.println("kill -9 of " + what + " at " + Instant.now());
        writer.worstMillis.set(0);
        kill.run();
        Thread.sleep(WRITE_DURING.toMillis());
        assertTrue(writer.acknowledged.size() > before + 10, "applies go on after kill -9 of " + what);
        return writer.worstMillis.get();
    }

    /**
     * Starts a killed control-plane node again and waits until it is Up, and then until every member has seen it so:
     * a kill while one still sees it Joining lets that one's Split Brain Resolver count two members, one of them
     * gone, and down itself.
     */
    private static void restart(LocalCluster cluster, int controlPlane) throws Exception {
        cluster.startControlPlane(controlPlane);
        cluster.awaitUp(3, Duration.ofSeconds(90));
        Thread.sleep(SETTLE.toMillis());
    }

    /** Applies pods one after another (each a new one, or a new content for one applied before) until stopped. */
    private static final class Writer implements Runnable {
        final FailoverClient client;
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        /** Pods whose last apply failed: it may or may not have taken effect, so only their existence is checked. */
        final Map<String, Boolean> uncertain = new ConcurrentHashMap<>();
        final AtomicLong worstMillis = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();

        Writer(FailoverClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            for (long i = 0; !stop.get(); i++) {
                // every fifth apply changes a pod applied before, so updates are checked as well as creates
                String name = "w-" + (i % 5 == 4 ? i - 4 : i);
                String content = "c" + i;
                Pod pod = TestPods.pod(name);
                ObjectMeta m = pod.metadata();
                Pod labelled = (Pod) pod.withMetadata(new ObjectMeta(m.name(), null, m.namespace(),
                        Map.of("app", "test", "content", content), null, null, null, null, null, null, null));
                long started = System.nanoTime();
                try {
                    ApiResponse rsp = client.call(new ApiRequest.Apply(List.of(labelled)));
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    worstMillis.accumulateAndGet(millis, Math::max);
                    if (millis > SLOW_MILLIS) {
                        System.out.println("apply of " + name + " took " + millis + " ms, answered at "
                                + Instant.now());
                    }
                    if (rsp instanceof ApiResponse.Applied applied && applied.allSucceeded()) {
                        acknowledged.put(name, content);
                        uncertain.remove(name);
                    } else {
                        failures.incrementAndGet();
                        uncertain.put(name, true);
                        System.out.println("apply of " + name + " refused: " + rsp);
                    }
                } catch (RuntimeException e) {
                    worstMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                    failures.incrementAndGet();
                    uncertain.put(name, true);
                    System.out.println("apply of " + name + " failed: " + e.getMessage());
                }
            }
        }

        void awaitWrites(int count) {
            LocalCluster.await(count + " applies acknowledged", Duration.ofSeconds(30), () -> acknowledged.size() >= count);
        }
    }
}
