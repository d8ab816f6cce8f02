package dev.herder.agent.pods;

import dev.herder.agent.runtime.ContainerInfo;
import dev.herder.agent.runtime.ContainerRuntime;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerStateTerminated;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Runs one pod on the machine's container runtime and reports what it observes. Each container goes
 *
 * <pre>
 *   waiting --(image present or pulled, created, started)--> running --(exited)--> terminated
 *      ^  (pull failed: ErrImagePull, then ImagePullBackOff)        |  restartPolicy + back-off say
 *      +----------------- CrashLoopBackOff (restart after delay) <--+  restart, or stay terminated
 * </pre>
 *
 * Runtime calls run on the blocking executor and come back as messages; one call per container at a time.
 * On Stop it stops every container within the pod's grace period, removes them and the pod's emptyDirs.
 */
public final class PodWorker extends AbstractBehavior<PodWorker.Command> {
    private static final String TICK = "tick";

    public interface Command {
    }

    /** Stop the pod's containers (SIGTERM, then SIGKILL after the grace period), remove them, then stop. */
    public record Stop() implements Command {
    }

    /** What the worker tells its agent whenever the pod's observed status changes. */
    public record StatusChanged(String uid, Pod pod, PodStatus status) {
    }

    private record Tick() implements Command {
    }

    private record Launched(String container, String containerId, Throwable failure, boolean pullFailed) implements Command {
    }

    private record Inspected(String container, ContainerInfo info, Throwable failure) implements Command {
    }

    private record Stopped() implements Command {
    }

    private final Pod pod;
    private final PodWorkerSettings settings;
    private final ContainerRuntime runtime;
    private final Executor blocking;
    private final ActorRef<StatusChanged> agent;
    private final Map<String, ContainerRun> runs = new LinkedHashMap<>();
    private final BackoffPolicy backoff;
    private final Instant startTime = Instant.now();
    private PodStatus reported;

    private PodWorker(ActorContext<Command> context, TimerScheduler<Command> timers, Pod pod, PodWorkerSettings settings,
                      ContainerRuntime runtime, Executor blocking, ActorRef<StatusChanged> agent) {
        super(context);
        this.pod = pod;
        this.settings = settings;
        this.runtime = runtime;
        this.blocking = blocking;
        this.agent = agent;
        this.backoff = BackoffPolicy.of(pod, settings.backoff());
        pod.spec().containers().forEach(c -> runs.put(c.name(), new ContainerRun(c)));
        makeEmptyDirs();
        timers.startTimerWithFixedDelay(TICK, new Tick(), settings.pollInterval());
        context.getSelf().tell(new Tick());
    }

    public static Behavior<Command> create(Pod pod, PodWorkerSettings settings, ContainerRuntime runtime, Executor blocking,
                                           ActorRef<StatusChanged> agent) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new PodWorker(ctx, timers, pod, settings, runtime, blocking, agent)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Tick.class, t -> onTick())
                .onMessage(Launched.class, this::onLaunched)
                .onMessage(Inspected.class, this::onInspected)
                .onMessage(Stop.class, s -> onStop())
                .build();
    }

    private Behavior<Command> onTick() {
        Instant now = Instant.now();
        for (ContainerRun run : runs.values()) {
            if (run.busy) {
                continue;
            }
            if (run.containerId == null && run.finished == null && !now.isBefore(run.notBefore)) {
                launch(run);
            } else if (run.containerId != null && run.finished == null) {
                run.busy = true;
                String id = run.containerId;
                async(() -> runtime.inspect(id), (info, failure) -> new Inspected(run.container.name(), info, failure));
            }
        }
        report();
        return this;
    }

    private void launch(ContainerRun run) {
        run.busy = true;
        Container c = run.container;
        String previous = run.deadContainerId;
        int restartCount = run.history.restartCount();
        async(() -> {
            if (previous != null) {
                runtime.remove(previous);
            }
            ensureImage(c);
            return runtime.create(ContainerSpecs.of(pod, c, settings.nodeName(), settings.nodeAddress(), restartCount,
                    settings.dataDir()));
        }, (id, failure) -> new Launched(c.name(), id, failure, failure != null && rootOf(failure) instanceof PullFailure));
    }

    private void ensureImage(Container c) {
        String policy = ImagePolicy.of(c);
        boolean present = runtime.hasImage(c.image());
        if ("Never".equals(policy) && !present) {
            throw new PullFailure("image " + c.image() + " is not present on the node and imagePullPolicy is Never", null);
        }
        if ("Always".equals(policy) || !present) {
            try {
                runtime.pull(c.image());
            } catch (RuntimeException e) {
                throw new PullFailure(e.getMessage(), e);
            }
        }
    }

    private Behavior<Command> onLaunched(Launched launched) {
        ContainerRun run = runs.get(launched.container());
        Instant now = Instant.now();
        if (launched.failure() != null) {
            run.busy = false;
            Throwable cause = rootOf(launched.failure());
            run.pullFailures = launched.pullFailed() ? run.pullFailures + 1 : 0;
            Duration delay = launched.pullFailed() ? pullDelay(run.pullFailures) : backoff.initial();
            run.notBefore = now.plus(delay);
            String reason = launched.pullFailed() ? ContainerStatuses.ERR_IMAGE_PULL : "RunContainerError";
            run.status = ContainerStatuses.waiting(run.container.name(), run.container.image(), reason, cause.getMessage(),
                    run.history.restartCount(), run.lastTerminated);
            run.failedAt = now;
            report();
            return this;
        }
        run.containerId = launched.containerId();
        run.deadContainerId = null;
        run.pullFailures = 0;
        String id = launched.containerId();
        async(() -> {
            runtime.start(id);
            return runtime.inspect(id);
        }, (info, failure) -> new Inspected(run.container.name(), info, failure));
        return this;
    }

    private Behavior<Command> onInspected(Inspected inspected) {
        ContainerRun run = runs.get(inspected.container());
        run.busy = false;
        Instant now = Instant.now();
        if (inspected.failure() != null) {
            getContext().getLog().warn("pod {}: container {}: {}", pod.key(), run.container.name(),
                    rootOf(inspected.failure()).getMessage());
            return this;
        }
        ContainerInfo info = inspected.info();
        Instant started = parse(info.startedAt(), now);
        if (info.running()) {
            if (run.history.lastStartedAt() == null || !started.equals(run.history.lastStartedAt())) {
                run.history = run.history.started(started);
            }
            run.status = ContainerStatuses.running(run.container.name(), run.container.image(), info.id(), started, true,
                    run.history.restartCount(), run.lastTerminated);
        } else if (info.exitCode() != null && info.finishedAt() != null && !info.finishedAt().startsWith("0001")) {
            onExited(run, info, started, parse(info.finishedAt(), now), now);
        }
        report();
        return this;
    }

    private void onExited(ContainerRun run, ContainerInfo info, Instant started, Instant finished, Instant now) {
        String reason = ContainerStatuses.terminationReason(info.exitCode(), info.oomKilled());
        ContainerStateTerminated ended = ContainerStatuses.termination(info.id(), info.exitCode(), reason, info.error(),
                started, finished);
        run.history = run.history.finished(finished);
        RestartBackoff.Decision next = RestartBackoff.next(run.history, pod.spec().restartPolicy(), info.exitCode(), now,
                backoff);
        if (next instanceof RestartBackoff.RestartAfter after) {
            run.history = run.history.afterRestart(after.delay(), null);
            run.lastTerminated = ended;
            run.deadContainerId = info.id();
            run.containerId = null;
            run.notBefore = now.plus(after.delay());
            run.status = after.delay().isZero()
                    ? ContainerStatuses.waiting(run.container.name(), run.container.image(),
                            ContainerStatuses.CONTAINER_CREATING, null, run.history.restartCount(), ended)
                    : ContainerStatuses.crashLoopBackOff(run.container.name(), run.container.image(), pod, after.delay(),
                            run.history.restartCount(), ended);
        } else {
            run.finished = now;
            run.status = ContainerStatuses.terminated(run.container.name(), run.container.image(), info.id(),
                    info.exitCode(), reason, info.error(), started, finished, run.history.restartCount(), run.lastTerminated);
        }
    }

    private Behavior<Command> onStop() {
        Duration grace = Duration.ofSeconds(pod.spec().terminationGracePeriodSeconds() == null
                ? settings.defaultGracePeriod().toSeconds() : pod.spec().terminationGracePeriodSeconds());
        List<String> ids = new ArrayList<>();
        runs.values().forEach(r -> Stream.of(r.containerId, r.deadContainerId).filter(java.util.Objects::nonNull).forEach(ids::add));
        async(() -> {
            ids.parallelStream().forEach(id -> runtime.stop(id, grace));
            ids.forEach(runtime::remove);
            removeEmptyDirs();
            return null;
        }, (v, failure) -> new Stopped());
        return Behaviors.receive(Command.class)
                .onMessage(Stopped.class, s -> Behaviors.stopped())
                .onAnyMessage(m -> Behaviors.same())
                .build();
    }

    private void report() {
        List<ContainerStatus> containers = new ArrayList<>();
        for (ContainerRun run : runs.values()) {
            if (run.status == null) {
                run.status = ContainerStatuses.waiting(run.container.name(), run.container.image(),
                        ContainerStatuses.CONTAINER_CREATING, null, 0, null);
            } else if (pullBackingOff(run)) {
                // the kubelet's sequence: ErrImagePull when a pull fails, ImagePullBackOff while it waits to retry
                run.status = ContainerStatuses.waiting(run.container.name(), run.container.image(),
                        ContainerStatuses.IMAGE_PULL_BACK_OFF, run.status.state().waiting().message(),
                        run.history.restartCount(), run.lastTerminated);
            }
            containers.add(run.status);
        }
        PodStatus status = PodStatuses.of(pod, containers, settings.nodeAddress(), settings.nodeAddress(), startTime, reported,
                Instant.now());
        if (!status.equals(reported)) {
            reported = status;
            agent.tell(new StatusChanged(pod.metadata().uid(), pod, status));
        }
    }

    private boolean pullBackingOff(ContainerRun run) {
        return run.containerId == null && !run.busy && run.status.state().waiting() != null
                && ContainerStatuses.ERR_IMAGE_PULL.equals(run.status.state().waiting().reason())
                && Instant.now().isAfter(run.failedAt.plus(settings.pollInterval()));
    }

    private Duration pullDelay(int failures) {
        Duration delay = backoff.initial();
        for (int i = 1; i < failures && delay.compareTo(backoff.max()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(backoff.max()) > 0 ? backoff.max() : delay;
    }

    private <T> void async(Supplier<T> call, java.util.function.BiFunction<T, Throwable, Command> toMessage) {
        getContext().pipeToSelf(CompletableFuture.supplyAsync(call, blocking), toMessage::apply);
    }

    private void makeEmptyDirs() {
        if (pod.spec().volumes() == null) {
            return;
        }
        pod.spec().volumes().stream().filter(v -> v.emptyDir() != null).forEach(v -> {
            try {
                Files.createDirectories(ContainerSpecs.emptyDir(settings.dataDir(), pod, v.name()));
            } catch (IOException e) {
                getContext().getLog().error("pod {}: cannot make emptyDir {}: {}", pod.key(), v.name(), e.getMessage());
            }
        });
    }

    private void removeEmptyDirs() {
        Path podDir = settings.dataDir().resolve("pods").resolve(pod.metadata().uid());
        if (!Files.exists(podDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(podDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            getContext().getLog().warn("pod {}: could not remove {}: {}", pod.key(), podDir, e.getMessage());
        }
    }

    private static Instant parse(String time, Instant fallback) {
        try {
            return time == null ? fallback : Instant.parse(time);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A pull (or a missing image under policy Never): the container waits with ErrImagePull. */
    private static final class PullFailure extends RuntimeException {
        PullFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One container's life in this pod; touched only by the actor. */
    private static final class ContainerRun {
        final Container container;
        String containerId;
        String deadContainerId;
        RestartHistory history = RestartHistory.NONE;
        ContainerStateTerminated lastTerminated;
        ContainerStatus status;
        Instant failedAt = Instant.EPOCH;
        Instant notBefore = Instant.EPOCH;
        Instant finished;
        int pullFailures;
        boolean busy;

        ContainerRun(Container container) {
            this.container = container;
        }
    }
}
