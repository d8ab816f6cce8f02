package dev.herder.cli.local;

import dev.herder.cli.client.HerderClient;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Class-data-sharing archives (AppCDS) of the server JVMs started from the distribution ({@code cli/target/dist}):
 * one per role, {@code herder-control-plane.jsa} and {@code herder-agent.jsa} beside {@code lib/}. A JVM started
 * with its role's archive maps the classes it needs at start instead of loading, parsing and verifying each one:
 * on this 2-core machine three control-plane nodes started together were all Up in 14.5 s with archives against
 * 21 s without (one run each). An archive is made once per build by a training cluster of one control-plane node
 * (with its one etcd member) and one simulated agent, which runs one pod and is then stopped gracefully (a JVM writes its archive as it
 * exits). A JVM whose archive is missing, older than {@code herder-cli.jar} (the rule the herder command uses too)
 * or from another JDK starts as before, without it. When making them fails, it says why and leaves the marker
 * {@code .class-archives-tried} beside them, so that neither it nor the herder command tries again for this build.
 *
 * <pre>java -cp 'cli/target/dist/lib/*' dev.herder.cli.local.ClassArchives</pre>
 * makes them when they are missing or stale (the herder command does this after each build).
 */
public final class ClassArchives {
    private static final List<String> ROLES = List.of("control-plane", "agent");
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final String CLI_JAR = "herder-cli.jar";
    private static final String TRIED = ".class-archives-tried";
    private static final Duration START_WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String TRAINING_POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: class-archives\n"
            + "spec:\n  containers:\n  - name: main\n    image: local/busybox:1\n";

    private final Path lib;

    private ClassArchives(Path lib) {
        this.lib = lib;
    }

    /** The archives of the distribution in root, when that is what this JVM runs from (not a test's class path). */
    static Optional<ClassArchives> of(Path root) {
        Path lib = root.resolve("cli/target/dist/lib").toAbsolutePath().normalize();
        Path jar = lib.resolve(CLI_JAR);
        boolean fromDistribution = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .anyMatch(entry -> Path.of(entry).toAbsolutePath().normalize().equals(jar));
        return fromDistribution ? Optional.of(new ClassArchives(lib)) : Optional.empty();
    }

    /** The class path of the server JVMs: the distribution's jars, nothing else (archives hold only jars). */
    String classPath() {
        return lib + "/*";
    }

    /** The JVM options that map the role's archive, or none while it is missing or stale. */
    List<String> options(String role) {
        if (!fresh(role)) {
            return List.of();
        }
        return Stream.concat(Stream.of("-XX:SharedArchiveFile=" + archive(role), "-Xshare:auto"), QUIET.stream())
                .toList();
    }

    /**
     * Makes the archives unless both are fresh or making them failed before for this build; one process at a time.
     * Never fails: it says why instead. Returns this.
     */
    ClassArchives ensured(Path applicationConf) {
        if (settled()) {
            return this;
        }
        try (FileChannel channel = FileChannel.open(lib.resolveSibling(".class-archives.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (!settled()) {
                System.out.println("making the server JVMs' class-data archives (once per build, about half a minute)...");
                train(applicationConf);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("class-data archives not made (" + e.getMessage() + "); servers start without them");
            markTried();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    private boolean settled() {
        return ROLES.stream().allMatch(this::fresh) || newerThanTheBuild(lib.resolveSibling(TRIED));
    }

    private void markTried() {
        try {
            Files.write(lib.resolveSibling(TRIED), new byte[0]);
        } catch (IOException e) {
            // the folder refuses writes: then the next start tries (and says why) again
        }
    }

    private Path archive(String role) {
        return lib.resolveSibling("herder-" + role + ".jsa");
    }

    private boolean fresh(String role) {
        return newerThanTheBuild(archive(role));
    }

    private boolean newerThanTheBuild(Path file) {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(lib.resolve(CLI_JAR))) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void train(Path applicationConf) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("herder-class-archives");
        Map<String, Path> written = Map.of("control-plane", dir.resolve("control-plane.jsa"),
                "agent", dir.resolve("agent.jsa"));
        try (ClusterProcesses training = new ClusterProcesses(dir, freeBasePort(), 1, applicationConf, classPath(),
                role -> List.of("-XX:ArchiveClassesAtExit=" + written.get(role)))) {
            training.startControlPlane(1);
            training.startSimulatedAgent("class-archives", 1, 0);
            try (HerderClient client = HerderClient.connect(training.contactList(), START_WITHIN)) {
                await("the training pod accepted", () -> applied(client));
                await("the training pod Running", () -> runs(client));
            }
            training.stopAll();
        }
        for (String role : ROLES) {
            Path made = written.get(role);
            if (!Files.isRegularFile(made) || Files.size(made) == 0) {
                throw new IllegalStateException("the " + role + " JVM wrote no archive; see its log in " + dir);
            }
            Files.move(made, archive(role), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        ClusterProcesses.emptyFolder(dir);
        Files.delete(dir);
    }

    /** Applies the training pod; false while the new cluster cannot take it yet. */
    private static boolean applied(HerderClient client) {
        try {
            return client.call(new ApiRequest.Apply(ManifestReader.read(TRAINING_POD, "class-archives").objects()))
                    instanceof ApiResponse.Applied a && a.allSucceeded();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean runs(HerderClient client) {
        try {
            ApiResponse rsp = client.call(new ApiRequest.Get(Pod.KIND, "default", "class-archives", null));
            return rsp instanceof ApiResponse.Objects o && o.items().stream().map(Pod.class::cast)
                    .anyMatch(p -> p.status() != null && "Running".equals(p.status().phase()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + START_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + START_WITHIN.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * A base port whose ports for a cluster of one are free now: the control-plane node's (base + 1), the agent's
     * (base + 10) and the etcd member's client and peer ports (base + 61, base + 71).
     */
    private static int freeBasePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0)) {
                base = s.getLocalPort() - 1;
            }
            if (Stream.of(ClusterProcesses.AGENT_PORT_OFFSET, ClusterProcesses.ETCD_CLIENT_PORT_OFFSET + 1,
                    ClusterProcesses.ETCD_PEER_PORT_OFFSET + 1).allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IOException("no free ports for a training cluster");
    }

    private static boolean free(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes the archives of the distribution this runs from, when they are missing or stale. */
    public static void main(String[] args) {
        Path root = ClusterProcesses.repositoryRoot();
        of(root).ifPresentOrElse(a -> a.ensured(root.resolve(ClusterProcesses.APPLICATION_CONF)),
                () -> System.err.println("not run from " + root.resolve("cli/target/dist/lib") + ": nothing to do"));
    }
}
