package dev.herder.agent.runtime.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.agent.runtime.AttachedExec;
import dev.herder.agent.runtime.ContainerSpec;
import dev.herder.agent.runtime.RuntimeFailure;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attached execs on the machine's real Docker engine: stdin to its end, exit codes, stderr, a terminal's size. */
class AttachedExecTest {
    private static DockerRuntime docker;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> labels = Map.of("herder.dev/test", run);
    private String container;

    /** What one exec printed, and how it ended. */
    private record Outcome(String stdout, String stderr, ExecOutput end) {
    }

    @BeforeAll
    static void connect() {
        docker = TestEngine.connect();
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @BeforeEach
    void startContainer() {
        container = docker.create(new ContainerSpec("herder-test-" + run + "-attach", TestEngine.IMAGE,
                List.of("sleep", "120"), null, Map.of(), null, false, labels, null, null, null));
        docker.start(container);
    }

    @AfterEach
    void removeWhatThisTestMade() {
        docker.list(labels).forEach(c -> docker.remove(c.id()));
    }

    @Test
    void stdinReachesTheCommandAndItsEndEndsTheCommand() throws Exception {
        AttachedExec exec = docker.attach(container, List.of("cat"), true, false);
        CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> drain(exec));
        exec.send(new ExecInput.Stdin("hello\n".getBytes(StandardCharsets.UTF_8)));
        exec.send(new ExecInput.CloseStdin());
        Outcome done = outcome.get(20, TimeUnit.SECONDS);
        assertEquals("hello\n", done.stdout());
        assertEquals(new ExecOutput.Exited(0), done.end());
    }

    @Test
    void twoHundredKilobytesOfStdinAreCountedToTheLastByte() throws Exception {
        AttachedExec exec = docker.attach(container, List.of("wc", "-c"), true, false);
        CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> drain(exec));
        byte[] chunk = new byte[8192];
        for (int i = 0; i < 25; i++) {
            exec.send(new ExecInput.Stdin(chunk));
        }
        exec.send(new ExecInput.CloseStdin());
        Outcome done = outcome.get(20, TimeUnit.SECONDS);
        assertEquals("204800", done.stdout().strip());
        assertEquals(new ExecOutput.Exited(0), done.end());
    }

    @Test
    void stderrAndTheExitCodeComeBackApart() throws Exception {
        AttachedExec exec = docker.attach(container, List.of("sh", "-c", "read x; echo got $x >&2; echo out; exit 3"),
                true, false);
        CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> drain(exec));
        exec.send(new ExecInput.Stdin("line\n".getBytes(StandardCharsets.UTF_8)));
        Outcome done = outcome.get(20, TimeUnit.SECONDS);
        assertEquals("out\n", done.stdout());
        assertEquals("got line\n", done.stderr());
        assertEquals(new ExecOutput.Exited(3), done.end());
    }

    @Test
    void aTerminalTakesItsSizeAndMergesStderrIntoItsOutput() throws Exception {
        AttachedExec exec = docker.attach(container, List.of("sh"), true, true);
        CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> drain(exec));
        exec.send(new ExecInput.Resize(91, 27));
        exec.send(new ExecInput.Stdin("stty size\n".getBytes(StandardCharsets.UTF_8)));
        Thread.sleep(500);
        exec.send(new ExecInput.Resize(120, 40));
        exec.send(new ExecInput.Stdin("stty size; echo err >&2; exit 5\n".getBytes(StandardCharsets.UTF_8)));
        Outcome done = outcome.get(20, TimeUnit.SECONDS);
        assertTrue(done.stdout().contains("27 91"), done.stdout());
        assertTrue(done.stdout().contains("40 120"), "a later resize reaches the terminal: " + done.stdout());
        assertTrue(done.stdout().contains("err"), done.stdout());
        assertEquals("", done.stderr());
        assertEquals(new ExecOutput.Exited(5), done.end());
    }

    @Test
    void aMissingContainerFailsNamingIt() {
        RuntimeFailure failure = assertThrows(RuntimeFailure.class,
                () -> docker.attach("herder-no-such-" + run, List.of("true"), false, false));
        assertTrue(failure.getMessage().contains("herder-no-such-" + run), failure.getMessage());
    }

    private static Outcome drain(AttachedExec exec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<ExecOutput> ends = new ArrayList<>();
        try (exec) {
            for (ExecOutput next = exec.read(); next != null; next = exec.read()) {
                if (next instanceof ExecOutput.Stdout s) {
                    out.writeBytes(s.data());
                } else if (next instanceof ExecOutput.Stderr s) {
                    err.writeBytes(s.data());
                } else {
                    ends.add(next);
                }
            }
        }
        assertEquals(1, ends.size(), ends::toString);
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), ends.get(0));
    }
}
