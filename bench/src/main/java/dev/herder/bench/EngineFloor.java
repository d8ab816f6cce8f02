package dev.herder.bench;

import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.ContainerSpec;
import dev.herder.agent.runtime.docker.DockerRuntime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine's own floor, with no orchestrator in the way: what the benchmarks that start containers compare
 * against (PodStartBench, PeerBench). Both figures are in ms.
 */
final class EngineFloor {
    static final String IMAGE = "local/busybox:1";
    /** As many threads as the agent's blocking dispatcher has (herder.agent.blocking-dispatcher). */
    private static final int BURST_THREADS = 16;
    private static final long NANOS_PER_MS = 1_000_000;

    private EngineFloor() {
    }

    /** {@code docker run --rm --network none local/busybox:1 true}, runs times one after another: each one's wall time. */
    static List<Long> dockerRuns(int runs) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            BenchSupport.run("docker", "run", "--rm", "--network", "none", IMAGE, "true");
            out.add((System.nanoTime() - start) / NANOS_PER_MS);
        }
        return out;
    }

    /**
     * count containers ({@code sleep 3600}) created and started straight through the Docker API, all at once on
     * as many threads as the agent's blocking dispatcher: each one's time from the burst's start to its start
     * call returning. The containers carry Herder's node label with nodeLabel (so a cleanup by that label finds
     * them) and are removed before this returns.
     */
    static List<Long> apiBurst(DockerRuntime docker, int count, String nodeLabel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST_THREADS);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try {
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "herder-bench-floor-" + i + "-" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
                done.add(pool.submit(() -> {
                    String id = docker.create(new ContainerSpec(name, IMAGE, List.of("sleep", "3600"), null, null,
                            null, false, Map.of(ContainerSpecs.NODE_LABEL, nodeLabel), null, null, null));
                    ids.add(id);
                    docker.start(id);
                    return (System.nanoTime() - start) / NANOS_PER_MS;
                }));
            }
            List<Long> out = new ArrayList<>();
            for (Future<Long> f : done) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
            ids.forEach(docker::remove);
        }
    }
}
