package dev.herder.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herder.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServersTest {
    private static final String TWO_CLUSTERS = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: one
              cluster:
                server: http://10.0.0.1:6443
            - name: two
              cluster:
                server: http://10.0.0.2:6443
            contexts:
            - name: main
              context:
                cluster: two
            current-context: main
            """;

    @TempDir
    Path dir;

    @Test
    void aWrittenKubeconfigNamesItsServersTheFirstCurrent() throws IOException {
        Path file = dir.resolve("written");
        List<String> servers = List.of("http://127.0.0.1:6443", "http://127.0.0.1:6444", "http://127.0.0.1:6445");
        Kubeconfig.write(file, "local", servers);
        assertEquals(servers, Kubeconfig.servers(file));
    }

    @Test
    void theOptionComesFirstThenTheKubeconfigThenTheEnvironment() throws IOException {
        Path config = Files.writeString(dir.resolve("config"), TWO_CLUSTERS);
        Map<String, String> env = Map.of("HERDER_SERVER", "http://env:1", "HERDER_KUBECONFIG", "missing");

        assertEquals(List.of("http://opt:1"), Servers.resolve("opt:1", config.toString(), env));
        assertEquals(List.of("http://10.0.0.2:6443", "http://10.0.0.1:6443"),
                Servers.resolve(null, config.toString(), env));
        assertEquals(List.of("http://env:1"), Servers.resolve(null, null, env));
        assertEquals(List.of("http://10.0.0.2:6443", "http://10.0.0.1:6443"),
                Servers.resolve(null, null, Map.of("HERDER_KUBECONFIG", config.toString())));
    }

    @Test
    void theLocalClustersKubeconfigComesBeforeItsDefaultPorts() throws IOException {
        Files.writeString(dir.resolve("kubeconfig"), TWO_CLUSTERS);

        assertEquals(List.of("http://10.0.0.2:6443", "http://10.0.0.1:6443", "http://127.0.0.1:6443",
                "http://127.0.0.1:6444", "http://127.0.0.1:6445"),
                Servers.resolve(null, null, Map.of("HERDER_LOCAL_DIR", dir.toString())));
        assertEquals(Servers.LOCAL_SERVERS,
                Servers.resolve(null, null, Map.of("HERDER_LOCAL_DIR", dir.resolve("none").toString())));
    }

    @Test
    void aMissingKubeconfigAndABadServerAreNamed() {
        CliException missing = assertThrows(CliException.class,
                () -> Servers.resolve(null, dir.resolve("nope").toString(), Map.of()));
        CliException bad = assertThrows(CliException.class, () -> Servers.resolve("ftp://x:1", null, Map.of()));

        assertEquals("kubeconfig " + dir.resolve("nope") + " does not exist: name an existing file with --kubeconfig"
                + " or HERDER_KUBECONFIG, or a server with --server", missing.getMessage());
        assertEquals("invalid server \"ftp://x:1\": expected a URL such as http://127.0.0.1:6443", bad.getMessage());
    }
}
