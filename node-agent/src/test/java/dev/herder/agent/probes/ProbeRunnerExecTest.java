package dev.herder.agent.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.agent.runtime.ContainerSpec;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.TestEngine;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ExecAction;
import dev.herder.protocol.api.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * exec probes in a real busybox container on the machine's Docker engine (deploy/engine.sh prepares it and
 * the image). Without an engine these tests fail, saying so; they are never skipped.
 */
class ProbeRunnerExecTest {
    static final String IMAGE = "local/busybox:1";
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);
    /** The hard deadline may be late by this much: creating the exec in the engine, thread scheduling. */
    private static final long DEADLINE_SLACK_MILLIS = 1_500;

    private static DockerRuntime docker;
    private static ProbeRunner runner;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> labels = Map.of("herder.dev/test", run);
    private final Container container = ProbeRunnerHttpTest.container("app", null);

    @BeforeAll
    static void connect() {
        docker = TestEngine.connect();
        runner = new ProbeRunner(docker);
    }

    @AfterAll
    static void disconnect() {
        runner.close();
        docker.close();
    }

    @AfterEach
    void removeWhatThisTestMade() {
        docker.list(labels).forEach(c -> docker.remove(c.id()));
    }

    private String sleeping() {
        String id = docker.create(new ContainerSpec("herder-test-" + run + "-probe", IMAGE, List.of("sleep", "300"),
                null, Map.of(), null, false, labels, null, null, null));
        docker.start(id);
        return id;
    }

    private static Probe exec(Integer timeoutSeconds, String... command) {
        return new Probe(new ExecAction(List.of(command)), null, null, null, null, timeoutSeconds, null, null, null);
    }

    @Test
    void execFailsUntilTheFileExistsThenPasses() {
        String id = sleeping();
        Probe probe = exec(null, "cat", "/tmp/healthy");

        ProbeResult missing = runner.run(probe, container, id, "127.0.0.1");
        assertFalse(missing.success(), missing.message());
        assertTrue(missing.message().startsWith("command \"cat /tmp/healthy\" exited with 1"), missing.message());
        assertTrue(missing.message().contains("/tmp/healthy"), missing.message());

        assertEquals(0, docker.exec(id, List.of("touch", "/tmp/healthy"), EXEC_TIMEOUT).exitCode());
        ProbeResult healthy = runner.run(probe, container, id, "127.0.0.1");
        assertTrue(healthy.success(), healthy.message());
    }

    @Test
    void execKeepsOnlyTheStartOfLongOutput() {
        String id = sleeping();
        ProbeResult result = runner.run(exec(null, "sh", "-c", "yes | head -c 5000; exit 2"), container, id, null);
        assertFalse(result.success());
        assertTrue(result.message().length() < ProbeRunner.MAX_OUTPUT_CHARS + 100, result.message());
        assertTrue(result.message().endsWith("..."), result.message());
    }

    @Test
    void execGivesUpAtTheTimeout() {
        String id = sleeping();
        long start = System.nanoTime();
        ProbeResult result = runner.run(exec(1, "sleep", "10"), container, id, null);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(result.success());
        assertTrue(result.message().contains("timed out"), result.message());
        assertTrue(tookMillis < 1_000 + DEADLINE_SLACK_MILLIS, "took " + tookMillis + " ms");
    }

    @Test
    void execInAContainerThatIsGoneFailsWithTheEnginesWords() {
        ProbeResult result = runner.run(exec(null, "true"), container, "herder-test-" + run + "-missing", null);
        assertFalse(result.success());
        assertTrue(result.message().startsWith("command \"true\": "), result.message());
    }
}
