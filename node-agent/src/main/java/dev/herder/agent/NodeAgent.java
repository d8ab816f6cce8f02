package dev.herder.agent;

import dev.herder.agent.access.ContainerAccess;
import dev.herder.agent.access.ExecStreams;
import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.pods.PodEvents;
import dev.herder.agent.pods.PodWorker;
import dev.herder.agent.pods.PodWorkerSettings;
import dev.herder.agent.pods.ServiceEnv;
import dev.herder.agent.proxy.ServiceProxy;
import dev.herder.agent.runtime.ContainerRuntime;
import dev.herder.agent.simulated.SimulatedPods;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeAddress;
import dev.herder.protocol.api.NodeSpec;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.NodeSystemInfo;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.wire.AgentCommand;
import dev.herder.protocol.wire.ContainerAttachReply;
import dev.herder.protocol.wire.ContainerAttachRequest;
import dev.herder.protocol.wire.ContainerExecReply;
import dev.herder.protocol.wire.ContainerExecRequest;
import dev.herder.protocol.wire.ContainerLogsReply;
import dev.herder.protocol.wire.ContainerLogsRequest;
import dev.herder.protocol.wire.EventReport;
import dev.herder.protocol.wire.NodeHeartbeat;
import dev.herder.protocol.wire.PodAssignments;
import dev.herder.protocol.wire.PodStatusReport;
import dev.herder.protocol.wire.PodTerminated;
import dev.herder.protocol.wire.ServiceRoutes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The kubelet of one node. It registers the node and keeps it Ready with heartbeats, takes the Master's
 * full list of the pods bound here, runs what is new, drops what is gone, and reports each pod's status to
 * the pod's entity as a versioned snapshot. Pods run on a container runtime, one PodWorker each, or on a
 * simulated node only pretend to run.
 */
public final class NodeAgent extends AbstractBehavior<AgentCommand> {
    public static final String VERSION = "herder-0.1";
    private static final String HEARTBEAT = "heartbeat";
    private static final String RESYNC = "resync";

    private record Heartbeat() implements AgentCommand {
    }

    private record Resync() implements AgentCommand {
    }

    private record Started(String uid) implements AgentCommand {
    }

    private record WorkerStatus(PodWorker.StatusChanged change) implements AgentCommand {
    }

    /** A worker told to stop has stopped its pod's containers and removed them. */
    private record WorkerEnded(String uid) implements AgentCommand {
    }

    /**
     * How this node runs pods: on a container runtime (a PodWorker per pod), or simulated when null; and how
     * long its service proxy waits for an endpoint to take a connection before it tries the next.
     */
    public record Runtime(ContainerRuntime runtime, Executor blocking, PodWorkerSettings settings,
                          Duration proxyConnectTimeout) {
    }

    private final AgentSettings settings;
    private final ControlPlane controlPlane;
    private final TimerScheduler<AgentCommand> timers;
    private final Node node;
    /** When the last heartbeat carrying the node was sent (System.nanoTime; 0: never). */
    private long lastFullHeartbeat;
    private final Runtime runtime;
    private final ActorRef<PodWorker.StatusChanged> statusAdapter;
    /** The node's service proxy (nodes on a container runtime; a simulated node has none). */
    private final ActorRef<ServiceProxy.Command> proxy;
    /** The services as last routed: new containers get their variables (read off the actor's thread). */
    private final java.util.concurrent.atomic.AtomicReference<List<ServiceRoutes.Route>> services =
            new java.util.concurrent.atomic.AtomicReference<>(List.of());
    private final Map<String, ActorRef<PodWorker.Command>> workers = new HashMap<>();
    private final Map<String, Pod> assigned = new LinkedHashMap<>();
    private final Map<String, PodStatus> statuses = new HashMap<>();
    /** Pods whose workers are stopping them (preStop, grace period): their containers are not orphans. */
    private final Set<String> stopping = new HashSet<>();
    /** Pods being deleted gracefully whose workers are stopping them, by uid: told as terminated when they end. */
    private final Map<String, Pod> terminating = new HashMap<>();
    /** Pods being deleted gracefully that have stopped here, by uid: when that was last told (System.nanoTime). */
    private final Map<String, Long> terminatedAt = new HashMap<>();
    private long lastAssignment;
    /** Per pod uid: when its status was last reported (System.nanoTime). */
    private final Map<String, Long> reportedAt = new HashMap<>();
    private long reportVersion = System.currentTimeMillis() * 1000;

    private NodeAgent(ActorContext<AgentCommand> context, TimerScheduler<AgentCommand> timers, AgentSettings settings,
                      ControlPlane controlPlane, Runtime runtime) {
        super(context);
        this.settings = settings;
        this.runtime = runtime;
        this.statusAdapter = context.messageAdapter(PodWorker.StatusChanged.class, WorkerStatus::new);
        this.controlPlane = controlPlane;
        this.timers = timers;
        this.node = describe(settings, ActorRefResolver.get(context.getSystem()).toSerializationFormat(context.getSelf()),
                runtime == null ? "simulated" : "docker");
        this.proxy = runtime == null ? null : context.spawn(ServiceProxy.create(settings.address(), settings.nodeName(),
                controlPlane, runtime.proxyConnectTimeout()), "proxy");
        timers.startTimerWithFixedDelay(HEARTBEAT, new Heartbeat(), settings.heartbeatInterval());
        timers.startTimerWithFixedDelay(RESYNC, new Resync(), settings.statusResync());
        context.getSelf().tell(new Heartbeat());
    }

    /** A simulated node: its pods only pretend to run. */
    public static Behavior<AgentCommand> create(AgentSettings settings, ControlPlane controlPlane) {
        return create(settings, controlPlane, null);
    }

    /** A node whose pods run on a container runtime (null: simulated). */
    public static Behavior<AgentCommand> create(AgentSettings settings, ControlPlane controlPlane, Runtime runtime) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new NodeAgent(ctx, timers, settings, controlPlane, runtime)));
    }

    @Override
    public Receive<AgentCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(Heartbeat.class, h -> onHeartbeat())
                .onMessage(PodAssignments.class, this::onAssignments)
                .onMessage(Started.class, this::onStarted)
                .onMessage(WorkerStatus.class, this::onWorkerStatus)
                .onMessage(WorkerEnded.class, this::onWorkerEnded)
                .onMessage(Resync.class, r -> onResync())
                .onMessage(ServiceRoutes.class, routes -> {
                    if (proxy != null) {
                        proxy.tell(new ServiceProxy.Update(routes));
                    }
                    services.set(routes.routes());
                    return this;
                })
                .onMessage(ContainerLogsRequest.class, this::onLogs)
                .onMessage(ContainerExecRequest.class, this::onExec)
                .onMessage(ContainerAttachRequest.class, this::onAttach)
                .build();
    }

    private Behavior<AgentCommand> onHeartbeat() {
        long now = System.nanoTime();
        boolean full = lastFullHeartbeat == 0 || now - lastFullHeartbeat >= settings.nodeStatusInterval().toNanos();
        if (full) {
            lastFullHeartbeat = now;
        }
        controlPlane.tellNode(settings.nodeName(), new NodeHeartbeat(full ? node : null, System.currentTimeMillis()));
        return this;
    }

    private Behavior<AgentCommand> onAssignments(PodAssignments assignments) {
        if (assignments.version() <= lastAssignment || !settings.nodeName().equals(assignments.nodeName())) {
            return this;
        }
        lastAssignment = assignments.version();
        if (assignments.full()) {
            Set<String> listed = new HashSet<>();
            assignments.pods().forEach(p -> listed.add(p.metadata().uid()));
            assigned.keySet().stream().filter(uid -> !listed.contains(uid)).toList().forEach(this::forget);
            terminatedAt.keySet().retainAll(listed);
            // a pod being deleted that no worker here stops (the agent restarted meanwhile): its containers go
            Set<String> owned = new HashSet<>();
            assignments.pods().stream().filter(p -> p.metadata().deletionTimestamp() == null)
                    .forEach(p -> owned.add(p.metadata().uid()));
            owned.addAll(stopping);
            removeOrphans(owned);
        }
        assignments.removedUids().forEach(this::forget);
        for (Pod pod : assignments.pods()) {
            String uid = pod.metadata().uid();
            if (pod.metadata().deletionTimestamp() != null) {
                terminate(pod);
            } else if (assigned.put(uid, pod) == null) {
                run(pod);
            } else if (behind(pod.status(), statuses.get(uid)) && reportedLongAgo(uid)) {
                // the stored status is still not what this agent reported a while ago: the report was lost (a
                // failover, a shard hand-off), so it goes again; one only on its way (the Master's list lags
                // behind under load) is left to arrive
                report(pod, statuses.get(uid));
            }
        }
        return this;
    }

    private boolean reportedLongAgo(String uid) {
        Long at = reportedAt.get(uid);
        return at == null || System.nanoTime() - at >= settings.reportAgainAfter().toNanos();
    }

    /** Whether the stored status lacks what the agent reported (phase, or its containers' states). */
    static boolean behind(PodStatus stored, PodStatus reported) {
        if (reported == null) {
            return false;
        }
        return stored == null || !Objects.equals(stored.phase(), reported.phase())
                || !Objects.equals(stored.containerStatuses(), reported.containerStatuses());
    }

    private void run(Pod pod) {
        String uid = pod.metadata().uid();
        if (runtime == null) {
            timers.startSingleTimer("start-" + uid, new Started(uid), settings.simulatedStartDelay());
        } else {
            workers.put(uid, getContext().spawn(PodWorker.create(pod, runtime.settings(), runtime.runtime(),
                    runtime.blocking(), statusAdapter, eventsOf(pod),
                    () -> ServiceEnv.of(pod.metadata().namespace(), settings.address(), services.get())), "pod-" + uid));
        }
    }

    /** A pod's events go to the pod's entity, which records them with this node as their source. */
    private PodEvents eventsOf(Pod pod) {
        ObjectMeta m = pod.metadata();
        return (container, type, reason, message) -> controlPlane.tellPod(pod.key(), new EventReport(Pod.KIND,
                m.namespace(), m.name(), m.uid(), container == null ? null : "spec.containers{" + container + "}", EventReport.KUBELET,
                settings.nodeName(), type, reason, message, Instant.now().toString()));
    }

    /**
     * Removes this node's containers whose pod is not bound here any more (deleted, or replaced while the agent
     * was away), except those of pods a worker is still stopping. Only containers labelled with this node's name are looked at: other agents' and containers
     * Herder did not create are never touched. Runs off the actor's thread; nothing comes back.
     */
    private void removeOrphans(Set<String> podUids) {
        if (runtime == null) {
            return;
        }
        ContainerRuntime engine = runtime.runtime();
        String nodeName = settings.nodeName();
        var log = getContext().getLog();
        java.util.concurrent.CompletableFuture.runAsync(() -> engine.list(Map.of(ContainerSpecs.NODE_LABEL, nodeName))
                .stream()
                .filter(c -> !podUids.contains(c.labels().get(ContainerSpecs.POD_UID_LABEL)))
                .forEach(c -> {
                    log.info("removing container {} ({}): its pod is no longer bound to {}", c.name(), c.id(), nodeName);
                    engine.remove(c.id());
                }), runtime.blocking()).exceptionally(e -> {
                    log.warn("could not look for orphaned containers: {}", e.getMessage());
                    return null;
                });
    }

    /**
     * A pod being deleted gracefully: its worker stops it within what is left of the grace period, and when it has,
     * the pod's entity is told, which removes the pod. One that nothing runs here (a simulated node, or an agent
     * that restarted) is told at once; one told before is told again after a while (the word may have been lost).
     */
    private void terminate(Pod pod) {
        String uid = pod.metadata().uid();
        if (terminating.containsKey(uid)) {
            return;
        }
        ActorRef<PodWorker.Command> worker = workers.remove(uid);
        assigned.remove(uid);
        statuses.remove(uid);
        reportedAt.remove(uid);
        timers.cancel("start-" + uid);
        if (worker != null) {
            terminating.put(uid, pod);
            stopping.add(uid);
            getContext().watchWith(worker, new WorkerEnded(uid));
            worker.tell(new PodWorker.Stop(graceLeft(pod, Instant.now())));
            return;
        }
        Long told = terminatedAt.get(uid);
        if (told == null || System.nanoTime() - told >= settings.reportAgainAfter().toNanos()) {
            terminated(pod);
        }
    }

    /** What is left of a Terminating pod's grace period (zero once its deletionTimestamp has passed). */
    static Duration graceLeft(Pod pod, Instant now) {
        Instant deadline;
        try {
            deadline = Instant.parse(pod.metadata().deletionTimestamp());
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
        return deadline.isAfter(now) ? Duration.between(now, deadline) : Duration.ZERO;
    }

    private void terminated(Pod pod) {
        ObjectMeta m = pod.metadata();
        terminatedAt.put(m.uid(), System.nanoTime());
        controlPlane.tellPod(pod.key(), new PodTerminated(m.namespace(), m.name(), m.uid(), settings.nodeName()));
    }

    private Behavior<AgentCommand> onWorkerEnded(WorkerEnded ended) {
        stopping.remove(ended.uid());
        Pod pod = terminating.remove(ended.uid());
        if (pod != null) {
            terminated(pod);
        }
        return this;
    }

    private void forget(String uid) {
        terminatedAt.remove(uid);
        assigned.remove(uid);
        statuses.remove(uid);
        reportedAt.remove(uid);
        timers.cancel("start-" + uid);
        ActorRef<PodWorker.Command> worker = workers.remove(uid);
        if (worker != null) {
            stopping.add(uid);
            getContext().watchWith(worker, new WorkerEnded(uid));
            worker.tell(new PodWorker.Stop());
        }
    }

    private Behavior<AgentCommand> onWorkerStatus(WorkerStatus status) {
        String uid = status.change().uid();
        Pod pod = assigned.get(uid);
        if (pod != null) {
            statuses.put(uid, status.change().status());
            report(pod, status.change().status());
        }
        return this;
    }

    private Behavior<AgentCommand> onStarted(Started started) {
        Pod pod = assigned.get(started.uid());
        if (pod != null) {
            PodStatus status = SimulatedPods.running(pod, settings.address(), Instant.now());
            statuses.put(started.uid(), status);
            report(pod, status);
        }
        return this;
    }

    private Behavior<AgentCommand> onResync() {
        statuses.forEach((uid, status) -> report(assigned.get(uid), status));
        return this;
    }

    /** Reads a container's output on the blocking executor; the reply goes straight to the asker. */
    private Behavior<AgentCommand> onLogs(ContainerLogsRequest request) {
        ActorRef<ContainerLogsReply> replyTo = ActorRefResolver.get(getContext().getSystem()).resolveActorRef(request.replyTo());
        String refusal = refusal(request.podUid());
        if (refusal != null) {
            replyTo.tell(ContainerLogsReply.failed(refusal));
        } else {
            String podName = assigned.get(request.podUid()).metadata().name();
            CompletableFuture.supplyAsync(() -> new ContainerAccess(runtime.runtime()).logs(request, podName), runtime.blocking())
                    .exceptionally(e -> ContainerLogsReply.failed("could not read the output: " + e))
                    .thenAccept(replyTo::tell);
        }
        return this;
    }

    /** Runs a command in a container on the blocking executor; the reply goes straight to the asker. */
    private Behavior<AgentCommand> onExec(ContainerExecRequest request) {
        ActorRef<ContainerExecReply> replyTo = ActorRefResolver.get(getContext().getSystem()).resolveActorRef(request.replyTo());
        String refusal = refusal(request.podUid());
        if (refusal != null) {
            replyTo.tell(ContainerExecReply.failed(refusal));
        } else {
            String podName = assigned.get(request.podUid()).metadata().name();
            CompletableFuture.supplyAsync(() -> new ContainerAccess(runtime.runtime()).exec(request, podName), runtime.blocking())
                    .exceptionally(e -> ContainerExecReply.failed("could not run the command: " + e))
                    .thenAccept(replyTo::tell);
        }
        return this;
    }

    /** Starts a command attached to the asker's streams; the reply (its output's SourceRef) goes straight to the asker. */
    private Behavior<AgentCommand> onAttach(ContainerAttachRequest request) {
        ActorRef<ContainerAttachReply> replyTo = ActorRefResolver.get(getContext().getSystem())
                .resolveActorRef(request.replyTo());
        String refusal = refusal(request.podUid());
        if (refusal != null) {
            replyTo.tell(ContainerAttachReply.failed(refusal));
        } else {
            String podName = assigned.get(request.podUid()).metadata().name();
            new ExecStreams(getContext().getSystem(), runtime.blocking(), new ContainerAccess(runtime.runtime()))
                    .attach(request, podName).thenAccept(replyTo::tell);
        }
        return this;
    }

    /** Why this node cannot serve a container request for the pod, or null when it can. */
    private String refusal(String uid) {
        if (!assigned.containsKey(uid)) {
            return "the pod (uid " + uid + ") is not running on node \"" + settings.nodeName() + "\"";
        }
        if (runtime == null) {
            return "node \"" + settings.nodeName() + "\" is simulated: its pods have no containers";
        }
        return null;
    }

    private void report(Pod pod, PodStatus status) {
        reportVersion = Math.max(reportVersion + 1, System.currentTimeMillis() * 1000);
        reportedAt.put(pod.metadata().uid(), System.nanoTime());
        ObjectMeta m = pod.metadata();
        controlPlane.tellPod(m.namespace() + "/" + m.name(),
                new PodStatusReport(m.namespace(), m.name(), m.uid(), settings.nodeName(), reportVersion, status));
    }

    private static Node describe(AgentSettings s, String agentPath, String runtimeName) {
        Map<String, String> labels = new LinkedHashMap<>(s.labels());
        labels.put("kubernetes.io/hostname", s.nodeName());
        ObjectMeta meta = new ObjectMeta(s.nodeName(), null, null, labels, Map.of(Node.AGENT_ANNOTATION, agentPath),
                null, null, null, null, null, null);
        NodeStatus status = new NodeStatus(s.capacity(), s.capacity(), List.of(),
                List.of(new NodeAddress("InternalIP", s.address()), new NodeAddress("Hostname", s.nodeName())),
                new NodeSystemInfo(null, "linux", "amd64", VERSION, runtimeName));
        return new Node("v1", Node.KIND, meta, new NodeSpec(false, null, null), status);
    }
}
