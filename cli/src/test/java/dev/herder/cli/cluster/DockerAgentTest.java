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
        // the agent's events, recorded by the pod's entity as the kubelet's on this node
        var backOff = cluster.awaitEvents("involvedObject.name=crashes,reason=BackOff", 1, Duration.ofSeconds(10)).get(0);
        assertEquals("Warning", backOff.type());
        assertEquals("Back-off restarting failed container main", backOff.message());
        assertEquals("spec.containers{main}", backOff.involvedObject().fieldPath());
        assertEquals("kubelet", backOff.source().component());
        assertEquals(NODE, backOff.source().host());
        // one event counted for each start: the first and two restarts (the events trail the status a little)
        LocalCluster.await("3 starts counted", Duration.ofSeconds(10), () -> cluster.events(
                "involvedObject.name=crashes,reason=Started").get(0).count() >= 3);
        var described = cluster.herder("describe", "pod", "crashes");
        assertTrue(described.out().matches("(?s).*\\n  Normal +Pulled +.* kubelet, " + NODE
                + " +Container image \"local/busybox:1\" already present on machine\\n.*"), described.out());
    }

    @Test
    void aMissingImageReportsErrImagePullWithTheEnginesMessage() {
        apply(pod("missing", "Always", "127.0.0.1:5999/missing:1", "true", ""));
        Pod pod = awaitPod("missing", "waiting on its image", p -> main(p) != null && main(p).state().waiting() != null
                && List.of("ErrImagePull", "ImagePullBackOff").contains(main(p).state().waiting().reason()));
        assertEquals("Pending", pod.status().phase());
        String message = main(pod).state().waiting().message();
        assertTrue(message.contains("127.0.0.1:5999") && message.contains("connection refused"), message);
        var failed = cluster.awaitEvents("involvedObject.name=missing,reason=Failed", 1, Duration.ofSeconds(10)).get(0);
        assertEquals("Warning", failed.type());
        assertTrue(failed.message().startsWith("Failed to pull image \"127.0.0.1:5999/missing:1\": ")
                && failed.message().contains("connection refused"), failed.message());
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
        var unhealthy = cluster.awaitEvents("involvedObject.name=liveness,reason=Unhealthy", 1, Duration.ofSeconds(10));
        assertTrue(unhealthy.get(0).message().startsWith("Liveness probe failed: "), unhealthy.get(0).message());
        var killing = cluster.awaitEvents("involvedObject.name=liveness,reason=Killing", 1, Duration.ofSeconds(10));
        assertEquals("Container main failed liveness probe, will be restarted", killing.get(0).message());
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
    void aPodThatCompletedStaysCompletedAcrossAnAgentRestart() throws Exception {
        apply(pod("completed", "Never", "local/busybox:1", "echo done", ""));
        Pod before = awaitPod("completed", "Succeeded", p -> "Succeeded".equals(p.status().phase()));
        String container = main(before).state().terminated().containerID();

        env.restartAgent();

        // a pod applied now runs only once the restarted agent has taken its pod list, the completed pod's with it
        apply(pod("completed-barrier", "Always", "local/busybox:1", "sleep 3600", ""));
        awaitPod("completed-barrier", "Running", p -> "Running".equals(p.status().phase()));
        Thread.sleep(2000); // and its worker for the completed pod has looked at that pod's container
        Pod after = awaitPod("completed", "Succeeded", p -> "Succeeded".equals(p.status().phase()));
        assertEquals(0, main(after).restartCount(), "not run again");
        var containers = docker.list(Map.of(ContainerSpecs.POD_UID_LABEL, before.metadata().uid()));
        assertEquals(List.of(container), containers.stream().map(c -> c.id()).toList(), "the same, ended container");
        assertTrue(!containers.get(0).running());
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

    private static ContainerStatus container(Pod pod, String name) {
        return pod.status().containerStatuses().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> containersOf(Pod pod) {
        return Map.of(ContainerSpecs.POD_UID_LABEL, pod.metadata().uid());
    }

    private static void delete(String name) {
        ApiResponse deleted = cluster.call(new ApiRequest.Delete(Pod.KIND, "default", name));
        assertTrue(deleted instanceof ApiResponse.Deleted, () -> "delete: " + deleted);
    }

    @Test
    void anEmptyDirIsSharedByThePodsContainersAndRemovedWithIt() {
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: shares\nspec:\n  terminationGracePeriodSeconds: 1\n"
                + "  volumes:\n  - name: scratch\n    emptyDir: {}\n"
                + "  containers:\n"
                + "  - name: writer\n    image: local/busybox:1\n"
                + "    volumeMounts:\n    - name: scratch\n      mountPath: /data\n"
                + "    command: [\"sh\", \"-c\", \"echo written-by-writer > /data/msg; sleep 3600\"]\n"
                + "  - name: reader\n    image: local/busybox:1\n"
                + "    volumeMounts:\n    - name: scratch\n      mountPath: /data\n      readOnly: true\n"
                + "    command: [\"sh\", \"-c\", \"while [ ! -f /data/msg ]; do sleep 0.2; done; cat /data/msg;"
                + " touch /data/mine || echo read-only; sleep 3600\"]\n");
        Pod pod = awaitPod("shares", "Running", p -> "Running".equals(p.status().phase()));
        java.nio.file.Path folder = ContainerSpecs.emptyDir(env.agentDataDir(), pod, "scratch");
        assertTrue(java.nio.file.Files.isDirectory(folder), "the emptyDir is a folder under the agent's data dir: " + folder);
        String reader = container(pod, "reader").containerID();
        LocalCluster.await("the reader's output", Duration.ofSeconds(20),
                () -> docker.logs(reader, null).contains("read-only"));
        String out = docker.logs(reader, null);
        assertTrue(out.contains("written-by-writer"), "the reader saw the writer's file: " + out);
        assertTrue(java.nio.file.Files.exists(folder.resolve("msg")));

        delete("shares");
        LocalCluster.await("its containers removed", Duration.ofSeconds(30), () -> docker.list(containersOf(pod)).isEmpty());
        LocalCluster.await("its emptyDir removed", Duration.ofSeconds(10), () -> !java.nio.file.Files.exists(folder));
    }

    @Test
    void gracefulDeleteSendsSigtermAndKillsOnlyAfterTheGracePeriod() {
        // sh as PID 1 ignores SIGTERM: only SIGKILL at the end of the grace period ends "stubborn"
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: stubborn\nspec:\n  terminationGracePeriodSeconds: 4\n"
                + "  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"while true; do sleep 1; done\"]\n");
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: polite\nspec:\n  terminationGracePeriodSeconds: 30\n"
                + "  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 1; done\"]\n");
        Pod stubborn = awaitPod("stubborn", "Running", p -> "Running".equals(p.status().phase()));
        Pod polite = awaitPod("polite", "Running", p -> "Running".equals(p.status().phase()));
        long start = System.nanoTime();
        delete("stubborn");
        delete("polite");
        long[] gone = new long[2];
        LocalCluster.await("both pods' containers removed", Duration.ofSeconds(40), () -> {
            long now = System.nanoTime();
            if (gone[0] == 0 && docker.list(containersOf(stubborn)).isEmpty()) {
                gone[0] = now;
            }
            if (gone[1] == 0 && docker.list(containersOf(polite)).isEmpty()) {
                gone[1] = now;
            }
            return gone[0] != 0 && gone[1] != 0;
        });
        Duration stubbornTook = Duration.ofNanos(gone[0] - start);
        Duration politeTook = Duration.ofNanos(gone[1] - start);
        assertTrue(stubbornTook.compareTo(Duration.ofSeconds(4)) >= 0,
                "a container ignoring SIGTERM is killed only after its 4 s grace period, not after " + stubbornTook);
        assertTrue(politeTook.compareTo(Duration.ofSeconds(15)) < 0,
                "a container that exits on SIGTERM is gone well within its 30 s grace period, not after " + politeTook);
    }

    @Test
    void restartsBackOffImmediatelyThenInitialThenDoublingToTheCap() {
        // initial 2 s doubling to a 4 s cap: restart 1 at once, 2 after 2 s, 3 after 4 s, 4 after 4 s (capped)
        apply(pod("backoff", "Always", "local/busybox:1", "sleep 2; exit 1",
                "  annotations:\n    herder.dev/restart-backoff: initial=2s,max=4s,reset=1h\n"));
        Map<Integer, Duration> gaps = new java.util.TreeMap<>();
        LocalCluster.await("four restarts seen running", Duration.ofSeconds(60), () -> {
            ApiResponse rsp = cluster.call(new ApiRequest.Get(Pod.KIND, "default", "backoff", null));
            Pod p = (Pod) ((ApiResponse.Objects) rsp).items().get(0);
            ContainerStatus c = p.status() == null ? null : main(p);
            if (c != null && c.state().running() != null && c.lastState() != null && c.lastState().terminated() != null) {
                gaps.putIfAbsent(c.restartCount(), Duration.between(
                        java.time.Instant.parse(c.lastState().terminated().finishedAt()),
                        java.time.Instant.parse(c.state().running().startedAt())));
            }
            return gaps.keySet().containsAll(List.of(1, 2, 3, 4));
        });
        Duration slack = Duration.ofMillis(2500);
        assertTrue(gaps.get(1).compareTo(Duration.ofSeconds(2)) < 0, "the first restart is immediate: " + gaps);
        assertBetween(gaps.get(2), Duration.ofSeconds(2), slack, gaps);
        assertBetween(gaps.get(3), Duration.ofSeconds(4), slack, gaps);
        assertBetween(gaps.get(4), Duration.ofSeconds(4), slack, gaps);
    }

    private static void assertBetween(Duration gap, Duration delay, Duration slack, Map<Integer, Duration> all) {
        assertTrue(gap.compareTo(delay) >= 0 && gap.compareTo(delay.plus(slack)) < 0,
                "a restart waits " + delay + " (plus at most " + slack + "), not " + gap + "; gaps by restart: " + all);
    }

    @Test
    void postStartRunsBeforeTheContainerIsRunningAndPreStopBeforeItIsStopped(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path shared) throws Exception {
        java.nio.file.Path httpOrder = shared.resolve("http-order");
        com.sun.net.httpserver.HttpServer hookServer = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.2", 0), 0);
        hookServer.createContext("/prestop", exchange -> {
            java.nio.file.Files.writeString(httpOrder, "prestop " + exchange.getRequestURI().getPath() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hookServer.start();
        try {
            String handleTerm = "trap 'echo term >> /shared/FILE; exit 0' TERM; while true; do sleep 1; done";
            apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: hooks\nspec:\n  terminationGracePeriodSeconds: 10\n"
                    + "  volumes:\n  - name: shared\n    hostPath:\n      path: " + shared + "\n"
                    + "  containers:\n"
                    + "  - name: exec\n    image: local/busybox:1\n"
                    + "    volumeMounts:\n    - name: shared\n      mountPath: /shared\n"
                    + "    command: [\"sh\", \"-c\", \"" + handleTerm.replace("FILE", "exec-order") + "\"]\n"
                    + "    lifecycle:\n"
                    + "      postStart:\n        exec:\n          command: [\"sh\", \"-c\", \"sleep 1; echo poststart > /shared/poststart\"]\n"
                    + "      preStop:\n        exec:\n          command: [\"sh\", \"-c\", \"echo prestop >> /shared/exec-order\"]\n"
                    + "  - name: http\n    image: local/busybox:1\n"
                    + "    volumeMounts:\n    - name: shared\n      mountPath: /shared\n"
                    + "    command: [\"sh\", \"-c\", \"" + handleTerm.replace("FILE", "http-order") + "\"]\n"
                    + "    lifecycle:\n"
                    + "      preStop:\n        httpGet:\n          path: /prestop\n          port: "
                    + hookServer.getAddress().getPort() + "\n");
            Pod pod = awaitPod("hooks", "Running", p -> "Running".equals(p.status().phase()));
            assertTrue(java.nio.file.Files.exists(shared.resolve("poststart")),
                    "the postStart hook has run by the time the container shows Running");

            delete("hooks");
            LocalCluster.await("its containers removed", Duration.ofSeconds(30), () -> docker.list(containersOf(pod)).isEmpty());
            assertEquals(List.of("prestop", "term"), java.nio.file.Files.readAllLines(shared.resolve("exec-order")),
                    "the exec preStop hook ran before SIGTERM");
            assertEquals(List.of("prestop /prestop", "term"), java.nio.file.Files.readAllLines(httpOrder),
                    "the httpGet preStop hook was called before SIGTERM");
        } finally {
            hookServer.stop(0);
        }
    }

    @Test
    void aFailingPostStartHookKillsTheContainerAndSaysWhy() {
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: badhook\nspec:\n  restartPolicy: Never\n"
                + "  terminationGracePeriodSeconds: 1\n"
                + "  containers:\n  - name: main\n    image: local/busybox:1\n    command: [\"sleep\", \"3600\"]\n"
                + "    lifecycle:\n      postStart:\n        exec:\n          command: [\"sh\", \"-c\", \"echo no-good; exit 7\"]\n");
        Pod pod = awaitPod("badhook", "Failed", p -> "Failed".equals(p.status().phase()));
        String message = main(pod).state().terminated().message();
        assertTrue(message != null && message.contains("postStart hook failed") && message.contains("exited with 7")
                && message.contains("no-good"), "the terminated state says why: " + message);
    }

    @Test
    void httpGetReadinessAndTcpSocketLivenessProbeTheServerInThePod() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.2"))) {
            port = free.getLocalPort();
        }
        // busybox httpd on the pod's address (a pod with ports uses the host's network), /healthz while it is there
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: webprobes\n  annotations:\n"
                + "    herder.dev/restart-backoff: initial=1s,max=2s\nspec:\n  terminationGracePeriodSeconds: 1\n"
                + "  containers:\n  - name: web\n    image: local/busybox:1\n"
                + "    ports:\n    - name: http\n      containerPort: " + port + "\n"
                + "    command: [\"sh\", \"-c\", \"mkdir -p /www; echo ok > /www/healthz;"
                + " httpd -f -p 127.0.0.2:" + port + " -h /www & sleep 3600\"]\n"
                + "    readinessProbe:\n      httpGet:\n        path: /healthz\n        port: http\n      periodSeconds: 1\n"
                + "    livenessProbe:\n      tcpSocket:\n        port: " + port + "\n      periodSeconds: 1\n"
                + "      failureThreshold: 2\n");
        Pod ready = awaitPod("webprobes", "Ready through its httpGet probe", DockerAgentTest::ready);
        String id = main(ready).containerID();

        docker.exec(id, List.of("rm", "/www/healthz"), Duration.ofSeconds(5));
        Pod unready = awaitPod("webprobes", "not Ready once /healthz answers 404",
                p -> !ready(p) && "Running".equals(p.status().phase()));
        assertEquals(0, main(unready).restartCount(), "readiness does not restart the container");

        docker.exec(id, List.of("killall", "httpd"), Duration.ofSeconds(5));
        Pod restarted = awaitPod("webprobes", "restarted by its tcpSocket liveness probe",
                p -> main(p) != null && main(p).restartCount() >= 1);
        assertNotNull(main(restarted).lastState().terminated());
        awaitPod("webprobes", "Ready again in its new container", DockerAgentTest::ready);
    }
}
