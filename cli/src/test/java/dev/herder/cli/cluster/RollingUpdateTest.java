package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rolling updates of 10 replicas on simulated nodes behind 3 control-plane nodes, watched by a checker that
 * lists the pods all along: Ready pods never fall below replicas - maxUnavailable (10 - 0) and pods never
 * exceed replicas + maxSurge (10 + 1), also when the Master's JVM is killed halfway.
 */
class RollingUpdateTest {
    private static final int BASE_PORT = 4750;
    private static final int REPLICAS = 10;
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.inFolder("rolling-update", BASE_PORT, 3);
        cluster.startAllControlPlanes();
        cluster.awaitUp(3, Duration.ofSeconds(90));
        cluster.startSimulatedAgent("roll", 3, 0);
        cluster.awaitReadyNodes(3, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String rc(String name, String version) {
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  replicas: " + REPLICAS + "\n  minReadySeconds: 1\n  selector:\n    app: " + name + "\n"
                + "  template:\n    metadata:\n      labels:\n        app: " + name + "\n"
                + "    spec:\n      containers:\n      - name: main\n        image: local/busybox:1\n"
                + "        env:\n        - name: VERSION\n          value: \"" + version + "\"\n";
    }

    private static void apply(String yaml) {
        LocalCluster.await("the apply accepted", Duration.ofSeconds(60), () -> {
            ApiResponse rsp = cluster.call(new ApiRequest.Apply(ManifestReader.read(yaml, "test").objects()));
            return rsp instanceof ApiResponse.Applied a && a.allSucceeded();
        });
    }

    private static ReplicationController rcNamed(String name) {
        ApiResponse rsp = cluster.call(new ApiRequest.Get(ReplicationController.KIND, "default", name, null));
        return (ReplicationController) ((ApiResponse.Objects) rsp).items().get(0);
    }

    private static void awaitRolledOut(String name, Duration within) {
        LocalCluster.await(name + " rolled out", within, () -> {
            try {
                return dev.herder.cli.verbs.RolloutStatusCommand.complete(rcNamed(name));
            } catch (RuntimeException e) {
                return false; // no answer during a failover: ask again
            }
        });
    }

    /** Lists the controller's pods every 100 ms and keeps the fewest Ready and the most pods it saw. */
    private static final class Checker implements AutoCloseable {
        final AtomicInteger fewestReady = new AtomicInteger(Integer.MAX_VALUE);
        final AtomicInteger mostPods = new AtomicInteger();
        final AtomicInteger samples = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Checker(String app) {
            HerderClient client = HerderClient.connect(List.of(cluster.contacts().split(",")), Duration.ofSeconds(2));
            thread = new Thread(() -> {
                try (client) {
                    while (running.get()) {
                        try {
                            ApiResponse rsp = Pages.list(client, Pod.KIND, "default", "app=" + app, null);
                            if (rsp instanceof ApiResponse.Objects o) {
                                List<Pod> pods = o.items().stream().map(Pod.class::cast).filter(p -> p.status() == null
                                        || !List.of("Failed", "Succeeded").contains(p.status().phase())).toList();
                                int ready = (int) pods.stream().filter(RollingUpdateTest::ready).count();
                                if (pods.size() > REPLICAS + 1 || ready < REPLICAS) {
                                    System.out.println("CHECKER " + java.time.Instant.now() + " " + pods.size() + " pods, "
                                            + ready + " ready: " + pods.stream().map(p -> p.metadata().name() + "/"
                                            + p.metadata().labels().get("herder.dev/template-hash")).toList());
                                }
                                fewestReady.accumulateAndGet(ready, Math::min);
                                mostPods.accumulateAndGet(pods.size(), Math::max);
                                samples.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            // no answer (a failover): sample again
                        }
                        Thread.sleep(100);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "rollout-checker");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }

    private static boolean ready(Pod p) {
        return p.status() != null && "Running".equals(p.status().phase()) && p.status().conditions() != null
                && p.status().conditions().stream().anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
    }

    private static List<Pod> podsOf(String app) {
        return cluster.<Pod>list(Pod.KIND).stream()
                .filter(p -> p.metadata().labels() != null && app.equals(p.metadata().labels().get("app"))).toList();
    }

    @Test
    void aRollingUpdateReplacesEveryPodWithinTheBoundsAndRolloutStatusFollowsIt() throws Exception {
        apply(rc("roll", "v1"));
        awaitRolledOut("roll", Duration.ofSeconds(60));
        List<String> before = podsOf("roll").stream().map(p -> p.metadata().name()).toList();

        try (Checker checker = new Checker("roll")) {
            apply(rc("roll", "v2"));
            var status = cluster.herder("rollout", "status", "rc", "roll");
            assertEquals(0, status.exitCode(), status.err());
            List<String> lines = status.out().lines().toList();
            assertEquals("replicationcontroller \"roll\" successfully rolled out", lines.get(lines.size() - 1));
            assertTrue(lines.stream().anyMatch(l -> l.contains("new replicas have been updated")), status.out());
            checker.close();
            assertTrue(checker.samples.get() > 20, "the checker sampled " + checker.samples.get() + " times");
            assertTrue(checker.fewestReady.get() >= REPLICAS, "Ready pods fell to " + checker.fewestReady.get());
            assertTrue(checker.mostPods.get() <= REPLICAS + 1, "pods rose to " + checker.mostPods.get());
        }
        List<Pod> after = podsOf("roll");
        assertEquals(REPLICAS, after.size());
        assertTrue(after.stream().noneMatch(p -> before.contains(p.metadata().name())), "every pod was replaced");
        assertTrue(after.stream().allMatch(p -> p.spec().containers().get(0).env().get(0).value().equals("v2")));
        ReplicationController rc = rcNamed("roll");
        assertEquals(REPLICAS, rc.status().updatedReplicas());
        assertEquals(REPLICAS, rc.status().availableReplicas());
        var started = cluster.awaitEvents("involvedObject.name=roll,reason=RolloutStarted", 1, Duration.ofSeconds(10));
        assertEquals(List.of("Rolling out revision 2 (template " + rc.status().rollout().templateHash() + ")"),
                started.stream().map(dev.herder.protocol.api.Event::message).toList());
        var complete = cluster.awaitEvents("involvedObject.name=roll,reason=RolloutComplete", 1, Duration.ofSeconds(10));
        assertEquals(List.of("Revision 2 is rolled out: every pod runs its template and is available"),
                complete.stream().map(dev.herder.protocol.api.Event::message).toList(), "revision 1 (the creation) is no rollout");
        assertEquals(2 * REPLICAS, cluster.events("involvedObject.name=roll,reason=SuccessfulCreate").size());
        assertEquals(REPLICAS, cluster.events("involvedObject.name=roll,reason=SuccessfulDelete").size());
    }

    @Test
    void aRollingUpdateCompletesAfterTheMastersJvmIsKilledHalfway() throws Exception {
        apply(rc("survivor", "v1"));
        awaitRolledOut("survivor", Duration.ofSeconds(60));

        try (Checker checker = new Checker("survivor")) {
            apply(rc("survivor", "v2"));
            LocalCluster.await("half the pods updated", Duration.ofSeconds(60),
                    () -> rcNamed("survivor").status().updatedReplicas() >= REPLICAS / 2);
            String leader = cluster.status().leader();
            cluster.kill(cluster.indexOf(leader));
            awaitRolledOut("survivor", Duration.ofSeconds(120));
            checker.close();
            assertTrue(checker.fewestReady.get() >= REPLICAS, "Ready pods fell to " + checker.fewestReady.get());
            assertTrue(checker.mostPods.get() <= REPLICAS + 1, "pods rose to " + checker.mostPods.get());
        }
        List<Pod> after = podsOf("survivor");
        assertEquals(REPLICAS, after.size());
        assertTrue(after.stream().allMatch(p -> p.spec().containers().get(0).env().get(0).value().equals("v2")));
    }
}
