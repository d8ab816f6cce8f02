package dev.herder.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Docker Swarm mode on the machine's engine, driven as a user would, with the docker CLI: {@code docker swarm
 * init --advertise-addr 127.0.0.1}, services created with {@code --network host} and {@code --detach}, updated
 * with {@code docker service update --detach --image}, and {@code docker swarm leave --force} at the end. The
 * tasks are watched through the Engine API (docker-java), every poll, which costs the machine less than a CLI
 * process per poll. Services and their containers carry the label herder.bench=peer and are named
 * herder-peer-*; closing removes them and leaves the swarm (only a swarm this class initialised).
 *
 * <p>Swarm settings: its defaults (restart-condition any, restart-delay 5 s, stop-grace-period 10 s,
 * update-delay 0, update-monitor 5 s) except update-parallelism 1 and update-order start-first, Herder's
 * maxSurge 1 / maxUnavailable 0.
 */
final class SwarmSide implements Orchestrator {
    static final String LABEL = "herder.bench=peer";
    private static final String PREFIX = "herder-peer-";
    private static final String SWARM_ADDRESS = "127.0.0.1";
    private static final String UPDATE_PARALLELISM = "1";
    private static final String UPDATE_ORDER = "start-first";
    private static final String SERVICE_LABEL = "com.docker.swarm.service.name";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long NANOS_PER_MS = 1_000_000;

    private final Duration within;
    private final Duration poll;
    private final DockerClient docker;
    private final Thread cleanupOnExit = new Thread(this::cleanUp, "swarm-side-cleanup-on-exit");
    private boolean initialised;

    /**
     * Initialises a swarm on the engine; fails, touching nothing, when the engine is in a swarm already (someone
     * else's: PeerBench neither uses nor leaves it).
     */
    SwarmSide(Duration within, Duration poll) {
        this.within = within;
        this.poll = poll;
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        this.docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT).build());
        String state = BenchSupport.run("docker", "info", "--format", "{{.Swarm.LocalNodeState}}").strip();
        if (!"inactive".equals(state)) {
            throw new IllegalStateException("the Docker engine is in a swarm already (state " + state + "): another "
                    + "run, or someone else's; PeerBench neither uses nor leaves it. `docker swarm leave --force` "
                    + "if it is yours");
        }
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        BenchSupport.run("docker", "swarm", "init", "--advertise-addr", SWARM_ADDRESS);
        initialised = true;
    }

    @Override
    public String name() {
        return "Swarm";
    }

    @Override
    public long create(String set, int replicas, String image) {
        long start = System.nanoTime();
        BenchSupport.run("docker", "service", "create", "--detach", "--name", PREFIX + set, "--network", "host",
                "--no-resolve-image", "--label", LABEL, "--container-label", LABEL,
                "--replicas", String.valueOf(replicas), "--update-parallelism", UPDATE_PARALLELISM,
                "--update-order", UPDATE_ORDER, image, "sh", "-c", REPLICA_SCRIPT);
        await(replicas + " tasks of " + set + " running", () -> running(set).size() == replicas);
        return since(start);
    }

    @Override
    public long killAndHeal(String set, int index) {
        Task victim = running(set).stream().sorted(java.util.Comparator.comparing(Task::getSlot)).toList().get(index);
        int slot = victim.getSlot();
        long start = System.nanoTime();
        BenchSupport.run("docker", "kill", victim.getStatus().getContainerStatus().getContainerID());
        await("a new task in slot " + slot + " of " + set + " running", () -> running(set).stream()
                .anyMatch(t -> t.getSlot() == slot && !t.getId().equals(victim.getId())));
        return since(start);
    }

    @Override
    public long roll(String set, String image) {
        int replicas = running(set).size();
        long start = System.nanoTime();
        BenchSupport.run("docker", "service", "update", "--detach", "--no-resolve-image", "--image", image,
                PREFIX + set);
        await(set + " converged on " + image, () -> {
            // every task whose container runs, also an old one already told to shut down
            List<Task> up = tasks(set).stream().filter(t -> t.getStatus() != null
                    && t.getStatus().getState() == TaskState.RUNNING).toList();
            return up.size() == replicas && up.stream().allMatch(t -> image.equals(t.getSpec().getContainerSpec()
                    .getImage()));
        });
        return since(start);
    }

    @Override
    public void remove(String set) {
        BenchSupport.run("docker", "service", "rm", PREFIX + set);
        await("the containers of " + set + " gone", () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SERVICE_LABEL, PREFIX + set)).exec().isEmpty());
    }

    /** Removes the services and containers made here, and leaves the swarm. */
    @Override
    public void close() {
        cleanUp();
        BenchSupport.forgetShutdownHook(cleanupOnExit);
        try {
            docker.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    private synchronized void cleanUp() {
        if (!initialised) {
            return;
        }
        tryRun("sh", "-c", "docker service ls -q --filter label=" + LABEL + " | xargs -r docker service rm");
        tryRun("docker", "swarm", "leave", "--force");
        tryRun("sh", "-c", "docker ps -aq --filter label=" + LABEL + " | xargs -r docker rm -f");
        initialised = false;
    }

    private static void tryRun(String... command) {
        try {
            BenchSupport.run(command);
        } catch (RuntimeException e) {
            System.err.println("cleanup: " + e.getMessage());
        }
    }

    private List<Task> tasks(String set) {
        return docker.listTasksCmd().withServiceFilter(PREFIX + set).exec();
    }

    /** The set's tasks that are meant to run and do. */
    private List<Task> running(String set) {
        return tasks(set).stream().filter(t -> t.getDesiredState() == TaskState.RUNNING && t.getStatus() != null
                        && t.getStatus().getState() == TaskState.RUNNING).toList();
    }

    private void await(String what, java.util.function.BooleanSupplier condition) {
        BenchSupport.await(what, within, poll, condition);
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / NANOS_PER_MS;
    }
}
