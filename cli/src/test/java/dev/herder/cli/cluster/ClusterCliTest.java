package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The herder command against a real three-node control plane: what a user sees, and its exit codes. */
class ClusterCliTest {
    private static final int BASE_PORT = 3750;
    private static LocalCluster cluster;
    private static Path manifests;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.inFolder("cluster-cli", BASE_PORT, 3);
        cluster.startAllControlPlanes();
        cluster.awaitUp(3, Duration.ofSeconds(60));
        manifests = cluster.dir().resolve("manifests");
        Files.createDirectories(manifests);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static CliRun.Result herder(String... args) {
        return cluster.herder(args);
    }

    private static Path manifest(String name, String yaml) throws Exception {
        Path file = manifests.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private static String pod(String name, String image, String resourceVersion) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n"
                + (resourceVersion == null ? "" : "  resourceVersion: \"" + resourceVersion + "\"\n")
                + "spec:\n  containers:\n  - name: main\n    image: " + image + "\n";
    }

    @Test
    void appliesThenReportsUnchangedAndListsAsJson() throws Exception {
        Path file = manifest("web.yaml", pod("cli-web", "local/busybox:1", null));
        CliRun.Result created = herder("apply", "-f", file.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertEquals("pod/cli-web created", created.out().strip());
        CliRun.Result again = herder("apply", "-f", file.toString());
        assertEquals("pod/cli-web unchanged", again.out().strip(), again.err());
        CliRun.Result json = herder("get", "pods", "-o", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"kind\" : \"PodList\"") || json.out().contains("\"kind\":\"PodList\""), json.out());
        assertTrue(json.out().contains("cli-web"), json.out());
    }

    @Test
    void appliesThroughClusterClientAsOverHttp() throws Exception {
        Path file = manifest("cc.yaml", pod("cli-cc", "local/busybox:1", null));
        CliRun.Result created = cluster.herderViaClusterClient("apply", "-f", file.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertEquals("pod/cli-cc created", created.out().strip());
        assertEquals("pod/cli-cc unchanged", herder("apply", "-f", file.toString()).out().strip());
        CliRun.Result listed = cluster.herderViaClusterClient("get", "pod", "cli-cc", "-o", "name");
        assertEquals("pod/cli-cc", listed.out().strip(), listed.err());
    }

    @Test
    void watchPrintsEachChangeAsARow() throws Exception {
        Path file = manifest("w.yaml", pod("cli-watch", "local/busybox:1", null));
        assertEquals(0, herder("apply", "-f", file.toString()).exitCode());
        CompletableFuture<CliRun.Result> watching = CompletableFuture.supplyAsync(() ->
                herder("get", "pod", "cli-watch", "-w", "--watch-for", "8s"));
        Thread.sleep(3000);
        CliRun.Result changed = herder("apply", "-f", manifest("w2.yaml", pod("cli-watch", "local/busybox:2", null))
                .toString());
        assertEquals("pod/cli-watch configured", changed.out().strip(), changed.err());
        CliRun.Result watched = watching.get(30, TimeUnit.SECONDS);
        assertEquals(0, watched.exitCode(), watched.err());
        List<String> lines = watched.out().lines().toList();
        assertTrue(lines.size() >= 3, watched.out());
        assertTrue(lines.get(0).startsWith("NAME"), watched.out());
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(l -> l.startsWith("cli-watch ")), watched.out());
    }

    @Test
    void notFoundExitsOneWithOneLine() {
        CliRun.Result get = herder("get", "pod", "no-such-pod");
        assertEquals(1, get.exitCode());
        assertEquals("error: pods \"no-such-pod\" not found", get.err().strip());
        CliRun.Result delete = herder("delete", "pod", "no-such-pod");
        assertEquals(1, delete.exitCode());
        assertEquals("error: pods \"no-such-pod\" not found", delete.err().strip());
    }

    @Test
    void aStaleResourceVersionIsRefusedAsAConflict() throws Exception {
        CliRun.Result created = herder("apply", "-f", manifest("c.yaml", pod("cli-conflict", "a:1", null)).toString());
        assertEquals(0, created.exitCode(), created.err());
        // the scheduler notes on the pending pod that no node fits it, a write of its own: apply on what was read
        // after that (a conflict before it is the same refusal this test makes below)
        String rv = null;
        CliRun.Result current = null;
        for (int attempt = 0; attempt < 20 && (current == null || current.exitCode() != 0); attempt++) {
            Thread.sleep(attempt == 0 ? 0 : 500);
            CliRun.Result yaml = herder("get", "pod", "cli-conflict", "-o", "yaml");
            rv = yaml.out().lines().filter(l -> l.strip().startsWith("resourceVersion:")).findFirst().orElseThrow()
                    .replaceAll(".*resourceVersion: *\"?([0-9]+)\"?.*", "$1");
            current = herder("apply", "-f", manifest("c2.yaml", pod("cli-conflict", "a:2", rv)).toString());
        }
        assertEquals(0, current.exitCode(), current.err());
        CliRun.Result stale = herder("apply", "-f", manifest("c3.yaml", pod("cli-conflict", "a:3", rv)).toString());
        assertEquals(1, stale.exitCode());
        assertEquals(1, stale.errLines().size(), stale.err());
        assertTrue(stale.err().startsWith("error: pod/cli-conflict: Operation cannot be fulfilled on pods \"cli-conflict\": "
                + "the object has been modified"), stale.err());
    }

    @Test
    void anInvalidManifestIsRefusedBeforeTheClusterIsAsked() throws Exception {
        CliRun.Result bad = herder("apply", "-f", manifest("bad.yaml",
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: main\n").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("metadata.name"), bad.err());
        assertTrue(bad.err().contains("spec.containers[0].image: required"), bad.err());
        assertEquals(1, herder("get", "pod", "bad-name").exitCode());
    }

    @Test
    void clusterStatusNamesTheLeaderAndEveryMember() {
        CliRun.Result status = herder("cluster", "status", "-o", "json");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().matches("(?s).*\"leader\" *: *\"127\\.0\\.0\\.1:37[0-9]{2}\".*"), status.out());
        for (int i = 1; i <= 3; i++) {
            assertTrue(status.out().contains("127.0.0.1:" + (BASE_PORT + i)), status.out());
        }
    }

    @Test
    void listsLargerThanAnOrdinaryRemoteMessageArriveWhole() throws Exception {
        String big = "x".repeat(200_000);
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            yaml.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: big-").append(i)
                    .append("\n  annotations:\n    note: ").append(big)
                    .append("\nspec:\n  selector:\n    app: big\n  ports:\n  - port: ").append(8100 + i).append("\n");
        }
        CliRun.Result applied = herder("apply", "-f", manifest("big.yaml", yaml.toString()).toString());
        assertEquals(0, applied.exitCode(), applied.err());
        CliRun.Result list = herder("get", "services", "-o", "json");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().length() > 600_000, "the whole list, " + list.out().length() + " characters");
    }

    @Test
    void anUnknownKindIsNamed() {
        CliRun.Result get = herder("get", "foos");
        assertEquals(1, get.exitCode());
        assertTrue(get.err().startsWith("error: the server doesn't have a resource type \"foos\""), get.err());
    }
}
