package dev.herder.bench;

import com.typesafe.config.ConfigFactory;
import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.DockerSettings;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Pod start latency on the machine's Docker engine: apply → the pod seen Running through the API. Starts 3
 * control-plane JVMs (127.0.0.1:4451-4453) and one Docker agent JVM (node bench-node, pods at 127.0.0.2, on
 * 127.0.0.1:4460), data and logs in bench/target/pod-start-bench. After one warm-up pod it measures
 * <ol>
 *   <li>one at a time: COUNT pods applied one after another, each once the previous is Running;</li>
 *   <li>a burst: COUNT pods in one apply, all at once;</li>
 * </ol>
 * each a single busybox container sleeping. A pod's latency is from just before its apply is sent to the first
 * poll that shows it Running (every 50 ms, each pod not seen Running yet read by name, concurrently). Beside them the engine's floor: the wall time
 * of {@code docker run --rm local/busybox:1 true}, FLOOR_RUNS times one after another, and COUNT containers
 * created and started through the Docker API all at once (16 at a time, as the agent's blocking dispatcher). Prints p50/p90/p99 and
 * writes bench/target/pod-start.csv; gates nothing.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.PodStartBench [count]</pre>
 */
public final class PodStartBench {
    private static final int BASE_PORT = BenchSupport.basePort(4450);
    private static final int CONTROL_PLANES = 3;
    private static final String NODE = "bench-node";
    private static final String NAMESPACE = "bench";
    private static final String IMAGE = EngineFloor.IMAGE;
    private static final int FLOOR_RUNS = 10;
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration WITHIN = Duration.ofMinutes(3);

    private PodStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path root = ClusterProcesses.repositoryRoot();
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/pod-start-bench"));
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= CONTROL_PLANES; i++) {
            ports.add(BASE_PORT + i);
        }
        ports.add(BASE_PORT + ClusterProcesses.AGENT_PORT_OFFSET);
        BenchSupport.requireFreePorts("PodStartBench", ports);
        StringBuilder csv = new StringBuilder("mode,pod,ms\n");
        try (DockerRuntime docker = new DockerRuntime(DockerSettings.from(ConfigFactory.load()))) {
            System.out.println("engine: Docker " + docker.version() + "; image " + IMAGE
                    + (docker.hasImage(IMAGE) ? "" : " MISSING (run deploy/engine.sh)"));
            List<Long> floor = logged(EngineFloor.dockerRuns(FLOOR_RUNS), "docker-run-floor", csv);
            List<Long> apiFloor = logged(EngineFloor.apiBurst(docker, count, NODE), "api-burst-floor", csv);
            try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, CONTROL_PLANES);
                 HerderClient client = HerderClient.connect(cluster.contactList(), Duration.ofSeconds(30))) {
                System.out.println("starting " + CONTROL_PLANES + " control-plane JVMs and a Docker agent; logs in " + dir);
                cluster.startAllControlPlanes();
                cluster.startDockerAgent(NODE, "127.0.0.2", 0, "");
                await("a Ready node", () -> BenchSupport.readyNodes(client) == 1);
                List<Long> sequential = oneAtATime(client, count, csv);
                List<String> burst = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    burst.add("burst-" + i);
                }
                List<Long> together = timePods(client, burst, "burst", csv);
                System.out.printf("%n%-40s %8s %8s %8s %8s%n", "apply -> Running (ms)", "p50", "p90", "p99", "max");
                row(count + " pods, one at a time", sequential);
                row(count + " pods in one apply", together);
                row("floor: docker run --rm " + IMAGE + " true", floor);
                row("floor: " + count + " create+start via API at once", apiFloor);
                stages.remove("warm-up");
                printStages();
            } finally {
                docker.list(Map.of(ContainerSpecs.NODE_LABEL, NODE)).forEach(c -> docker.remove(c.id()));
            }
        }
        Path out = root.resolve("bench/target/pod-start.csv");
        Files.writeString(out, csv);
        System.out.println("\nwritten: " + out);
    }

    /**
     * After one warm-up pod, count pods applied one after another, each once the previous one is Running: each
     * one's apply → Running time in ms (the latency of one pod, with no queue). The pods stay.
     */
    static List<Long> oneAtATime(HerderClient client, int count, StringBuilder csv) {
        timePods(client, List.of("warm-up"), "warm-up", null);
        List<Long> sequential = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sequential.addAll(timePods(client, List.of("one-" + i), "one-at-a-time", csv));
        }
        return sequential;
    }

    /** Applies the pods in one request and returns each one's apply → Running time, in ms. */
    private static List<Long> timePods(HerderClient client, List<String> names, String mode, StringBuilder csv) {
        StringBuilder yaml = new StringBuilder();
        names.forEach(n -> yaml.append("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ").append(n)
                .append("\n  namespace: ").append(NAMESPACE).append("\nspec:\n  terminationGracePeriodSeconds: 1\n")
                .append("  containers:\n  - name: main\n    image: ").append(IMAGE)
                .append("\n    command: [\"sleep\", \"3600\"]\n"));
        List<ApiObject> objects = ManifestReader.read(yaml.toString(), mode).objects();
        long start = System.nanoTime();
        java.time.Instant wallClockAtStart = java.time.Instant.now();
        ApiResponse applied = client.call(new ApiRequest.Apply(objects));
        if (!(applied instanceof ApiResponse.Applied a)) {
            throw new IllegalStateException("apply failed: " + applied);
        }
        List<String> refused = a.outcomes().stream().filter(o -> o.error() != null)
                .map(o -> o.name() + ": " + o.error().message()).toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException(refused.size() + " of " + names.size() + " pods refused: " + refused);
        }
        Map<String, Long> seen = new HashMap<>();
        Map<String, Pod> running = new HashMap<>();
        await(names.size() + " " + mode + " pods Running", () -> {
            // each pod not yet seen Running, read by name (from its entity, not a majority read of every bucket,
            // so that watching costs the cluster little), all at once
            List<java.util.concurrent.CompletableFuture<ApiResponse>> asks = new ArrayList<>();
            List<String> unseen = names.stream().filter(n -> !seen.containsKey(n)).toList();
            unseen.forEach(n -> asks.add(client.send(new ApiRequest.Get(Pod.KIND, NAMESPACE, n, null))
                    .toCompletableFuture()));
            for (int i = 0; i < unseen.size(); i++) {
                ApiResponse rsp = asks.get(i).join();
                long now = System.nanoTime();
                if (rsp instanceof ApiResponse.Objects o && !o.items().isEmpty()) {
                    Pod p = (Pod) o.items().get(0);
                    if (p.status() != null && "Running".equals(p.status().phase())) {
                        seen.putIfAbsent(p.metadata().name(), (now - start) / 1_000_000);
                        running.putIfAbsent(p.metadata().name(), p);
                    }
                }
            }
            return seen.size() == names.size();
        });
        stages.computeIfAbsent(mode, m -> new ArrayList<>()).addAll(names.stream().map(n -> Stages.of(
                running.get(n), wallClockAtStart, seen.get(n))).toList());
        List<Long> out = new ArrayList<>();
        for (String n : names) {
            out.add(seen.get(n));
            if (csv != null) {
                csv.append(mode).append(',').append(n).append(',').append(seen.get(n)).append('\n');
            }
        }
        return out;
    }

    /** Where each pod's time went, by the timestamps the cluster wrote (one clock: every JVM is on this machine). */
    private static final Map<String, List<Stages>> stages = new java.util.LinkedHashMap<>();

    /** ms from the apply being sent to: the pod created, bound to the node, its container started, seen Running. */
    record Stages(long created, long scheduled, long started, long seen) {
        static Stages of(Pod p, java.time.Instant sent, long seenMs) {
            String scheduledAt = p.status().conditions().stream().filter(c -> "PodScheduled".equals(c.type()))
                    .map(c -> c.lastTransitionTime()).findFirst().orElse(null);
            String startedAt = p.status().containerStatuses().get(0).state().running().startedAt();
            return new Stages(ms(sent, p.metadata().creationTimestamp()), ms(sent, scheduledAt), ms(sent, startedAt),
                    seenMs);
        }

        private static long ms(java.time.Instant from, String to) {
            return to == null ? -1 : Duration.between(from, java.time.Instant.parse(to)).toMillis();
        }
    }

    private static void printStages() {
        System.out.printf("%n%-40s %8s %8s %8s %8s%n", "median ms since the apply was sent", "created", "bound",
                "started", "Running");
        stages.forEach((mode, list) -> System.out.printf("%-40s %8d %8d %8d %8d%n", mode,
                median(list.stream().map(Stages::created).toList()), median(list.stream().map(Stages::scheduled).toList()),
                median(list.stream().map(Stages::started).toList()), median(list.stream().map(Stages::seen).toList())));
    }

    private static long median(List<Long> values) {
        return BenchSupport.percentile(values.stream().sorted().toList(), 50);
    }

    private static List<Long> logged(List<Long> figures, String mode, StringBuilder csv) {
        for (int i = 0; i < figures.size(); i++) {
            csv.append(mode).append(',').append(i).append(',').append(figures.get(i)).append('\n');
        }
        return figures;
    }

    private static void row(String what, List<Long> figures) {
        List<Long> sorted = figures.stream().sorted().toList();
        System.out.printf("%-40s %8d %8d %8d %8d%n", what, BenchSupport.percentile(sorted, 50),
                BenchSupport.percentile(sorted, 90), BenchSupport.percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static void await(String what, BooleanSupplier condition) {
        BenchSupport.await(what, WITHIN, POLL, condition);
    }
}
