package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replication controller of busybox pods on the real Docker engine: a container killed with docker kill comes
 * back, and a rolling update of the image waits for each new pod's readiness before an old one goes.
 */
class DockerControllerTest {
    private static final int BASE_PORT = 4850;
    private static final String NODE = "docker-rc-node";
    private static DockerCluster env;
    private static LocalCluster cluster;
    private static DockerRuntime docker;

    @BeforeAll
    static void start() throws Exception {
        env = DockerCluster.start("docker-controllers", BASE_PORT, NODE);
        cluster = env.cluster;
        docker = env.docker;
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    /** Ready 2 s after it starts (its readiness probe finds /tmp/ready); SIGTERM ends it at once. */
    private static String rc(String name, String image) {
        return rc(name, image, "");
    }

    private static String rc(String name, String image, String moreSpec) {
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: " + name + "\nspec:\n  replicas: 3\n"
                + moreSpec
                + "  minReadySeconds: 1\n  selector:\n    app: " + name + "\n  template:\n    metadata:\n      labels:\n"
                + "        app: " + name + "\n    spec:\n      terminationGracePeriodSeconds: 2\n      containers:\n"
                + "      - name: main\n        image: " + image + "\n"
                + "        command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 2; touch /tmp/ready; while true; do sleep 1; done\"]\n"
                + "        readinessProbe:\n          exec:\n            command: [\"cat\", \"/tmp/ready\"]\n"
                + "          periodSeconds: 1\n";
    }

    private static List<Pod> podsOf(String app) {
        return cluster.<Pod>list(Pod.KIND).stream()
                .filter(p -> p.metadata().labels() != null && app.equals(p.metadata().labels().get("app"))).toList();
    }

    private static boolean ready(Pod p) {
        return p.status() != null && "Running".equals(p.status().phase()) && p.status().conditions() != null
                && p.status().conditions().stream().anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
    }

    private static void awaitAllReady(String app, int count) {
        LocalCluster.await(count + " " + app + " pods Ready", Duration.ofSeconds(90), () -> {
            List<Pod> pods = podsOf(app);
            return pods.size() == count && pods.stream().allMatch(DockerControllerTest::ready);
        });
    }

    @Test
    void aContainerKilledWithDockerKillComesBack() {
        env.apply(rc("killed", "local/busybox:1"));
        awaitAllReady("killed", 3);
        Pod victim = podsOf("killed").get(0);
        String container = victim.status().containerStatuses().get(0).containerID();
        ProcessBuilder kill = new ProcessBuilder("docker", "kill", container).redirectErrorStream(true);
        LocalCluster.await("docker kill " + container, Duration.ofSeconds(10), () -> {
            try {
                return kill.start().waitFor() == 0;
            } catch (Exception e) {
                return false;
            }
        });
        LocalCluster.await("the killed pod running again in a new container", Duration.ofSeconds(60), () -> {
            ApiResponse rsp = cluster.call(new ApiRequest.Get(Pod.KIND, "default", victim.metadata().name(), null));
            Pod p = (Pod) ((ApiResponse.Objects) rsp).items().get(0);
            var c = p.status().containerStatuses().get(0);
            return c.restartCount() >= 1 && c.state().running() != null && !container.equals(c.containerID());
        });
        assertEquals(3, podsOf("killed").size(), "the same three pods, one restarted in place");
    }

    @Test
    void aRollingUpdateOfTheImageWaitsForEachNewPodsReadiness() throws Exception {
        env.apply(rc("rolled", "local/busybox:1"));
        awaitAllReady("rolled", 3);
        AtomicInteger fewestReady = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger mostPods = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread checker = new Thread(() -> {
            while (watching.get()) {
                try {
                    List<Pod> pods = podsOf("rolled");
                    fewestReady.accumulateAndGet((int) pods.stream().filter(DockerControllerTest::ready).count(), Math::min);
                    mostPods.accumulateAndGet(pods.size(), Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // no answer: sample again
                }
            }
        });
        checker.start();
        env.apply(rc("rolled", "local/busybox:2"));
        var status = cluster.herder("rollout", "status", "rc", "rolled");
        watching.set(false);
        checker.join(5000);
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(fewestReady.get() >= 3, "Ready pods fell to " + fewestReady.get());
        assertTrue(mostPods.get() <= 4, "pods rose to " + mostPods.get());
        List<Pod> pods = podsOf("rolled");
        assertEquals(3, pods.size());
        for (Pod p : pods) {
            assertEquals("local/busybox:2", p.spec().containers().get(0).image());
            var containers = docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, p.metadata().uid()));
            assertEquals(1, containers.size());
            assertTrue(containers.get(0).running());
            assertEquals("local/busybox:2", containers.get(0).image(), "the container runs the new image");
        }
        ReplicationController rc = (ReplicationController) ((ApiResponse.Objects) cluster.call(new ApiRequest.Get(
                ReplicationController.KIND, "default", "rolled", null))).items().get(0);
        assertEquals(3, rc.status().updatedReplicas());
    }

    @Test
    void aNewImageThatCannotBePulledIsRolledBackOnItsOwn() {
        String rollback = "  progressDeadlineSeconds: 10\n  autoRollback: true\n";
        env.apply(rc("fallback", "local/busybox:1", rollback));
        awaitAllReady("fallback", 3);
        env.apply(rc("fallback", "127.0.0.1:5999/missing:1", rollback));

        var status = cluster.herder("rollout", "status", "rc", "fallback");
        assertEquals(1, status.exitCode(), status.out());
        assertTrue(status.err().contains("rolled back") && status.err().contains("made no progress"), status.err());

        awaitAllReady("fallback", 3);
        for (Pod p : podsOf("fallback")) {
            assertEquals("local/busybox:1", p.spec().containers().get(0).image());
        }
        ReplicationController rc = (ReplicationController) ((ApiResponse.Objects) cluster.call(new ApiRequest.Get(
                ReplicationController.KIND, "default", "fallback", null))).items().get(0);
        assertEquals("local/busybox:1", rc.spec().template().spec().containers().get(0).image());
        assertEquals("RolledBack", rc.status().rollout().phase());
        var rolledBack = cluster.awaitEvents("involvedObject.name=fallback,reason=RolledBack", 1, Duration.ofSeconds(10));
        assertEquals("Warning", rolledBack.get(0).type());
        assertTrue(rolledBack.get(0).message().startsWith("Revision 2 made no progress for 10 s"),
                rolledBack.get(0).message());
        cluster.awaitEvents("involvedObject.name=fallback,reason=RollbackComplete", 1, Duration.ofSeconds(10));
        var described = cluster.herder("describe", "rc", "fallback");
        assertTrue(described.out().contains("Warning   RolledBack"), described.out());
        var history = cluster.herder("rollout", "history", "rc", "fallback");
        assertEquals(0, history.exitCode(), history.err());
        assertTrue(history.out().contains("127.0.0.1:5999/missing:1") && history.out().contains("main=local/busybox:1"),
                history.out());
    }
}
