package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node agent on the machine's real Docker engine, behind a one-node control plane: pods run as containers,
 * report their phase and container states, restart with back-off, fail clearly on a missing image, and their
 * containers go when they are deleted.
 */
class DockerAgentTest {
    private static final int BASE_PORT = 4050;
    private static final String NODE = "docker-test-node";
    private static DockerCluster env;
    private static LocalCluster cluster;
    private static DockerRuntime docker;

    @BeforeAll
    static void start() throws Exception {
        env = DockerCluster.start("docker-agent", BASE_PORT, NODE);
        cluster = env.cluster;
        docker = env.docker;
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    private static void apply(String yaml) {
        env.apply(yaml);
    }

    private static String pod(String name, String restartPolicy, String image, String script, String annotations) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n" + annotations
                + "spec:\n  restartPolicy: " + restartPolicy + "\n  terminationGracePeriodSeconds: 2\n"
                + "  containers:\n  - name: main\n    image: " + image + "\n"
                + "    command: [\"sh\", \"-c\", \"" + script + "\"]\n";
    }

    private static Pod awaitPod(String name, String what, Predicate<Pod> condition) {
        return awaitPod(name, what, condition, Duration.ofSeconds(60));
    }

    private static Pod awaitPod(String name, String what, Predicate<Pod> condition, Duration timeout) {
        Pod[] seen = new Pod[1];
        LocalCluster.await(name + " " + what, timeout, () -> {
            ApiResponse rsp = cluster.call(new ApiRequest.Get(Pod.KIND, "default", name, null));
            if (rsp instanceof ApiResponse.Objects o && !o.items().isEmpty()) {
                seen[0] = (Pod) o.items().get(0);
                return seen[0].status() != null && condition.test(seen[0]);
            }
            return false;
        });
        return seen[0];
    }

    private static ContainerStatus main(Pod pod) {
        return pod.status().containerStatuses() == null || pod.status().containerStatuses().isEmpty() ? null
                : pod.status().containerStatuses().get(0);
    }

    @Test
    void aPodRunsAsAContainerAndReportsRunning() {
        apply(pod("runs", "Always", "local/busybox:1", "echo up; sleep 3600", ""));
        Pod pod = awaitPod("runs", "Running", p -> "Running".equals(p.status().phase()));
        ContainerStatus c = main(pod);
        assertNotNull(c.state().running().startedAt());
        assertTrue(c.ready());
        assertEquals("127.0.0.2", pod.status().hostIP());
        var containers = docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, pod.metadata().uid()));
        assertEquals(1, containers.size());
        assertTrue(containers.get(0).running());
        assertEquals(c.containerID(), containers.get(0).id());
    }

    @Test
    void exitCodesGiveTerminatedReasonsAndThePodsPhase() {
        apply(pod("fails", "Never", "local/busybox:1", "exit 3", ""));
        apply(pod("completes", "Never", "local/busybox:1", "exit 0", ""));
        Pod failed = awaitPod("fails", "Failed", p -> "Failed".equals(p.status().phase()));
        assertEquals(3, main(failed).state().terminated().exitCode());
        assertEquals("Error", main(failed).state().terminated().reason());
        Pod done = awaitPod("completes", "Succeeded", p -> "Succeeded".equals(p.status().phase()));
        assertEquals("Completed", main(done).state().terminated().reason());
    }

    @Test
    void aCrashingContainerRestartsWithBackOff() {
        apply(pod("crashes", "Always", "local/busybox:1", "exit 1",
                "  annotations:\n    herder.dev/restart-backoff: initial=1s,max=2s\n"));
        Pod pod = awaitPod("crashes", "restarted twice", p -> main(p) != null && main(p).restartCount() >= 2);
        assertEquals(1, main(pod).lastState().terminated().exitCode());
        awaitPod("crashes", "in CrashLoopBackOff", p -> main(p).state().waiting() != null
                && "CrashLoopBackOff".equals(main(p).state().waiting().reason()));
    }

    @Test
    void aMissingImageReportsErrImagePullWithTheEnginesMessage() {
        apply(pod("missing", "Always", "127.0.0.1:5999/missing:1", "true", ""));
        Pod pod = awaitPod("missing", "waiting on its image", p -> main(p) != null && main(p).state().waiting() != null
                && List.of("ErrImagePull", "ImagePullBackOff").contains(main(p).state().waiting().reason()));
        assertEquals("Pending", pod.status().phase());
        String message = main(pod).state().waiting().message();
        assertTrue(message.contains("127.0.0.1:5999") && message.contains("connection refused"), message);
    }

    @Test
    void deletingAPodRemovesItsContainers() {
        apply(pod("deleted", "Always", "local/busybox:1", "sleep 3600", ""));
        Pod pod = awaitPod("deleted", "Running", p -> "Running".equals(p.status().phase()));
        Map<String, String> mine = Map.of(ContainerSpecs.POD_UID_LABEL, pod.metadata().uid());
        assertEquals(1, docker.list(mine).size());
        ApiResponse deleted = cluster.call(new ApiRequest.Delete(Pod.KIND, "default", "deleted"));
        assertTrue(deleted instanceof ApiResponse.Deleted, () -> "delete: " + deleted);
        LocalCluster.await("its container removed", Duration.ofSeconds(30), () -> docker.list(mine).isEmpty());
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer() {
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: liveness\n  annotations:\n"
                + "    herder.dev/restart-backoff: initial=1s,max=2s\nspec:\n  terminationGracePeriodSeconds: 1\n"
                + "  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"touch /tmp/healthy; sleep 2; rm /tmp/healthy; sleep 600\"]\n"
                + "    livenessProbe:\n      exec:\n        command: [\"cat\", \"/tmp/healthy\"]\n"
                + "      periodSeconds: 1\n      failureThreshold: 2\n");
        Pod pod = awaitPod("liveness", "restarted by its liveness probe", p -> main(p) != null && main(p).restartCount() >= 1);
        assertNotNull(main(pod).lastState().terminated(), "the killed run is the last state");
    }

    @Test
    void readinessDrivesTheReadyCondition() {
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: readiness\nspec:\n  terminationGracePeriodSeconds: 1\n"
                + "  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"sleep 3; touch /tmp/ready; sleep 5; rm /tmp/ready; sleep 600\"]\n"
                + "    readinessProbe:\n      exec:\n        command: [\"cat\", \"/tmp/ready\"]\n"
                + "      periodSeconds: 1\n");
        awaitPod("readiness", "Running but not Ready", p -> "Running".equals(p.status().phase()) && !ready(p));
        awaitPod("readiness", "Ready", DockerAgentTest::ready);
        awaitPod("readiness", "not Ready again", p -> !ready(p) && "Running".equals(p.status().phase()));
    }

    @Test
    void theExecLivenessExampleIsRestartedOnceItsProbeFails() throws Exception {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("..", "..", "shared", "k8s-examples",
                "exec-liveness.yaml")).replace("registry.k8s.io/busybox:1.27.2", "local/busybox:1");
        apply(example);
        Pod pod = awaitPod("liveness-exec", "restarted after its probe started failing",
                p -> main(p) != null && main(p).restartCount() >= 1, Duration.ofSeconds(90));
        assertEquals("liveness", main(pod).name());
    }

    private static boolean ready(Pod p) {
        return p.status().conditions() != null && p.status().conditions().stream()
                .anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
    }

    @Test
    void aRestartedAgentAdoptsRunningContainersAndRemovesOrphans() throws Exception {
        apply(pod("adopted", "Always", "local/busybox:1", "sleep 3600", ""));
        Pod before = awaitPod("adopted", "Running", p -> "Running".equals(p.status().phase()));
        String orphan = docker.create(new dev.herder.agent.runtime.ContainerSpec("herder-test-orphan-" + NODE,
                "local/busybox:1", List.of("sleep", "3600"), null, null, null, false,
                Map.of(ContainerSpecs.NODE_LABEL, NODE, ContainerSpecs.POD_UID_LABEL, "no-such-pod",
                        ContainerSpecs.CONTAINER_LABEL, "main"), null, null, null));
        docker.start(orphan);

        env.restartAgent();

        LocalCluster.await("the orphan removed", Duration.ofSeconds(40),
                () -> docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, "no-such-pod")).isEmpty());
        var containers = docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, before.metadata().uid()));
        assertEquals(1, containers.size());
        assertEquals(main(before).containerID(), containers.get(0).id(), "the same container, not a new one");
        assertTrue(containers.get(0).running());
        Pod after = awaitPod("adopted", "Running", p -> "Running".equals(p.status().phase()));
        assertEquals(main(before).containerID(), main(after).containerID());
        assertEquals(main(before).state().running().startedAt(), main(after).state().running().startedAt());
        assertEquals(0, main(after).restartCount());
    }

    @Test
    void dependsOnStartsAContainerAfterItsDependencyIsReadyAndStopsItFirst(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path shared) throws Exception {
        String loop = "while true; do sleep 1; done";
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ordered\nspec:\n  terminationGracePeriodSeconds: 5\n"
                + "  volumes:\n  - name: shared\n    hostPath:\n      path: " + shared + "\n"
                + "  containers:\n"
                + "  - name: app\n    image: local/busybox:1\n    dependsOn: [db]\n"
                + "    volumeMounts:\n    - name: shared\n      mountPath: /shared\n"
                + "    command: [\"sh\", \"-c\", \"trap 'echo app >> /shared/order; exit 0' TERM; " + loop + "\"]\n"
                + "  - name: db\n    image: local/busybox:1\n"
                + "    volumeMounts:\n    - name: shared\n      mountPath: /shared\n"
                + "    command: [\"sh\", \"-c\", \"trap 'echo db >> /shared/order; exit 0' TERM; sleep 2; touch /tmp/ready; "
                + loop + "\"]\n"
                + "    readinessProbe:\n      exec:\n        command: [\"cat\", \"/tmp/ready\"]\n      periodSeconds: 1\n");
        Pod pod = awaitPod("ordered", "Running and Ready", p -> "Running".equals(p.status().phase()) && ready(p));
        ContainerStatus app = pod.status().containerStatuses().stream().filter(c -> c.name().equals("app")).findFirst().orElseThrow();
        ContainerStatus db = pod.status().containerStatuses().stream().filter(c -> c.name().equals("db")).findFirst().orElseThrow();
        Duration gap = Duration.between(java.time.Instant.parse(db.state().running().startedAt()),
                java.time.Instant.parse(app.state().running().startedAt()));
        assertTrue(gap.compareTo(Duration.ofSeconds(2)) >= 0, "app started " + gap + " after db, which became ready after 2 s");

        ApiResponse deleted = cluster.call(new ApiRequest.Delete(Pod.KIND, "default", "ordered"));
        assertTrue(deleted instanceof ApiResponse.Deleted, () -> "delete: " + deleted);
        Map<String, String> mine = Map.of(ContainerSpecs.POD_UID_LABEL, pod.metadata().uid());
        LocalCluster.await("its containers removed", Duration.ofSeconds(30), () -> docker.list(mine).isEmpty());
        assertEquals(List.of("app", "db"), java.nio.file.Files.readAllLines(shared.resolve("order")), "stopped in reverse order");
    }
}
