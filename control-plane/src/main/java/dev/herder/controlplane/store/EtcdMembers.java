package dev.herder.controlplane.store;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Real etcd member processes on loopback, for tests, benchmarks and local clusters. Member i (1..size) is named
 * etcd-i, serves clients on firstClientPort+i-1 and peers on firstPeerPort+i-1, keeps its data in dir/etcd-i and
 * appends its output to dir/etcd-i.log. Members keep fsync on: nothing they acknowledged is lost when one is
 * killed. Every member still running is killed on {@link #close} (or when the JVM ends, whichever comes first).
 */
public final class EtcdMembers implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final Path dir;
    private final int firstClientPort;
    private final int firstPeerPort;
    private final Process[] processes;
    private final Path etcd;
    private final Thread shutdownHook = new Thread(this::killAll, "etcd-members-shutdown");
    private Client probeClient;

    /** size members named etcd-1..etcd-N; member i: client port firstClientPort+i-1, peer port firstPeerPort+i-1, data folder dir/etcd-i, log dir/etcd-i.log (appended). */
    public EtcdMembers(Path dir, int firstClientPort, int firstPeerPort, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an etcd cluster needs at least one member, not " + size);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.firstClientPort = firstClientPort;
        this.firstPeerPort = firstPeerPort;
        this.processes = new Process[size];
        this.etcd = EtcdBinary.find();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts every member not running; returns once the cluster has a leader and answers a linearizable read. */
    public void startAll() throws IOException {
        for (int member = 1; member <= size(); member++) {
            if (!isRunning(member)) {
                start(member);
            }
        }
        awaitReady();
    }

    /** (Re)starts one member on its data folder (a new cluster member the first time); does not wait. */
    public synchronized void start(int member) throws IOException {
        check(member);
        if (isRunning(member)) {
            return;
        }
        Files.createDirectories(dir);
        Path data = dataDir(member);
        String peerUrl = url(firstPeerPort + member - 1);
        String clientUrl = url(firstClientPort + member - 1);
        List<String> command = List.of(etcd.toString(),
                "--name=" + name(member),
                "--data-dir=" + data,
                "--listen-client-urls=" + clientUrl,
                "--advertise-client-urls=" + clientUrl,
                "--listen-peer-urls=" + peerUrl,
                "--initial-advertise-peer-urls=" + peerUrl,
                "--initial-cluster=" + initialCluster(),
                "--initial-cluster-token=herder-" + Integer.toHexString(dir.toString().hashCode()),
                "--initial-cluster-state=new",
                "--auto-compaction-mode=periodic",
                "--auto-compaction-retention=5m",
                "--logger=zap",
                "--log-outputs=stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(member).toFile()));
        String arch = EtcdBinary.unsupportedArch();
        if (arch != null) {
            builder.environment().put("ETCD_UNSUPPORTED_ARCH", arch);
        }
        processes[member - 1] = builder.start();
    }

    /** SIGKILL, and waits for the process to end. */
    public void kill(int member) throws InterruptedException {
        check(member);
        Process process = process(member);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public synchronized boolean isRunning(int member) {
        check(member);
        Process process = processes[member - 1];
        return process != null && process.isAlive();
    }

    /** The process id of member i while it runs (for a benchmark reading its memory), empty when it does not. */
    public synchronized OptionalLong pid(int member) {
        check(member);
        Process process = processes[member - 1];
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** Member i's data folder (dir/etcd-i), whether or not it runs. */
    public Path dataDir(int member) {
        check(member);
        return dir.resolve(name(member));
    }

    /** The index (1..size) of the member that leads now, as that member itself says. */
    public int leader() {
        long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int member = 1; member <= size(); member++) {
                if (isRunning(member) && leads(member)) {
                    return member;
                }
            }
            pause();
        }
        throw new IllegalStateException("no etcd member answered with a leader within " + LEADER_TIMEOUT.toSeconds()
                + " s; see the logs " + logs());
    }

    /** "http://127.0.0.1:&lt;client port&gt;" for every member. */
    public List<String> endpoints() {
        return IntStream.rangeClosed(1, size()).mapToObj(i -> url(firstClientPort + i - 1)).toList();
    }

    /** One HOCON line naming every member's endpoint. */
    public String endpointsConfig() {
        return endpoints().stream().map(e -> "\"" + e + "\"")
                .collect(Collectors.joining(", ", "herder.etcd.endpoints = [", "]\n"));
    }

    public int size() {
        return processes.length;
    }

    /** Kills every member still running. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    private void killAll() {
        synchronized (this) {
            if (probeClient != null) {
                probeClient.close();
                probeClient = null;
            }
        }
        for (int member = 1; member <= size(); member++) {
            try {
                kill(member);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            for (int member = 1; member <= size(); member++) {
                Process process = process(member);
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("etcd member " + name(member) + " ended at start (exit "
                            + process.exitValue() + "); see " + log(member));
                }
            }
            try {
                probe().getKVClient().get(ByteSequence.from("/", StandardCharsets.UTF_8))
                        .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (Exception e) {
                last = e;
                pause();
            }
        }
        throw new IllegalStateException("the etcd cluster at " + endpoints() + " did not elect a leader and answer a "
                + "read within " + READY_TIMEOUT.toSeconds() + " s; see the logs " + logs(), last);
    }

    private synchronized Process process(int member) {
        return processes[member - 1];
    }

    private boolean leads(int member) {
        try {
            StatusResponse status = probe().getMaintenanceClient().statusMember(url(firstClientPort + member - 1))
                    .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return status.getLeader() != 0 && status.getLeader() == status.getHeader().getMemberId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + name(member) + " for its leader", e);
        } catch (Exception unreachable) {
            return false;
        }
    }

    private synchronized Client probe() {
        if (probeClient == null) {
            probeClient = Client.builder().endpoints(endpoints().toArray(String[]::new))
                    .connectTimeout(PROBE_TIMEOUT).build();
        }
        return probeClient;
    }

    private String initialCluster() {
        return IntStream.rangeClosed(1, size()).mapToObj(i -> name(i) + "=" + url(firstPeerPort + i - 1))
                .collect(Collectors.joining(","));
    }

    private List<Path> logs() {
        List<Path> logs = new ArrayList<>();
        for (int member = 1; member <= size(); member++) {
            logs.add(log(member));
        }
        return logs;
    }

    private Path log(int member) {
        return dir.resolve(name(member) + ".log");
    }

    private static String name(int member) {
        return "etcd-" + member;
    }

    private static String url(int port) {
        return "http://" + HOST + ":" + port;
    }

    private void check(int member) {
        if (member < 1 || member > size()) {
            throw new IllegalArgumentException("etcd member " + member + " is not in 1.." + size());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for etcd", e);
        }
    }
}
