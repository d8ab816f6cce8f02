package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code herder logs} and {@code herder exec} through a one-node control plane to a node agent on the machine's
 * real Docker engine: the output of a pod's container, its last lines, a line printed while following, a
 * command's output and exit code, and a clear refusal for a container the pod does not have; kubectl exec with
 * stdin to its end, in a terminal of kubectl's size, its output streamed before the command ends; and a graceful
 * delete: the pod Terminating while its preStop hook runs, kubectl's and herder's delete waiting until it is gone.
 */
class LogsExecTest {
    private static final int BASE_PORT = 4150;
    private static final String NODE = "logs-exec-node";
    private static final String POD = "talker";
    private static DockerCluster env;
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        env = DockerCluster.start("logs-exec", BASE_PORT, NODE);
        cluster = env.cluster;
        env.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + POD + "\n"
                + "spec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"echo one; echo two; echo three; sleep 3600\"]\n");
        LocalCluster.await(POD + " Running", Duration.ofSeconds(60), () ->
                cluster.call(new ApiRequest.Get(Pod.KIND, "default", POD, null)) instanceof ApiResponse.Objects o
                        && ((Pod) o.items().get(0)).status() != null
                        && "Running".equals(((Pod) o.items().get(0)).status().phase()));
        LocalCluster.await(POD + " printed its lines", Duration.ofSeconds(10), () -> herder("logs", POD).out().contains("three"));
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    private static CliRun.Result herder(String... args) {
        return cluster.herder(args);
    }

    @Test
    void logsShowsTheContainersOutput() {
        CliRun.Result r = herder("logs", POD);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("one\ntwo\nthree\n", r.out());
        CliRun.Result named = herder("logs", POD, "-c", "main");
        assertEquals("one\ntwo\nthree\n", named.out());
    }

    @Test
    void tailShowsTheLastLines() {
        CliRun.Result r = herder("logs", POD, "--tail", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("three\n", r.out());
    }

    @Test
    void followShowsALinePrintedAfterItStarted() throws Exception {
        CompletableFuture<CliRun.Result> following = CompletableFuture.supplyAsync(
                () -> herder("logs", POD, "-f", "--follow-for", "6s"));
        Thread.sleep(2500);
        CliRun.Result printed = herder("exec", POD, "--", "sh", "-c", "echo later > /proc/1/fd/1");
        assertEquals(0, printed.exitCode(), printed.out() + printed.err());
        CliRun.Result r = following.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("one\ntwo\nthree\n"), r.out());
        assertTrue(r.out().contains("later\n"), r.out());
    }

    @Test
    void execPrintsTheOutputAndExitsWithTheCommandsCode() {
        CliRun.Result r = herder("exec", POD, "--", "sh", "-c", "echo hi; echo oops >&2; exit 7");
        assertEquals(7, r.exitCode(), r.err());
        assertTrue(r.out().contains("hi\n") && r.out().contains("oops\n"), r.out());
        CliRun.Result ok = herder("exec", POD, "-c", "main", "--", "ls", "/");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().lines().toList().contains("bin"), ok.out());
    }

    @Test
    void anUnknownContainerIsRefusedNamingThePodsContainers() {
        CliRun.Result logs = herder("logs", POD, "-c", "db");
        assertEquals(1, logs.exitCode());
        assertEquals(List.of("error: pod \"talker\" has no container \"db\"; its containers are: main"), logs.errLines());
        CliRun.Result exec = herder("exec", POD, "-c", "db", "--", "true");
        assertEquals(1, exec.exitCode());
        assertEquals(List.of("error: pod \"talker\" has no container \"db\"; its containers are: main"), exec.errLines());
    }

    @Test
    void anUnknownPodIsRefused() {
        CliRun.Result r = herder("logs", "nobody");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("\"nobody\" not found"), r.err());
    }

    @Test
    void readsThePreviousInstanceWithTimestampsSinceAndALimit() throws Exception {
        Path dir = Path.of("target", "cluster-tests", "logs-exec", "kubectl-previous").toAbsolutePath();
        Kubectl kubectl = new Kubectl(cluster.httpServer(1), dir);
        String pod = "restarted";
        env.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + pod + "\nspec:\n"
                + "  terminationGracePeriodSeconds: 1\n  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"echo run-$(head -c 8 /proc/sys/kernel/random/uuid); sleep 3600\"]\n");
        String first = awaitLine(kubectl, pod, null);
        Kubectl.Result none = kubectl.run("logs", "--previous", pod);
        assertEquals(1, none.exitCode(), none::toString);
        assertTrue(none.err().contains("previous terminated container \"main\" in pod \"" + pod + "\" not found"),
                none::toString);

        List<String> before = containersOf(pod);
        assertEquals(1, before.size(), before::toString);
        Process kill = new ProcessBuilder("docker", "kill", before.get(0)).redirectErrorStream(true).start();
        String killed = new String(kill.getInputStream().readAllBytes());
        assertEquals(0, kill.waitFor(), killed);
        String second = awaitLine(kubectl, pod, first);

        Kubectl.Result previous = kubectl.run("logs", "-p", pod);
        assertEquals(first + "\n", previous.out(), previous::toString);
        assertEquals(first + "\n", herder("logs", pod, "--previous").out(), "herder logs -p reads the same instance");
        Kubectl.Result stamped = kubectl.run("logs", "--timestamps", pod);
        assertTrue(stamped.out().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z " + second + "\n"),
                stamped::toString);
        assertEquals(second + "\n", kubectl.run("logs", "--since=1h", pod).out());
        assertEquals("run-", kubectl.run("logs", "--limit-bytes=4", pod).out());
        Kubectl.Result both = kubectl.run("logs", "--since=1h", "--since-time=2026-01-01T00:00:00Z", pod);
        assertEquals(1, both.exitCode(), both::toString);
        assertEquals(2, containersOf(pod).size(), "the agent keeps the instance that ended, for logs --previous");
    }

    /** Waits for the pod's current instance to print its run-... line, other than the one given; returns it. */
    private static String awaitLine(Kubectl kubectl, String pod, String other) {
        AtomicReference<String> line = new AtomicReference<>();
        LocalCluster.await(pod + " printing a run line" + (other == null ? "" : " other than " + other),
                Duration.ofSeconds(60), () -> {
                    try {
                        line.set(kubectl.run("logs", pod).out().strip());
                        return line.get().startsWith("run-") && !line.get().equals(other);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return line.get();
    }

    @Test
    void kubectlReadsFollowsAndExecsThroughTheKubernetesApi() throws Exception {
        Path dir = Path.of("target", "cluster-tests", "logs-exec", "kubectl").toAbsolutePath();
        Kubectl kubectl = new Kubectl(cluster.httpServer(1), dir);
        // a pod of its own, so that what this test makes it print does not reach the other tests' pod
        String pod = "kube-talker";
        env.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + pod + "\nspec:\n"
                + "  terminationGracePeriodSeconds: 1\n  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"echo one; echo two; echo three; sleep 3600\"]\n");
        LocalCluster.await(pod + " printed its lines", Duration.ofSeconds(60),
                () -> {
                    try {
                        return kubectl.run("logs", pod).out().contains("three");
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        Kubectl.Result logs = kubectl.run("logs", pod, "--tail=2");
        assertEquals(0, logs.exitCode(), logs::toString);
        assertEquals("two\nthree\n", logs.out());
        Kubectl.Result failing = kubectl.run("exec", pod, "--", "sh", "-c", "echo hello; exit 3");
        assertEquals(3, failing.exitCode(), () -> "kubectl exec keeps the command's exit code: " + failing);
        assertEquals("hello\n", failing.out());
        Kubectl.Result named = kubectl.run("exec", pod, "-c", "main", "--", "true");
        assertEquals(0, named.exitCode(), named::toString);

        Path out = dir.resolve("follow.txt");
        Process follow = kubectl.start(out, "logs", "-f", pod);
        try {
            LocalCluster.await("kubectl logs -f to print the lines so far", Duration.ofSeconds(20),
                    () -> read(out).contains("three"));
            CliRun.Result printed = herder("exec", pod, "--", "sh", "-c", "echo kubectl-later > /proc/1/fd/1");
            assertEquals(0, printed.exitCode(), printed.out() + printed.err());
            LocalCluster.await("kubectl logs -f to print a line printed after it started", Duration.ofSeconds(20),
                    () -> read(out).contains("kubectl-later"));
            assertTrue(follow.isAlive(), () -> "kubectl logs -f ended while the container runs: " + read(out));
        } finally {
            follow.destroy();
        }
    }

    @Test
    void kubectlExecFeedsStdinToTheCommandToItsEnd() throws Exception {
        Kubectl kubectl = new Kubectl(cluster.httpServer(1), Path.of("target", "cluster-tests", "logs-exec",
                "kubectl-stdin").toAbsolutePath());
        Kubectl.Result echoed = kubectl.runWithInput("hello\n", "exec", "-i", POD, "--", "cat");
        assertEquals(0, echoed.exitCode(), echoed::toString);
        assertEquals("hello\n", echoed.out());
        Kubectl.Result exited = kubectl.runWithInput("a line\n", "exec", "-i", POD, "--", "sh", "-c", "read x; exit 3");
        assertEquals(3, exited.exitCode(), exited::toString);
        Kubectl.Result counted = kubectl.runWithInput(new byte[200 * 1024], "exec", "-i", POD, "--", "wc", "-c");
        assertEquals(0, counted.exitCode(), counted::toString);
        assertEquals("204800", counted.out().strip());
        Kubectl.Result apart = kubectl.run("exec", POD, "--", "sh", "-c", "echo out; echo err >&2");
        assertEquals("out\n", apart.out(), apart::toString);
        assertEquals("err\n", apart.err(), apart::toString);
    }

    @Test
    void kubectlExecGivesATerminalOfKubectlsSize() throws Exception {
        Path dir = Path.of("target", "cluster-tests", "logs-exec", "kubectl-tty").toAbsolutePath();
        Kubectl kubectl = new Kubectl(cluster.httpServer(1), dir);
        Path out = dir.resolve("tty.txt");
        Process shell = kubectl.startInTerminal(out, 91, 27, "exec", "-it", POD, "--", "sh");
        try {
            LocalCluster.await("the shell's prompt in kubectl's terminal", Duration.ofSeconds(20),
                    () -> read(out).contains("# "));
            shell.getOutputStream().write("stty size; echo to-stderr >&2; exit 4\n".getBytes(StandardCharsets.UTF_8));
            shell.getOutputStream().flush();
            assertTrue(shell.waitFor(30, TimeUnit.SECONDS), () -> "kubectl exec -it still runs: " + read(out));
        } finally {
            shell.destroy();
        }
        assertTrue(read(out).contains("27 91"), () -> read(out));
        assertTrue(read(out).contains("to-stderr"), () -> read(out));
        assertEquals(4, shell.exitValue(), () -> read(out));
    }

    @Test
    void kubectlExecStreamsOutputBeforeTheCommandEnds() throws Exception {
        Path dir = Path.of("target", "cluster-tests", "logs-exec", "kubectl-stream").toAbsolutePath();
        Kubectl kubectl = new Kubectl(cluster.httpServer(1), dir);
        Path out = dir.resolve("stream.txt");
        Process exec = kubectl.start(out, "exec", POD, "--", "sh", "-c", "echo first; sleep 30; echo last");
        try {
            LocalCluster.await("kubectl exec to print the first line while the command sleeps", Duration.ofSeconds(20),
                    () -> read(out).contains("first"));
            assertTrue(exec.isAlive(), () -> "kubectl exec ended before the command: " + read(out));
            assertFalse(read(out).contains("last"), () -> read(out));
        } finally {
            exec.destroy();
        }
    }

    @Test
    void kubectlExecShowsWhyACommandCannotRun() throws Exception {
        Kubectl kubectl = new Kubectl(cluster.httpServer(1), Path.of("target", "cluster-tests", "logs-exec",
                "kubectl-errors").toAbsolutePath());
        Kubectl.Result container = kubectl.runWithInput("x\n", "exec", "-i", POD, "-c", "db", "--", "cat");
        assertEquals(1, container.exitCode(), container::toString);
        assertTrue(container.err().contains("pod \"talker\" has no container \"db\"; its containers are: main"),
                container::toString);
        Kubectl.Result pod = kubectl.run("exec", "nobody", "--", "true");
        assertEquals(1, pod.exitCode(), pod::toString);
        assertTrue(pod.err().contains("\"nobody\" not found"), pod::toString);

        // a Running pod whose container has ended and waits to restart: the agent refuses, kubectl shows why
        String crasher = "crasher";
        env.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + crasher + "\n"
                + "  annotations:\n    herder.dev/restart-backoff: \"initial=10m\"\nspec:\n"
                + "  terminationGracePeriodSeconds: 1\n  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sh\", \"-c\", \"exit 1\"]\n");
        AtomicReference<Kubectl.Result> refused = new AtomicReference<>();
        LocalCluster.await(crasher + "'s ended container refused by its agent", Duration.ofSeconds(60), () -> {
            try {
                refused.set(kubectl.runWithInput("x\n", "exec", "-i", crasher, "--", "cat"));
                // while it briefly runs, the engine may be the one to refuse; then the agent's words are awaited
                return refused.get().err().contains("container \"main\" of pod \"crasher\" is not running (it"
                        + " exited with code 1)");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, refused.get().exitCode(), refused.get()::toString);
    }

    @Test
    void deleteWaitsWhileThePodStopsGracefullyAndGetShowsItTerminating() throws Exception {
        Path dir = Path.of("target", "cluster-tests", "logs-exec", "kubectl-delete").toAbsolutePath();
        Kubectl kubectl = new Kubectl(cluster.httpServer(1), dir);
        String pod = "slow-stopper";
        applyRunning(pod);
        Path out = dir.resolve("delete.txt");
        Process delete = kubectl.start(out, "delete", "pod", pod);
        try {
            LocalCluster.await(pod + " shown Terminating while its preStop hook runs", Duration.ofSeconds(20), () -> {
                try {
                    return kubectl.run("get", "pod", pod).out().contains("Terminating");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(delete.waitFor(60, TimeUnit.SECONDS), () -> "kubectl delete still waits: " + read(out));
        } finally {
            delete.destroy();
        }
        assertEquals(0, delete.exitValue(), () -> read(out));
        assertEquals("pod \"" + pod + "\" deleted\n", read(out));
        assertEquals(List.of(), containersOf(pod), "kubectl delete returned only once the agent had removed them");
        assertEquals(1, kubectl.run("get", "pod", pod).exitCode());

        // herder delete waits the same way; --grace-period 0 needs --force, and then does not wait for the node
        applyRunning(pod);
        CliRun.Result refused = herder("delete", "pod", pod, "--grace-period", "0");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("--force"), refused.err());
        CliRun.Result deleted = herder("delete", "pod", pod);
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertEquals(List.of(), containersOf(pod), "herder delete returned only once the agent had removed them");
        assertTrue(cluster.call(new ApiRequest.Get(Pod.KIND, "default", pod, null)) instanceof ApiResponse.Failure);
        applyRunning(pod);
        CliRun.Result forced = herder("delete", "pod", pod, "--grace-period", "0", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(cluster.call(new ApiRequest.Get(Pod.KIND, "default", pod, null)) instanceof ApiResponse.Failure,
                "a force delete removes the pod at once");
        LocalCluster.await("the agent to remove the containers of a force-deleted pod", Duration.ofSeconds(30),
                () -> containersOf(pod).isEmpty());
    }

    /** A pod whose preStop hook takes 3 s, applied and Running. */
    private static void applyRunning(String pod) {
        env.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + pod + "\nspec:\n"
                + "  terminationGracePeriodSeconds: 20\n  containers:\n  - name: main\n    image: local/busybox:1\n"
                + "    command: [\"sleep\", \"3600\"]\n"
                + "    lifecycle:\n      preStop:\n        exec:\n          command: [\"sleep\", \"3\"]\n");
        LocalCluster.await(pod + " Running", Duration.ofSeconds(60), () ->
                cluster.call(new ApiRequest.Get(Pod.KIND, "default", pod, null)) instanceof ApiResponse.Objects o
                        && ((Pod) o.items().get(0)).status() != null
                        && "Running".equals(((Pod) o.items().get(0)).status().phase()));
    }

    /** The ids of the engine's containers (running or not) of the pod of this name. */
    private static List<String> containersOf(String pod) {
        try {
            Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=herder.dev/pod-name=" + pod)
                    .redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes());
            ps.waitFor(30, TimeUnit.SECONDS);
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
