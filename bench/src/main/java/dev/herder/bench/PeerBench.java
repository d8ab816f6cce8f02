package dev.herder.bench;

import com.typesafe.config.ConfigFactory;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.DockerSettings;
import dev.herder.cli.local.ClusterProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Herder against the peer users would pick instead, Docker Swarm mode, on the same Docker engine in the same run
 * (see {@link HerderSide} and {@link SwarmSide} for each side's settings). Every replica is a busybox sleep with
 * no ports. For each side, one after the other, step by step:
 * <ol>
 *   <li>a replica set (RC / service) of 10, and of 50, created: ms from the create call to all Running;</li>
 *   <li>on the set of 10, {@code docker kill} of one replica's container, HEAL_ROUNDS times (a different replica
 *   each time): ms to a replacement Running (Herder: the pod Running again in a new container as the API
 *   reports it; Swarm: a new task Running in the slot);</li>
 *   <li>the set of 10 rolled from local/busybox:1 to :2, one replica at a time: ms from the apply / {@code docker
 *   service update} to the rollout complete / every running task on the new image.</li>
 * </ol>
 * Beside them the engine's floor, measured first with nothing else of this run going: N containers created and
 * started through the Docker API at once (to the last start returning; N as each set), and {@code docker run
 * --rm} one after another; and Herder's pod start latency, apply → Running, one pod at a time (PodStartBench's
 * measurement). Prints one table with the ratios Herder/Swarm and Herder/floor, writes every figure to
 * bench/target/peer.csv; data and logs of the Herder JVMs in bench/target/peer-bench. Removes every container
 * and service it made, leaves the swarm and kills its JVMs at the end, also when it fails.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.PeerBench [full|quick]</pre>
 */
public final class PeerBench {
    private static final String FROM = EngineFloor.IMAGE;
    private static final String TO = "local/busybox:2";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WITHIN = Duration.ofMinutes(3);
    /** Between two kills, so one heal's aftermath is not the next one's start. */
    private static final Duration PAUSE_BETWEEN_KILLS = Duration.ofSeconds(1);
    private static final double[] PERCENTILES = {50, 90, 99};

    /**
     * What a run measures: the replica sets' sizes (the first one is also healed and rolled), the kills on it, the
     * pods of the latency measurement, the {@code docker run} floor's runs.
     */
    record Sizes(List<Integer> sets, int healRounds, int latencyPods, int floorRuns) {
        static final Sizes FULL = new Sizes(List.of(10, 50), 3, 50, 10);
        static final Sizes QUICK = new Sizes(List.of(10), 1, 10, 3);
    }

    private PeerBench() {
    }

    public static void main(String[] args) throws Exception {
        long runStart = System.nanoTime();
        String mode = args.length > 0 ? args[0] : "full";
        Sizes sizes = switch (mode) {
            case "full" -> Sizes.FULL;
            case "quick" -> Sizes.QUICK;
            default -> throw new IllegalArgumentException("mode is full or quick, not " + mode);
        };
        Path root = ClusterProcesses.repositoryRoot();
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/peer-bench"));
        PeerTable table = new PeerTable(runStart);
        try (DockerRuntime docker = new DockerRuntime(DockerSettings.from(ConfigFactory.load()))) {
            System.out.println("engine: Docker " + docker.version() + "; mode " + mode + " " + sizes);
            for (String image : List.of(FROM, TO)) {
                if (!docker.hasImage(image)) {
                    throw new IllegalStateException("image " + image + " missing on the engine (deploy/engine.sh)");
                }
            }
            List<Long> runs = sorted(table.log("docker-run-floor", "engine", EngineFloor.dockerRuns(sizes.floorRuns())));
            Map<Integer, Long> bursts = new HashMap<>();
            for (int n : sizes.sets()) {
                bursts.put(n, Collections.max(table.log("api-burst-" + n, "engine",
                        EngineFloor.apiBurst(docker, n, HerderSide.NODE))));
            }
            System.out.println("starting 3 control-plane JVMs and a Docker agent (logs in " + dir + "), and a swarm");
            try (HerderSide herder = new HerderSide(dir, docker, WITHIN, POLL);
                 SwarmSide swarm = new SwarmSide(WITHIN, POLL)) {
                List<Orchestrator> sides = List.of(herder, swarm);
                compare(sides, sizes, bursts, table);
                List<Long> latency = sorted(table.log("pod-start", herder.name(),
                        PodStartBench.oneAtATime(herder.client(), sizes.latencyPods(), null)));
                for (double p : PERCENTILES) {
                    table.row(String.format("pod start, apply -> Running, p%.0f (%d pods one at a time)", p,
                            sizes.latencyPods()), BenchSupport.percentile(latency, p), PeerTable.NONE,
                            BenchSupport.percentile(runs, p));
                }
            }
        }
        table.print();
        Path csv = root.resolve("bench/target/peer.csv");
        table.write(csv);
        System.out.println("\n" + table.markdown());
        System.out.printf("written: %s; whole run %.1f s%n", csv, (System.nanoTime() - runStart) / 1e9);
    }

    /** Each step on each side, Herder first, then Swarm; rows for the table. */
    private static void compare(List<Orchestrator> sides, Sizes sizes, Map<Integer, Long> bursts, PeerTable table) {
        int first = sizes.sets().get(0);
        long[] heal = null;
        long[] roll = null;
        for (int n : sizes.sets()) {
            String set = "peer-" + n;
            long[] up = each(sides, s -> table.log("create-" + n, s.name(), s.create(set, n, FROM)));
            table.row(n + " replicas all Running, from the create call", up[0], up[1], bursts.get(n));
            if (n == first) {
                heal = each(sides, s -> BenchSupport.percentile(sorted(table.log("heal", s.name(),
                        heals(s, set, sizes.healRounds()))), 50));
                roll = each(sides, s -> table.log("roll-" + n, s.name(), s.roll(set, TO)));
            }
            sides.forEach(s -> s.remove(set));
        }
        table.row("docker kill -> replacement Running (median of " + sizes.healRounds() + ")", heal[0], heal[1],
                PeerTable.NONE);
        table.row("rolling update of " + first + ", :1 -> :2, one at a time", roll[0], roll[1], PeerTable.NONE);
    }

    private static List<Long> heals(Orchestrator side, String set, int rounds) {
        List<Long> out = new java.util.ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            out.add(side.killAndHeal(set, i));
            try {
                Thread.sleep(PAUSE_BETWEEN_KILLS.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return out;
    }

    private static long[] each(List<Orchestrator> sides, ToLongFunction<Orchestrator> step) {
        return sides.stream().mapToLong(step).toArray();
    }

    private static List<Long> sorted(List<Long> figures) {
        return figures.stream().sorted().toList();
    }
}
