package dev.herder.bench;

import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.wire.ApiRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Herder on the machine's Docker engine, as PeerBench measures it: 3 control-plane JVMs on 127.0.0.1:5651-5653
 * and one Docker agent JVM (node bench-peer, pods at 127.0.0.2, on 127.0.0.1:5660), with the settings of
 * config/ and the agent's defaults (capacity 110 pods, pod poll interval 1 s). Replica sets are replication
 * controllers in namespace default, driven through the API (ClusterClient) in this JVM. Closing kills every JVM
 * started here and removes every container of the node.
 *
 * <p>RC settings: the defaults, maxSurge 1 and maxUnavailable 0 (one pod at a time), minReadySeconds 0, no
 * probes; terminationGracePeriodSeconds 10, as Swarm's default stop-grace-period.
 */
final class HerderSide implements Orchestrator {
    static final int BASE_PORT = BenchSupport.basePort(5650);
    static final String NODE = "bench-peer";
    private static final String POD_ADDRESS = "127.0.0.2";
    private static final int CONTROL_PLANES = 3;
    private static final int MIN_READY_SECONDS = 0;
    private static final int GRACE_PERIOD_SECONDS = 10;
    /**
     * Pekko's default (5 s) for its logger to start is too short on a machine shared with other runs: a JVM that
     * misses it ends at once. Start-up only; nothing measured depends on it.
     */
    private static final String STARTUP_CONF = "pekko.logger-startup-timeout = 30s\n";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String CONTAINER = "        command: [\"sh\", \"-c\", \"" + REPLICA_SCRIPT + "\"]\n";
    private static final long NANOS_PER_MS = 1_000_000;

    private final DockerRuntime docker;
    private final Duration within;
    private final Duration poll;
    private final ClusterProcesses cluster;
    private final HerderClient client;
    private final Map<String, Integer> replicas = new HashMap<>();
    private final Thread cleanupOnExit = new Thread(this::cleanUp, "herder-side-cleanup-on-exit");
    private boolean closed;

    /** Starts the cluster in dir and waits for its node to be Ready; kills what it started when that fails. */
    HerderSide(Path dir, DockerRuntime docker, Duration within, Duration poll) throws IOException {
        this.docker = docker;
        this.within = within;
        this.poll = poll;
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= CONTROL_PLANES; i++) {
            ports.add(BASE_PORT + i);
        }
        ports.add(BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET);
        BenchSupport.requireFreePorts("PeerBench", ports);
        this.cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        this.client = HerderClient.connect(cluster.contactList(), CLIENT_TIMEOUT);
        try {
            cluster.controlPlaneConfig(STARTUP_CONF);
            cluster.startAllControlPlanes();
            // The agent starts with them, as on machines booting together; it joins once a seed node is up.
            cluster.startDockerAgent(NODE, POD_ADDRESS, 0, STARTUP_CONF);
            await(CONTROL_PLANES + " control-plane members Up with a leader",
                    () -> BenchSupport.controlPlanesUp(client) == CONTROL_PLANES);
            await("node " + NODE + " Ready", () -> BenchSupport.readyNodes(client) == 1);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    HerderClient client() {
        return client;
    }

    @Override
    public String name() {
        return "Herder";
    }

    @Override
    public long create(String set, int count, String image) {
        replicas.put(set, count);
        long start = System.nanoTime();
        BenchSupport.apply(client, rc(set, image));
        await(count + " pods of " + set + " Running", () -> Controllers.running(client, set, null) == count);
        return since(start);
    }

    @Override
    public long killAndHeal(String set, int index) {
        Pod victim = Controllers.pods(client, set).stream().sorted(Comparator.comparing(p -> p.metadata().name()))
                .toList().get(index);
        return Controllers.killAndHeal(client, victim, within, poll);
    }

    @Override
    public long roll(String set, String image) {
        await(set + " rolled out before its update", () -> Controllers.rolledOut(client, set));
        long start = System.nanoTime();
        BenchSupport.apply(client, rc(set, image));
        await("the rollout of " + set + " to " + image, () -> Controllers.rolledOut(client, set));
        return since(start);
    }

    @Override
    public void remove(String set) {
        client.call(new ApiRequest.Delete(ReplicationController.KIND, Controllers.NAMESPACE, set));
        await("the pods of " + set + " gone", () -> Controllers.pods(client, set).isEmpty());
        await("the containers of " + set + " gone", () -> docker.list(Map.of(ContainerSpecs.NODE_LABEL, NODE,
                ContainerSpecs.NAMESPACE_LABEL, Controllers.NAMESPACE)).isEmpty());
    }

    /** Kills every JVM started here and removes every container of the node. */
    @Override
    public void close() {
        cleanUp();
        BenchSupport.forgetShutdownHook(cleanupOnExit);
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.close();
        } catch (RuntimeException e) {
            System.err.println("cleanup: " + e.getMessage());
        } finally {
            cluster.close();
            // by label, through the CLI: this also runs in a shutdown hook, when the shared client may be closed
            try {
                BenchSupport.run("sh", "-c", "docker ps -aq --filter label=" + ContainerSpecs.NODE_LABEL + "=" + NODE
                        + " | xargs -r docker rm -f");
            } catch (RuntimeException e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
    }

    private String rc(String set, String image) {
        return Controllers.rc(set, replicas.get(set), MIN_READY_SECONDS, GRACE_PERIOD_SECONDS, image, CONTAINER);
    }

    private void await(String what, BooleanSupplier condition) {
        BenchSupport.await(what, within, poll, condition);
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / NANOS_PER_MS;
    }
}
