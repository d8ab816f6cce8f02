package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.herder.cli.local.ClusterProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a new user runs first: {@code ./herder local up} against this machine's Docker engine, in a scratch folder
 * ({@code HERDER_LOCAL_DIR}), then {@code ./herder local down}. An integration test (failsafe): it runs after the
 * distribution in cli/target/dist is packaged, which the herder launcher runs from. Up starts three etcd members
 * (etcd-N.pid) and five JVMs.
 */
class LocalUpIT {
    private static final Path ROOT = ClusterProcesses.repositoryRoot();
    private static final Path SCRATCH = ROOT.resolve("cli/target/local-up-it");
    private static final List<String> NODES = List.of("node-1", "node-2");
    private static final List<String> NODE_ADDRESSES = List.of("127.0.0.2", "127.0.0.3");
    private static final int SERVICE_PORT = 8000;
    private static final long COMMAND_MINUTES = 6;
    private static final String ETCD_MEMBER = "etcd-";

    private boolean started;

    @AfterEach
    void downEvenAfterAFailure() throws Exception {
        if (started) {
            herder("local", "down");
        }
    }

    @Test
    void upRunsTheExampleAppOnDockerAndDownLeavesNoProcessOrContainer() throws Exception {
        ClusterProcesses.emptyFolder(SCRATCH);
        started = true;
        Result up = herder("local", "up");
        assertEquals(0, up.exit, up.output);
        assertTrue(up.output.contains("Herder is up"), up.output);

        String pods = herder("get", "pods", "-o", "wide").output;
        for (String pod : List.of("hello-1", "hello-2", "logbook")) {
            assertTrue(pods.lines().anyMatch(l -> l.startsWith(pod + " ") && l.contains(" Running ")), pods);
        }
        List<String> web = pods.lines().filter(l -> l.startsWith("web-") && l.contains(" Running "))
                .map(l -> l.split("\\s+")[0]).toList();
        assertEquals(2, web.size(), pods);
        // the service on both nodes' addresses, each connection passed to one of the two web pods
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            answered.add(ServiceProxyTest.get("127.0.0.1", NODE_ADDRESSES.get(i % 2), SERVICE_PORT));
        }
        assertEquals(Set.of("hello from " + web.get(0), "hello from " + web.get(1)), answered);

        // kubectl, with the kubeconfig up wrote and printed, sees the same pods through the Kubernetes API
        Path kubeconfig = SCRATCH.resolve("kubeconfig");
        assertTrue(up.output.contains("kubectl --kubeconfig " + kubeconfig), up.output);
        Result kubectl = run(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--cache-dir",
                SCRATCH.resolve("kube-cache").toString(), "get", "pods"));
        assertEquals(0, kubectl.exit, kubectl.output);
        for (String pod : List.of("hello-1", "hello-2", "logbook")) {
            assertTrue(kubectl.output.lines().anyMatch(l -> l.startsWith(pod + " ") && l.contains(" Running ")),
                    kubectl.output);
        }

        List<Long> pids = pids();
        assertEquals(8, pids.size(), "pid files in " + SCRATCH);
        assertEachServerMapsItsClassArchiveAndCompilesQuickly();
        Result again = herder("local", "up");
        assertEquals(0, again.exit, again.output);
        assertTrue(again.output.contains("already running"), again.output);
        assertEquals(pids, pids(), "a second up starts nothing new");

        Result down = herder("local", "down");
        started = false;
        assertEquals(0, down.exit, down.output);
        for (long pid : pids) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "process " + pid + " still runs");
        }
        for (String node : NODES) {
            Result left = run(List.of("docker", "ps", "-aq", "--filter", "label=herder.dev/node=" + node));
            assertEquals("", left.output.strip(), "containers of " + node + " left behind");
        }
        assertTrue(herderProcessesIn(SCRATCH).isEmpty(), "Herder or etcd processes left in " + SCRATCH);
    }

    @Test
    void upRefusesADataFolderHoldingTheOldDistributedDataStore() throws Exception {
        ClusterProcesses.emptyFolder(SCRATCH);
        Path old = Files.createDirectories(SCRATCH.resolve("data/control-plane-2/ddata"));
        Result up = herder("local", "up");
        started = !pidFiles().isEmpty();
        assertEquals(1, up.exit, up.output);
        assertTrue(up.output.contains(old.toString()) && up.output.contains("does not read"), up.output);
        assertTrue(pidFiles().isEmpty(), "up started something: " + pidFiles());
    }

    private static List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (Path f : pidFiles()) {
            pids.add(pid(f));
        }
        return pids;
    }

    /** The pid files local up wrote, one per process it started (NAME.pid). */
    private static List<Path> pidFiles() throws IOException {
        try (var files = Files.list(SCRATCH)) {
            return files.filter(f -> f.toString().endsWith(".pid")).sorted().toList();
        }
    }

    private static long pid(Path pidFile) throws IOException {
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    /**
     * The herder command made the roles' class-data archives after the build, and each server JVM maps its own; each
     * runs with the quick compiler only.
     */
    private static void assertEachServerMapsItsClassArchiveAndCompilesQuickly() throws IOException {
        for (Path f : pidFiles()) {
            String name = f.getFileName().toString();
            if (name.startsWith(ETCD_MEMBER)) {
                continue;
            }
            String archive = "herder-" + (name.startsWith("control-plane") ? "control-plane" : "agent") + ".jsa";
            Path proc = Path.of("/proc", Long.toString(pid(f)));
            String maps = Files.readString(proc.resolve("maps"));
            assertTrue(maps.contains(ROOT.resolve("cli/target/dist").resolve(archive).toString()),
                    name + ": the JVM does not map " + archive);
            List<String> args = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
            assertTrue(args.contains("-XX:TieredStopAtLevel=1"), name + ": started without quick compilation: " + args);
        }
    }

    /** Every JVM running Herder's main, and every etcd, whose working folder is dir. */
    private static List<Long> herderProcessesIn(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("dev.herder.cli.Main")
                        || p.info().command().orElse("").endsWith("/etcd"))
                .filter(p -> {
                    try {
                        return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).equals(dir);
                    } catch (IOException | UnsupportedOperationException e) {
                        return false;
                    }
                })
                .map(ProcessHandle::pid).toList();
    }

    private record Result(int exit, String output) {}

    private static Result herder(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("herder").toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("HERDER_LOCAL_DIR", SCRATCH.toString());
        pb.environment().remove("HERDER_CONTACT");
        pb.environment().remove("HERDER_JAVA_OPTS");
        Process p = pb.start();
        // read while it runs: a full pipe would stop it
        var out = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        if (!p.waitFor(COMMAND_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not end within " + COMMAND_MINUTES + " min:\n" + out);
        }
        reader.join();
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        return new Result(p.exitValue(), output);
    }
}
