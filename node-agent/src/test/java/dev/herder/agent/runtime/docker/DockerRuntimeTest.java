package dev.herder.agent.runtime.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.agent.runtime.ContainerInfo;
import dev.herder.agent.runtime.ContainerSpec;
import dev.herder.agent.runtime.ExecResult;
import dev.herder.agent.runtime.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime against the machine's real Docker engine (deploy/engine.sh prepares it and the image
 * local/busybox:1). Without an engine these tests fail, saying so; they are never skipped.
 */
class DockerRuntimeTest {
    static final String IMAGE = "local/busybox:1";
    private static DockerRuntime docker;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> labels = Map.of("herder.dev/test", run);

    @BeforeAll
    static void connect() {
        docker = TestEngine.connect();
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @AfterEach
    void removeWhatThisTestMade() {
        docker.list(labels).forEach(c -> docker.remove(c.id()));
    }

    private String started(String name, List<String> command, List<ContainerSpec.Mount> mounts) {
        String id = docker.create(new ContainerSpec("herder-test-" + run + "-" + name, IMAGE, command, null,
                Map.of("GREETING", "hello"), "/tmp", false, labels, null, null, mounts));
        docker.start(id);
        return id;
    }

    private ContainerInfo awaitExit(String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            ContainerInfo info = docker.inspect(id);
            if (!info.running()) {
                return info;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("container " + id + " still runs after 10 s");
    }

    @Test
    void runsAContainerAndReportsItsExitCodeLogsAndEnvironment() throws Exception {
        String id = started("exit", List.of("sh", "-c", "echo $GREETING from $(pwd); echo oops >&2; exit 3"), null);
        ContainerInfo done = awaitExit(id);
        assertEquals(3, done.exitCode());
        assertFalse(done.oomKilled());
        assertEquals(run, done.labels().get("herder.dev/test"));
        String logs = docker.logs(id, null);
        assertTrue(logs.contains("hello from /tmp"), logs);
        assertTrue(logs.contains("oops"), logs);
    }

    @Test
    void aMissingImageFailsAtOnceWithTheEnginesMessage() {
        RuntimeFailure failure = assertThrows(RuntimeFailure.class, () -> docker.pull("127.0.0.1:5999/missing:1"));
        assertTrue(failure.getMessage().contains("127.0.0.1:5999"), failure.getMessage());
        assertTrue(failure.getMessage().contains("connection refused"), failure.getMessage());
        assertFalse(docker.hasImage("127.0.0.1:5999/missing:1"));
    }

    @Test
    void execRunsACommandInARunningContainer() {
        String id = started("exec", List.of("sleep", "60"), null);
        ExecResult result = docker.exec(id, List.of("sh", "-c", "echo inside; exit 4"), Duration.ofSeconds(10));
        assertEquals(4, result.exitCode());
        assertEquals("inside", result.output().strip());
    }

    @Test
    void stopKillsAContainerThatIgnoresSigtermOnceTheGracePeriodIsOver() {
        String id = started("stop", List.of("sh", "-c", "trap '' TERM; sleep 60 & wait"), null);
        docker.stop(id, Duration.ofSeconds(1));
        ContainerInfo stopped = docker.inspect(id);
        assertFalse(stopped.running());
        assertEquals(137, stopped.exitCode(), "killed with SIGKILL after the grace period");
    }

    @Test
    void listsOnlyContainersCarryingTheLabels() {
        String id = started("listed", List.of("sleep", "60"), null);
        List<ContainerInfo> found = docker.list(labels);
        assertEquals(List.of(id), found.stream().map(ContainerInfo::id).toList());
        assertTrue(docker.list(Map.of("herder.dev/test", "no-such-run")).isEmpty());
    }

    @Test
    void aReadOnlyHostPathCanBeReadButNotWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.txt"), "from the host");
        String id = started("ro", List.of("sh", "-c", "cat /data/data.txt; touch /data/new || echo refused"),
                List.of(new ContainerSpec.Mount(dir.toString(), "/data", true)));
        awaitExit(id);
        String logs = docker.logs(id, null);
        assertTrue(logs.contains("from the host"), logs);
        assertTrue(logs.contains("refused"), logs);
        assertFalse(Files.exists(dir.resolve("new")));
    }
}
