package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.wire.ApiRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What replication controllers cost in time, on 3 control-plane JVMs (127.0.0.1:4951-4953):
 * <ol>
 *   <li>docker: one Docker agent (node bench-rc, pods at 127.0.0.2, 127.0.0.1:4960). An RC of ROUNDS busybox
 *   pods; each pod's container in turn is killed with {@code docker kill} and timed until the API shows the pod
 *   Running again in a new container. Then an RC of 10 pods with a readiness probe (ready 1 s after start,
 *   minReadySeconds 1) is rolled from local/busybox:1 to :2, timed from the apply to the rollout complete.</li>
 *   <li>simulated: an agent JVM of one simulated node runs an RC's 100 pods; a second agent JVM of two nodes
 *   joins; the first is killed with SIGKILL and timed until 100 pods run on the other nodes (the default
 *   pod-eviction-timeout, 30 s from the last heartbeat, is most of it).</li>
 * </ol>
 * Data and logs in bench/target/controller-bench; prints a table; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.ControllerBench [docker|simulated|all]</pre>
 */
public final class ControllerBench {
    private static final int BASE_PORT = BenchSupport.basePort(4950);
    private static final int ROUNDS = 10;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WITHIN = Duration.ofMinutes(3);
    private static final Duration PAUSE_BETWEEN_KILLS = Duration.ofSeconds(1);
    /** Ready 1 s after start (readiness probe by exec every 1 s); exits at once on SIGTERM. */
    private static final String PROBED_CONTAINER =
            "        command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 1; touch /tmp/ready; while true; do sleep 1; done\"]\n"
            + "        readinessProbe:\n          exec:\n            command: [\"cat\", \"/tmp/ready\"]\n"
            + "          periodSeconds: 1\n";

    private ControllerBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        Path root = ClusterProcesses.repositoryRoot();
        List<String> rows = new ArrayList<>();
        if (!mode.equals("simulated")) {
            docker(root, rows);
        }
        if (!mode.equals("docker")) {
            simulated(root, rows);
        }
        System.out.println();
        rows.forEach(System.out::println);
    }

    private static void docker(Path root, List<String> rows) throws Exception {
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/controller-bench/docker"));
        BenchSupport.requireFreePorts("ControllerBench", List.of(BASE_PORT + 1, BASE_PORT + 2, BASE_PORT + 3,
                BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET));
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, 3);
             HerderClient client = HerderClient.connect(cluster.contactList(), Duration.ofSeconds(30))) {
            cluster.startAllControlPlanes();
            await("3 control-plane members Up with a leader", () -> BenchSupport.controlPlanesUp(client) == 3);
            cluster.startDockerAgent("bench-rc", "127.0.0.2", 0, "herder.agent.pods.poll-interval = 1s\n");
            await("a Ready node", () -> BenchSupport.readyNodes(client) == 1);
            // one pod per round, each killed once: its restart is the first, immediate one (a container killed
            // again within 10 min waits out the kubelet's back-off, 10 s doubling)
            BenchSupport.apply(client, rc("heal", ROUNDS, "local/busybox:1"));
            await(ROUNDS + " heal pods Ready", () -> Controllers.rolledOut(client, "heal"));
            List<Pod> victims = Controllers.pods(client, "heal");
            List<Long> heals = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                heals.add(Controllers.killAndHeal(client, victims.get(round), WITHIN, POLL));
                Thread.sleep(PAUSE_BETWEEN_KILLS.toMillis());
            }
            List<Long> sorted = heals.stream().sorted().toList();
            rows.add(String.format("%-62s %8d ms  (median of %d; min %d, max %d)", "docker kill of a container -> Running again",
                    BenchSupport.percentile(sorted, 50), ROUNDS, sorted.get(0), sorted.get(sorted.size() - 1)));

            // the heal pods go first: 20 containers probed by exec every second are more than two vCPUs carry
            client.call(new ApiRequest.Delete(ReplicationController.KIND, "default", "heal"));
            await("the heal pods gone", () -> Controllers.pods(client, "heal").isEmpty());
            BenchSupport.apply(client, rc("roll", 10, "local/busybox:1"));
            await("10 roll pods Ready", () -> Controllers.rolledOut(client, "roll"));
            long start = System.nanoTime();
            BenchSupport.apply(client, rc("roll", 10, "local/busybox:2"));
            await("the rollout of roll", () -> Controllers.rolledOut(client, "roll"));
            rows.add(String.format("%-62s %8d ms", "rolling update of 10 replicas, :1 -> :2 (maxSurge 1, minReady 1 s)",
                    (System.nanoTime() - start) / 1_000_000));
        } finally {
            new ProcessBuilder("sh", "-c", "docker ps -aq --filter label=herder.dev/node=bench-rc | xargs -r docker rm -f")
                    .inheritIO().start().waitFor();
        }
    }

    private static void simulated(Path root, List<String> rows) throws Exception {
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/controller-bench/simulated"));
        BenchSupport.requireFreePorts("ControllerBench", List.of(BASE_PORT + 1, BASE_PORT + 2, BASE_PORT + 3,
                BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET, BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET + 1));
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, 3);
             HerderClient client = HerderClient.connect(cluster.contactList(), Duration.ofSeconds(30))) {
            cluster.startAllControlPlanes();
            await("3 control-plane members Up with a leader", () -> BenchSupport.controlPlanesUp(client) == 3);
            Process doomed = cluster.startSimulatedAgent("doomed", 1, 0);
            await("a Ready node", () -> BenchSupport.readyNodes(client) == 1);
            BenchSupport.apply(client, rc("many", 100, "local/busybox:1"));
            await("100 pods Running on the doomed node", () -> Controllers.running(client, "many", null) == 100);
            cluster.startSimulatedAgent("spare", 2, 1);
            await("3 Ready nodes", () -> BenchSupport.readyNodes(client) == 3);
            long start = System.nanoTime();
            doomed.destroyForcibly();
            doomed.waitFor();
            await("100 pods Running on the other nodes", () -> Controllers.running(client, "many", "doomed-1") == 100);
            rows.add(String.format("%-62s %8d ms  (pod-eviction-timeout 30 s)", "agent JVM of 100 pods killed -> all Running elsewhere",
                    (System.nanoTime() - start) / 1_000_000));
        }
    }

    private static String rc(String name, int replicas, String image) {
        return Controllers.rc(name, replicas, 1, 1, image, PROBED_CONTAINER);
    }

    private static void await(String what, BooleanSupplier condition) {
        BenchSupport.await(what, WITHIN, POLL, condition);
    }
}
