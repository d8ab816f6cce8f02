package dev.herder.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.cli.CliRun;
import dev.herder.cli.CliRun.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingConfigFileIsNamed() {
        String file = dir.resolve("control-plane-9.conf").toString();

        Result controlPlane = CliRun.run("control-plane", "--config", file);
        Result agent = CliRun.run("agent", "--config", file);

        assertEquals(1, controlPlane.exitCode());
        assertEquals(List.of("error: config file " + file + " not found"), controlPlane.errLines());
        assertEquals(List.of("error: config file " + file + " not found"), agent.errLines());
    }

    @Test
    void manyNodesNeedTheSimulatedRuntime() {
        Result result = CliRun.run("agent", "--config", "agent.conf", "--nodes", "3");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: --nodes 3 needs --simulated: an agent on Docker hosts one node"), result.errLines());
    }

    @Test
    void withoutConfigItIsAUsageError() {
        Result result = CliRun.run("control-plane");

        assertEquals(2, result.exitCode());
        assertEquals(List.of("error: Missing required option: '--config=FILE' (see 'herder control-plane --help')"),
                result.errLines());
    }
}
