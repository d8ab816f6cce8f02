package dev.herder.cli.local;

import dev.herder.controlplane.store.EtcdMembers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processes of a whole Herder cluster on loopback, for cluster tests and benchmarks: control-plane node i
 * (1 ... size) listens on basePort+i (its Kubernetes HTTP API on basePort+80+i), agent processes on basePort+10
 * onward, and its store is a real etcd cluster
 * of size members, member i taking clients on basePort+61 ... and peers on basePort+71 ... (a cluster owns
 * basePort ... basePort+99), with its data under the folder's {@code etcd/}. The etcd members start before the
 * first control-plane JVM does. Each JVM runs the CLI's own main ({@code herder control-plane} /
 * {@code herder agent --simulated}) from a config file written into the folder, which includes the repository's
 * {@code config/application.conf} and sets the node's port, roles and data folder (also in the folder, so a
 * restarted node finds its state again), and for a control-plane node every etcd member's URL. Output goes to
 * NAME.log there.
 *
 * <p>{@link #kill} is SIGKILL (no shutdown hooks, no leaving the cluster), {@link #stop} is SIGTERM; {@link #etcd}
 * kills and restarts members. Every JVM still running, then every etcd member, is killed by {@link #close}, or by a
 * shutdown hook when this JVM ends without closing.
 */
public final class ClusterProcesses implements AutoCloseable {
    /** Where a repository keeps the config every node of a cluster shares. */
    public static final String APPLICATION_CONF = "config/application.conf";
    /** Control-plane node i serves the Kubernetes HTTP API on basePort + this + i. */
    private static final int HTTP_PORT_OFFSET = 80;
    /** Agent processes listen on basePort + this + their port offset. */
    public static final int AGENT_PORT_OFFSET = 10;
    /** etcd member i (1 ... size) takes clients on basePort + this + i. */
    public static final int ETCD_CLIENT_PORT_OFFSET = 60;
    /** etcd member i (1 ... size) talks to its peers on basePort + this + i. */
    public static final int ETCD_PEER_PORT_OFFSET = 70;
    private static final String MAIN = "dev.herder.cli.Main";
    private static final String HOST = "127.0.0.1";
    /** The maximum heap of every JVM unless {@link #heaps} says otherwise: ample for a test's few objects. */
    public static final String DEFAULT_HEAP = "512m";
    /**
     * Quick compilation only, as the herder command starts servers (see there why); -DserverJvmOptions= adds options
     * after these, e.g. -XX:TieredStopAtLevel=4 to compare with the optimizing compiler.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            // lmdbjava (durable Distributed Data) needs these on Java 17
            "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");
    private static final String EXTRA_JVM_OPTIONS = "serverJvmOptions";
    /** Simulated pods start quickly, so that whoever waits for Running waits little. */
    private static final String SIMULATED_START_DELAY = "200ms";
    private static final long KILL_WAIT_SECONDS = 10;
    private static final long STOP_WAIT_SECONDS = 30;

    private final Path dir;
    private final int basePort;
    private final int size;
    private final Path applicationConf;
    private final String classPath;
    private final Function<String, List<String>> roleOptions;
    private final EtcdMembers etcd;
    private boolean etcdStarted;
    private final Map<Integer, Process> controlPlanes = new HashMap<>();
    private final List<Process> agents = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::killAll, "cluster-processes-kill-on-exit");

    /**
     * A cluster of size control-plane nodes whose JVMs run with the given class path (one that holds the CLI and
     * its dependencies) and whose config files include applicationConf.
     */
    private String controlPlaneConfig = "";
    private String controlPlaneHeap = DEFAULT_HEAP;
    private String agentHeap = DEFAULT_HEAP;

    public ClusterProcesses(Path dir, int basePort, int size, Path applicationConf, String classPath) {
        this(dir, basePort, size, applicationConf, classPath, role -> List.of());
    }

    /** The same, with extra JVM options per role ("control-plane", "agent"), asked for as each JVM starts. */
    ClusterProcesses(Path dir, int basePort, int size, Path applicationConf, String classPath,
                     Function<String, List<String>> roleOptions) {
        this.dir = dir.toAbsolutePath();
        this.basePort = basePort;
        this.size = size;
        this.applicationConf = applicationConf.toAbsolutePath().normalize();
        this.classPath = classPath;
        this.roleOptions = roleOptions;
        this.etcd = new EtcdMembers(this.dir.resolve("etcd"), basePort + ETCD_CLIENT_PORT_OFFSET + 1,
                basePort + ETCD_PEER_PORT_OFFSET + 1, size);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * With the config/application.conf of the repository around the working folder. When this JVM runs from that
     * repository's distribution (a benchmark), the servers run from its jars alone, with their {@link ClassArchives}
     * (made here first when missing); otherwise (a test) they run with this JVM's class path.
     */
    public ClusterProcesses(Path dir, int basePort, int size) {
        this(dir, basePort, size, repositoryRoot());
    }

    private ClusterProcesses(Path dir, int basePort, int size, Path root) {
        this(dir, basePort, size, root.resolve(APPLICATION_CONF),
                ClassArchives.of(root).map(a -> a.ensured(root.resolve(APPLICATION_CONF))));
    }

    private ClusterProcesses(Path dir, int basePort, int size, Path applicationConf, Optional<ClassArchives> archives) {
        this(dir, basePort, size, applicationConf,
                archives.map(ClassArchives::classPath).orElse(System.getProperty("java.class.path")),
                archives.<Function<String, List<String>>>map(a -> a::options).orElse(role -> List.of()));
    }

    /** The repository around the working folder: the nearest folder up from it that holds config/application.conf. */
    public static Path repositoryRoot() {
        return repositoryRoot(Path.of(System.getProperty("user.dir")));
    }

    /** The nearest folder from start upwards that holds config/application.conf. */
    public static Path repositoryRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(APPLICATION_CONF))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + APPLICATION_CONF + " in " + start.toAbsolutePath()
                + " or any folder above it: run from inside the Herder repository, or name the file explicitly");
    }

    /** Deletes the folder with everything in it (when it exists) and creates it again, empty. */
    public static Path emptyFolder(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        return Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    public int size() {
        return size;
    }

    /** host:port of control-plane node i. */
    public String address(int controlPlane) {
        return HOST + ":" + (basePort + controlPlane);
    }

    /** host:port of every control-plane node, comma-separated (the CLI's --contact). */
    public String contacts() {
        return String.join(",", contactList());
    }

    public List<String> contactList() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            out.add(address(i));
        }
        return out;
    }

    /** The URL of control-plane node i's Kubernetes HTTP API. */
    public String httpServer(int controlPlane) {
        return "http://" + HOST + ":" + (basePort + HTTP_PORT_OFFSET + controlPlane);
    }

    /** The control-plane index whose port is in host:port. */
    public int indexOf(String hostPort) {
        int index = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1)) - basePort;
        if (index < 1 || index > size) {
            throw new IllegalArgumentException(hostPort + " is no control-plane node of this cluster");
        }
        return index;
    }

    /** Whether control-plane node i was started here and has not been killed or stopped since. */
    public synchronized boolean isRunning(int controlPlane) {
        Process p = controlPlanes.get(controlPlane);
        return p != null && p.isAlive();
    }

    /** This cluster's etcd members: started with the first control-plane node, killed and restarted at will. */
    public EtcdMembers etcd() {
        return etcd;
    }

    /** SIGKILL to etcd member i (1 ... size); returns once it is gone. */
    public void killEtcd(int member) throws InterruptedException {
        etcd.kill(member);
    }

    /** Starts etcd member i again on its data; does not wait for it to rejoin. */
    public void startEtcd(int member) throws IOException {
        etcd.start(member);
    }

    /** The etcd member (1 ... size) that leads now. */
    public int etcdLeader() {
        return etcd.leader();
    }

    /**
     * Starts control-plane node i (and, the first time, the etcd members, waiting until they have a leader); its data
     * folder survives a kill or stop, so starting it again resumes it.
     */
    public Process startControlPlane(int controlPlane) throws IOException {
        if (isRunning(controlPlane)) {
            throw new IllegalStateException("control-plane node " + controlPlane + " is already running");
        }
        startEtcdOnce();
        String name = "control-plane-" + controlPlane;
        Path conf = writeConf(name, "herder.data-dir = \"" + dir.resolve("cp-" + controlPlane) + "\"\n"
                + etcd.endpointsConfig()
                + port(basePort + controlPlane) + "pekko.cluster.roles = [\"control-plane\"]\n"
                + "herder.control-plane.http.port = " + (basePort + HTTP_PORT_OFFSET + controlPlane) + "\n"
                + controlPlaneConfig);
        Process p = start(name, controlPlaneHeap, List.of("control-plane", "--config", conf.toString()));
        synchronized (this) {
            controlPlanes.put(controlPlane, p);
        }
        return p;
    }

    /** The etcd members are started once, with the first control-plane node; later, tests restart them one by one. */
    private synchronized void startEtcdOnce() throws IOException {
        if (!etcdStarted) {
            etcd.startAll();
            etcdStarted = true;
        }
    }

    /** Extra config lines for every control-plane node started from now on (e.g. shorter timeouts in a test). */
    public synchronized void controlPlaneConfig(String lines) {
        this.controlPlaneConfig = lines;
    }

    /** The maximum heap (-Xmx, e.g. "2g") of the control-plane and agent JVMs started from now on. */
    public synchronized void heaps(String controlPlane, String agent) {
        this.controlPlaneHeap = controlPlane;
        this.agentHeap = agent;
    }

    public void startAllControlPlanes() throws IOException {
        for (int i = 1; i <= size; i++) {
            startControlPlane(i);
        }
    }

    /** One agent JVM hosting nodes simulated nodes named nodeName-1 ... nodeName-N, on basePort+10+portOffset. */
    public Process startSimulatedAgent(String nodeName, int nodes, int portOffset) throws IOException {
        return startSimulatedAgent(nodeName, nodes, portOffset, "");
    }

    /** The same, with extra config lines for the agent (e.g. its nodes' capacity or labels). */
    public Process startSimulatedAgent(String nodeName, int nodes, int portOffset, String extraConf) throws IOException {
        String name = "agent-" + nodeName;
        Path conf = writeConf(name, "herder.data-dir = \"" + dir.resolve(name) + "\"\n"
                + "herder.agent.node-name = \"" + nodeName + "\"\n"
                + "herder.agent.simulated.start-delay = " + SIMULATED_START_DELAY + "\n"
                + port(basePort + AGENT_PORT_OFFSET + portOffset) + "pekko.cluster.roles = [\"agent\"]\n" + extraConf);
        Process p = start(name, agentHeap, List.of("agent", "--simulated", "--nodes", String.valueOf(nodes),
                "--config", conf.toString()));
        synchronized (this) {
            agents.add(p);
        }
        return p;
    }

    /** One agent JVM running node nodeName on the machine's Docker engine, its pods at address. */
    public Process startDockerAgent(String nodeName, String address, int portOffset, String extraConf) throws IOException {
        String name = "agent-" + nodeName;
        Path conf = writeConf(name, "herder.data-dir = \"" + dir.resolve(name) + "\"\n"
                + "herder.agent.node-name = \"" + nodeName + "\"\n"
                + "herder.agent.address = \"" + address + "\"\n"
                + port(basePort + AGENT_PORT_OFFSET + portOffset) + "pekko.cluster.roles = [\"agent\"]\n" + extraConf);
        Process p = start(name, agentHeap, List.of("agent", "--config", conf.toString()));
        synchronized (this) {
            agents.add(p);
        }
        return p;
    }

    /** SIGKILL, as `kill -9`: no shutdown hooks, no leaving the cluster. Returns once the JVM is gone. */
    public void kill(int controlPlane) throws InterruptedException {
        Process p = take(controlPlane);
        p.destroyForcibly();
        p.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** SIGTERM: the node leaves the cluster gracefully (killed if it has not ended within 30 s). */
    public void stop(int controlPlane) throws InterruptedException {
        Process p = take(controlPlane);
        p.destroy();
        awaitStopped(p);
    }

    /** SIGTERM to every JVM started here that still runs, all at once; waits for each as {@link #stop} does. */
    public void stopAll() throws InterruptedException {
        List<Process> all = takeAll();
        all.forEach(Process::destroy);
        for (Process p : all) {
            awaitStopped(p);
        }
    }

    /** Waits for a JVM sent SIGTERM to end; kills it if it has not within 30 s. */
    private static void awaitStopped(Process p) throws InterruptedException {
        if (!p.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Kills (SIGKILL) every JVM started here that still runs, then every etcd member, and waits for them to end. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // this JVM is already shutting down: the hook runs or has run, and kills nothing more
        }
    }

    private void killAll() {
        List<Process> all = takeAll();
        all.forEach(Process::destroyForcibly);
        try {
            for (Process p : all) {
                try {
                    p.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            // The store last, as on a real machine, and even when interrupted: no etcd outlives its cluster.
            etcd.close();
        }
    }

    /** Every JVM started here that was not stopped yet, forgotten here from now on. */
    private synchronized List<Process> takeAll() {
        List<Process> all = new ArrayList<>(agents);
        all.addAll(controlPlanes.values());
        agents.clear();
        controlPlanes.clear();
        return all;
    }

    private synchronized Process take(int controlPlane) {
        Process p = controlPlanes.remove(controlPlane);
        if (p == null) {
            throw new IllegalStateException("control-plane node " + controlPlane + " was not started here");
        }
        return p;
    }

    private Path writeConf(String name, String own) throws IOException {
        String seeds = contactList().stream().map(c -> "\"pekko://herder@" + c + "\"").collect(Collectors.joining(","));
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, "include file(\"" + applicationConf + "\")\n"
                + "pekko.cluster.seed-nodes = [" + seeds + "]\n"
                + "pekko.loglevel = INFO\n"
                + own);
        return conf;
    }

    private static String port(int port) {
        return "pekko.remote.artery.canonical.port = " + port + "\n";
    }

    private Process start(String name, String heap, List<String> args) throws IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(roleOptions.apply(args.get(0)));
        String extra = System.getProperty(EXTRA_JVM_OPTIONS, "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", classPath, MAIN));
        cmd.addAll(args);
        File log = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }
}
