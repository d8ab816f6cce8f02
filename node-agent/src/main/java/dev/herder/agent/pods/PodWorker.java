package dev.herder.agent.pods;

import dev.herder.agent.probes.ProbeResult;
import dev.herder.agent.probes.ProbeRunner;
import dev.herder.agent.probes.ProbeTracker;
import dev.herder.agent.runtime.ContainerInfo;
import dev.herder.agent.runtime.ContainerRuntime;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerStateTerminated;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.Probe;
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
import org.apache.pekko.actor.typed.PostStop;
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
 * What it does to a container (pulled, created, started, killed, backing off, failing a probe) it records as
 * the pod's events.
 */
public final class PodWorker extends AbstractBehavior<PodWorker.Command> {
    private static final String TICK = "tick";
    /** The waiting reason of a container whose dependsOn containers are not ready yet (Herder's own). */
    static final String WAITING_FOR_DEPENDENCIES = "WaitingForDependencies";

    public interface Command {
    }

    /**
     * Stop the pod's containers (SIGTERM, then SIGKILL after the grace period), remove them, then stop. grace is what
     * is left of a graceful deletion's period; null gives the pod its spec's terminationGracePeriodSeconds.
     */
    public record Stop(Duration grace) implements Command {
        public Stop() {
            this(null);
        }
    }

    /** What the worker tells its agent whenever the pod's observed status changes. */
    public record StatusChanged(String uid, Pod pod, PodStatus status) {
    }

    private record Tick() implements Command {
    }

    private record Launched(String container, Created created, Throwable failure, boolean pullFailed) implements Command {
    }

    /** A container created; pulledIn is how long the image took to pull, null when it was present. */
    private record Created(String containerId, Duration pulledIn) {
    }

    /**
     * What the engine says of a container; started: it was just started (not merely looked at); hookFailure is
     * why its postStart hook failed, when it did.
     */
    private record Inspected(String container, ContainerInfo info, boolean started, String hookFailure,
                             Throwable failure) implements Command {
    }

    private record Started(ContainerInfo info, String hookFailure) {
    }

    private record Stopped() implements Command {
    }

    private record Found(List<ContainerInfo> containers, Throwable failure) implements Command {
    }

    private record Probed(String container, String containerId, ProbeTracker.Kind kind, ProbeResult result)
            implements Command {
    }

    private final Pod pod;
    private final PodWorkerSettings settings;
    private final ContainerRuntime runtime;
    private final Executor blocking;
    private final ActorRef<StatusChanged> agent;
    private final PodEvents events;
    private final Supplier<Map<String, String>> serviceEnv;
    private final Map<String, ContainerRun> runs = new LinkedHashMap<>();
    private final BackoffPolicy backoff;
    private final ProbeRunner probes;
    private final LifecycleHooks hooks;
    private final Instant startTime = Instant.now();
    private PodStatus reported;

    private PodWorker(ActorContext<Command> context, TimerScheduler<Command> timers, Pod pod, PodWorkerSettings settings,
                      ContainerRuntime runtime, Executor blocking, ActorRef<StatusChanged> agent, PodEvents events,
                      Supplier<Map<String, String>> serviceEnv) {
        super(context);
        this.events = events;
        this.serviceEnv = serviceEnv;
        this.pod = pod;
        this.settings = settings;
        this.runtime = runtime;
        this.blocking = blocking;
        this.agent = agent;
        this.backoff = BackoffPolicy.of(pod, settings.backoff());
        this.probes = new ProbeRunner(runtime);
        this.hooks = new LifecycleHooks(runtime, probes, settings.nodeAddress());
        pod.spec().containers().forEach(c -> runs.put(c.name(), new ContainerRun(c)));
        PodVolumes.makeEmptyDirs(pod, settings.dataDir(), getContext().getLog());
        // Adoption: containers this pod already has on the node (an agent restarted) are taken over, not redone.
        runs.values().forEach(r -> r.busy = true);
        Map<String, String> mine = Map.of(ContainerSpecs.NODE_LABEL, settings.nodeName(),
                ContainerSpecs.POD_UID_LABEL, pod.metadata().uid());
        async(() -> runtime.list(mine), Found::new);
        timers.startTimerWithFixedDelay(TICK, new Tick(), settings.pollInterval());
    }

    public static Behavior<Command> create(Pod pod, PodWorkerSettings settings, ContainerRuntime runtime, Executor blocking,
                                           ActorRef<StatusChanged> agent, PodEvents events,
                                           Supplier<Map<String, String>> serviceEnv) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new PodWorker(ctx, timers, pod, settings, runtime, blocking, agent, events, serviceEnv)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Tick.class, t -> onTick())
                .onMessage(Found.class, this::onFound)
                .onMessage(Launched.class, this::onLaunched)
                .onMessage(Inspected.class, this::onInspected)
                .onMessage(Probed.class, this::onProbed)
                .onSignal(PostStop.class, stop -> {
                    probes.close();
                    return this;
                })
                .onMessage(Stop.class, this::onStop)
                .build();
    }

    private Behavior<Command> onTick() {
        Instant now = Instant.now();
        for (ContainerRun run : runs.values()) {
            if (run.busy) {
                continue;
            }
            if (run.containerId == null && run.finished == null && !now.isBefore(run.notBefore)) {
                List<String> waitingFor = unreadyDependencies(run);
                if (waitingFor.isEmpty()) {
                    launch(run);
                } else if (run.status == null || run.status.state().waiting() == null
                        || !WAITING_FOR_DEPENDENCIES.equals(run.status.state().waiting().reason())) {
                    run.status = ContainerStatuses.waiting(run.container.name(), run.container.image(),
                            WAITING_FOR_DEPENDENCIES, "starts once these are ready (dependsOn): " + String.join(", ", waitingFor),
                            run.history.restartCount(), run.lastTerminated);
                }
            } else if (run.containerId != null && run.finished == null) {
                probeIfDue(run, now);
                run.busy = true;
                String id = run.containerId;
                async(() -> runtime.inspect(id), (info, failure) -> new Inspected(run.container.name(), info, false, null,
                    failure));
            }
        }
        report();
        return this;
    }

    private Behavior<Command> onFound(Found found) {
        runs.values().forEach(r -> r.busy = false);
        if (found.failure() != null) {
            getContext().getLog().warn("pod {}: could not look for its existing containers: {}", pod.key(),
                    rootOf(found.failure()).getMessage());
        } else {
            for (ContainerRun run : runs.values()) {
                adopt(run, found.containers());
            }
        }
        return onTick();
    }

    /**
     * Takes over the newest existing container of this name: running, it is watched as it is; ended, its exit is
     * handled as if it had just been seen (the restartPolicy decides whether it runs again). The newest other one
     * that ended is kept for logs of the previous instance; the rest are removed.
     */
    private void adopt(ContainerRun run, List<ContainerInfo> all) {
        List<ContainerInfo> existing = all.stream()
                .filter(c -> run.container.name().equals(c.labels().get(ContainerSpecs.CONTAINER_LABEL))).toList();
        existing.stream()
                .max(Comparator.comparingInt(PodWorker::restartCountOf))
                .ifPresent(c -> {
                    int restarts = restartCountOf(c);
                    if (c.running()) {
                        run.containerId = c.id();
                        run.history = RestartHistory.adopted(restarts, parse(c.startedAt(), Instant.now()));
                        getContext().getLog().info("pod {}: adopted running container {} ({})", pod.key(),
                                run.container.name(), c.id());
                    } else if (neverStarted(c)) {
                        // created but never started (the agent stopped in between): made again, same count
                        run.deadContainerId = c.id();
                        run.history = RestartHistory.adopted(restarts, null);
                    } else {
                        // it ended while the agent was away: its exit is handled as if seen live, so the
                        // restartPolicy decides (a pod that completed under Never stays completed)
                        run.containerId = c.id();
                        run.history = RestartHistory.adopted(restarts, parse(c.startedAt(), Instant.now()));
                    }
                });
        // the newest other instance that ran and ended is kept for logs of the previous instance
        existing.stream()
                .filter(c -> !c.running() && !neverStarted(c) && !c.id().equals(run.containerId)
                        && !c.id().equals(run.deadContainerId))
                .max(Comparator.comparingInt(PodWorker::restartCountOf))
                .ifPresent(c -> run.keptContainerId = c.id());
        existing.stream()
                .filter(c -> !c.id().equals(run.containerId) && !c.id().equals(run.deadContainerId)
                        && !c.id().equals(run.keptContainerId))
                .forEach(c -> async(() -> {
                    runtime.remove(c.id());
                    return null;
                }, (v, failure) -> new Tick()));
    }

    private static boolean neverStarted(ContainerInfo c) {
        return c.startedAt() == null || c.startedAt().startsWith("0001");
    }

    private static int restartCountOf(ContainerInfo c) {
        try {
            return Integer.parseInt(c.labels().getOrDefault(ContainerSpecs.RESTART_COUNT_LABEL, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void launch(ContainerRun run) {
        run.busy = true;
        Container c = run.container;
        String previous = run.deadContainerId;
        int restartCount = run.history.restartCount();
        Map<String, String> services = serviceEnv.get(); // the services there are as the container starts
        async(() -> {
            if (previous != null) {
                runtime.remove(previous);
            }
            Duration pulledIn = ensureImage(c);
            return new Created(runtime.create(ContainerSpecs.of(pod, c, settings.nodeName(), settings.nodeAddress(),
                    restartCount, settings.dataDir(), services)), pulledIn);
        }, (created, failure) -> new Launched(c.name(), created, failure,
                failure != null && rootOf(failure) instanceof PullFailure));
    }

    /** Pulls the image where the policy says so: how long that took, or null when it was present. */
    private Duration ensureImage(Container c) {
        String policy = ImagePolicy.of(c);
        boolean present = runtime.hasImage(c.image());
        if ("Never".equals(policy) && !present) {
            throw new PullFailure("image " + c.image() + " is not present on the node and imagePullPolicy is Never", null);
        }
        if ("Always".equals(policy) || !present) {
            long start = System.nanoTime();
            try {
                runtime.pull(c.image());
            } catch (RuntimeException e) {
                throw new PullFailure(e.getMessage(), e);
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
        return null;
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
            events.record(run.container.name(), PodEvents.WARNING, "Failed", launched.pullFailed()
                    ? "Failed to pull image \"" + run.container.image() + "\": " + cause.getMessage()
                    : "Error: " + cause.getMessage());
            report();
            return this;
        }
        Duration pulledIn = launched.created().pulledIn();
        events.record(run.container.name(), PodEvents.NORMAL, "Pulled", pulledIn == null
                ? "Container image \"" + run.container.image() + "\" already present on machine"
                : "Successfully pulled image \"" + run.container.image() + "\" in " + pulledIn.toMillis() + " ms");
        events.record(run.container.name(), PodEvents.NORMAL, "Created", "Created container " + run.container.name());
        run.containerId = launched.created().containerId();
        run.deadContainerId = null;
        run.pullFailures = 0;
        String id = run.containerId;
        Container container = run.container;
        Duration grace = gracePeriod();
        // the container is not Running until its postStart hook is done (the worker stays busy with it until then)
        async(() -> {
            runtime.start(id);
            String hookFailure = hooks.postStart(container, id, settings.postStartTimeout(), grace);
            return new Started(runtime.inspect(id), hookFailure);
        }, (started, failure) -> new Inspected(container.name(), started == null ? null : started.info(), true,
                started == null ? null : started.hookFailure(), failure));
        return this;
    }

    private Behavior<Command> onInspected(Inspected inspected) {
        ContainerRun run = runs.get(inspected.container());
        run.busy = false;
        Instant now = Instant.now();
        if (inspected.failure() != null) {
            getContext().getLog().warn("pod {}: container {}: {}", pod.key(), run.container.name(),
                    rootOf(inspected.failure()).getMessage());
            if (inspected.started()) {
                events.record(run.container.name(), PodEvents.WARNING, "Failed", "Error: "
                        + rootOf(inspected.failure()).getMessage());
            }
            return this;
        }
        if (inspected.started()) {
            events.record(run.container.name(), PodEvents.NORMAL, "Started", "Started container " + run.container.name());
        }
        if (inspected.hookFailure() != null) {
            run.hookFailure = inspected.hookFailure();
            getContext().getLog().info("pod {}: container {}: {}", pod.key(), run.container.name(), run.hookFailure);
            events.record(run.container.name(), PodEvents.WARNING, "FailedPostStartHook", run.hookFailure);
        }
        ContainerInfo info = inspected.info();
        Instant started = parse(info.startedAt(), now);
        if (info.running()) {
            if (run.history.lastStartedAt() == null || !started.equals(run.history.lastStartedAt())) {
                run.history = run.history.started(started);
            }
            if (!info.id().equals(run.probedContainer)) {
                run.resetProbes(info.id());
            }
            run.status = ContainerStatuses.running(run.container.name(), run.container.image(), info.id(), started,
                    run.ready(), run.history.restartCount(), run.lastTerminated);
        } else if (info.exitCode() != null && info.finishedAt() != null && !info.finishedAt().startsWith("0001")) {
            onExited(run, info, started, parse(info.finishedAt(), now), now);
        }
        report();
        return this;
    }

    private void onExited(ContainerRun run, ContainerInfo info, Instant started, Instant finished, Instant now) {
        String reason = ContainerStatuses.terminationReason(info.exitCode(), info.oomKilled());
        String message = run.hookFailure != null ? run.hookFailure : info.error();
        run.hookFailure = null;
        ContainerStateTerminated ended = ContainerStatuses.termination(info.id(), info.exitCode(), reason, message,
                started, finished);
        run.history = run.history.finished(finished);
        RestartBackoff.Decision next = RestartBackoff.next(run.history, pod.spec().restartPolicy(), info.exitCode(), now,
                backoff);
        if (next instanceof RestartBackoff.RestartAfter after) {
            run.history = run.history.afterRestart(after.delay(), null);
            run.lastTerminated = ended;
            run.deadContainerId = run.keptContainerId;
            run.keptContainerId = info.id();
            run.containerId = null;
            run.notBefore = now.plus(after.delay());
            if (!after.delay().isZero()) {
                events.record(run.container.name(), PodEvents.WARNING, "BackOff", "Back-off restarting failed container "
                        + run.container.name());
            }
            run.status = after.delay().isZero()
                    ? ContainerStatuses.waiting(run.container.name(), run.container.image(),
                            ContainerStatuses.CONTAINER_CREATING, null, run.history.restartCount(), ended)
                    : ContainerStatuses.crashLoopBackOff(run.container.name(), run.container.image(), pod, after.delay(),
                            run.history.restartCount(), ended);
        } else {
            run.finished = now;
            run.status = ContainerStatuses.terminated(run.container.name(), run.container.image(), info.id(),
                    info.exitCode(), reason, message, started, finished, run.history.restartCount(), run.lastTerminated);
        }
    }

    /** Runs each of the container's probes that is due: the startup probe alone until it has passed. */
    private void probeIfDue(ContainerRun run, Instant now) {
        Instant started = run.history.lastStartedAt();
        if (started == null) {
            return;
        }
        for (var entry : run.trackers.entrySet()) {
            ProbeTracker.Kind kind = entry.getKey();
            boolean waitForStartup = kind != ProbeTracker.Kind.STARTUP && run.startupPending();
            boolean startupOver = kind == ProbeTracker.Kind.STARTUP && run.startupSucceeded;
            if (waitForStartup || startupOver || run.probing.contains(kind) || !entry.getValue().due(now, started)) {
                continue;
            }
            run.probing.add(kind);
            Probe probe = ContainerRun.probeOf(run.container, kind);
            String id = run.containerId;
            async(() -> probes.run(probe, run.container, id, settings.nodeAddress()),
                    (result, failure) -> new Probed(run.container.name(), id, kind,
                            failure == null ? result : ProbeResult.failure(String.valueOf(rootOf(failure).getMessage()))));
        }
    }

    private Behavior<Command> onProbed(Probed probed) {
        ContainerRun run = runs.get(probed.container());
        run.probing.remove(probed.kind());
        if (!probed.containerId().equals(run.containerId) || !run.trackers.containsKey(probed.kind())) {
            return this;
        }
        ProbeTracker tracker = run.trackers.get(probed.kind()).after(probed.result(), Instant.now());
        if (probed.kind() == ProbeTracker.Kind.STARTUP && probed.result().success()) {
            run.startupSucceeded = true;
        }
        run.trackers.put(probed.kind(), tracker);
        boolean failedNow = tracker.flipped() && !tracker.passing();
        if (!probed.result().success()) {
            events.record(run.container.name(), PodEvents.WARNING, "Unhealthy", probeName(probed.kind())
                    + " probe failed: " + probed.result().message());
        }
        if (failedNow && probed.kind() != ProbeTracker.Kind.READINESS) {
            events.record(run.container.name(), PodEvents.NORMAL, "Killing", "Container " + run.container.name()
                    + " failed " + probed.kind().name().toLowerCase(java.util.Locale.ROOT) + " probe, will be restarted");
            getContext().getLog().info("pod {}: container {} failed its {} probe, restarting it: {}", pod.key(),
                    run.container.name(), probed.kind().name().toLowerCase(java.util.Locale.ROOT), probed.result().message());
            String id = run.containerId;
            Container container = run.container;
            Duration grace = gracePeriod();
            async(() -> {
                hooks.stop(container, id, grace);
                return null;
            }, (v, failure) -> new Tick());
        }
        if (run.status != null && run.status.state().running() != null && run.status.ready() != run.ready()) {
            ContainerStatus s0 = run.status;
            run.status = new ContainerStatus(s0.name(), run.ready(), s0.restartCount(), s0.image(), s0.imageID(),
                    s0.containerID(), s0.started(), s0.state(), s0.lastState());
            report();
        }
        return this;
    }

    /** Liveness, Readiness, Startup: as the kubelet's events name probes. */
    private static String probeName(ProbeTracker.Kind kind) {
        String lower = kind.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private Duration gracePeriod() {
        return Duration.ofSeconds(pod.spec().terminationGracePeriodSeconds() == null
                ? settings.defaultGracePeriod().toSeconds() : pod.spec().terminationGracePeriodSeconds());
    }

    /** Names of the containers this one depends on that are not running and ready yet. */
    private List<String> unreadyDependencies(ContainerRun run) {
        if (run.container.dependsOn() == null) {
            return List.of();
        }
        return run.container.dependsOn().stream().filter(name -> {
            ContainerRun dep = runs.get(name);
            return dep == null || dep.status == null || dep.status.state().running() == null || !dep.ready();
        }).toList();
    }

    private Behavior<Command> onStop(Stop stop) {
        Duration grace = stop.grace() != null ? stop.grace() : gracePeriod();
        List<List<ContainerRun>> stopWaves = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        List<List<String>> waves = StartOrder.waves(pod.spec().containers());
        for (int i = waves.size() - 1; i >= 0; i--) {
            stopWaves.add(waves.get(i).stream().map(runs::get).filter(r -> r.containerId != null).toList());
            waves.get(i).forEach(name -> Stream.of(runs.get(name).containerId, runs.get(name).deadContainerId,
                            runs.get(name).keptContainerId)
                    .filter(java.util.Objects::nonNull).forEach(removals::add));
        }
        Map<ContainerRun, String> live = new java.util.HashMap<>();
        stopWaves.forEach(wave -> wave.forEach(r -> live.put(r, r.containerId)));
        live.keySet().forEach(r -> events.record(r.container.name(), PodEvents.NORMAL, "Killing", "Stopping container "
                + r.container.name()));
        org.slf4j.Logger log = getContext().getLog(); // the context is the actor's alone: not touched off its thread
        async(() -> {
            // dependents first: each wave stops (preStop, SIGTERM, SIGKILL; in parallel within it) before the
            // containers it depends on
            stopWaves.forEach(wave -> wave.parallelStream().forEach(r -> bestEffort(log, "stop", live.get(r),
                    () -> hooks.stop(r.container, live.get(r), grace))));
            removals.forEach(id -> bestEffort(log, "remove", id, () -> runtime.remove(id)));
            PodVolumes.removeAll(pod, settings.dataDir(), log);
            return null;
        }, (v, failure) -> new Stopped());
        return Behaviors.receive(Command.class)
                .onMessage(Stopped.class, s -> Behaviors.stopped())
                .onAnyMessage(m -> Behaviors.same())
                .build();
    }

    /** One step of stopping the pod: a failure is logged and the rest goes on (its volumes are removed still). */
    private void bestEffort(org.slf4j.Logger log, String what, String containerId, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("pod {}: could not {} container {}: {}", pod.key(),
                    what, containerId, e.getMessage());
        }
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
}
