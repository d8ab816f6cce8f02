package dev.herder.agent;

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
import dev.herder.protocol.wire.NodeHeartbeat;
import dev.herder.protocol.wire.PodAssignments;
import dev.herder.protocol.wire.PodStatusReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * the pod's entity as a versioned snapshot. This version runs pods on the simulated runtime only.
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

    private final AgentSettings settings;
    private final ControlPlane controlPlane;
    private final TimerScheduler<AgentCommand> timers;
    private final Node node;
    private final Map<String, Pod> assigned = new LinkedHashMap<>();
    private final Map<String, PodStatus> statuses = new HashMap<>();
    private long lastAssignment;
    private long reportVersion = System.currentTimeMillis() * 1000;

    private NodeAgent(ActorContext<AgentCommand> context, TimerScheduler<AgentCommand> timers, AgentSettings settings,
                      ControlPlane controlPlane) {
        super(context);
        this.settings = settings;
        this.controlPlane = controlPlane;
        this.timers = timers;
        this.node = describe(settings, ActorRefResolver.get(context.getSystem()).toSerializationFormat(context.getSelf()));
        timers.startTimerWithFixedDelay(HEARTBEAT, new Heartbeat(), settings.heartbeatInterval());
        timers.startTimerWithFixedDelay(RESYNC, new Resync(), settings.statusResync());
        context.getSelf().tell(new Heartbeat());
    }

    public static Behavior<AgentCommand> create(AgentSettings settings, ControlPlane controlPlane) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new NodeAgent(ctx, timers, settings, controlPlane)));
    }

    @Override
    public Receive<AgentCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(Heartbeat.class, h -> onHeartbeat())
                .onMessage(PodAssignments.class, this::onAssignments)
                .onMessage(Started.class, this::onStarted)
                .onMessage(Resync.class, r -> onResync())
                .build();
    }

    private Behavior<AgentCommand> onHeartbeat() {
        controlPlane.tell(Node.KIND, settings.nodeName(), new NodeHeartbeat(node, System.currentTimeMillis()));
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
        }
        assignments.removedUids().forEach(this::forget);
        for (Pod pod : assignments.pods()) {
            String uid = pod.metadata().uid();
            if (assigned.put(uid, pod) == null) {
                timers.startSingleTimer("start-" + uid, new Started(uid), settings.simulatedStartDelay());
            }
        }
        return this;
    }

    private void forget(String uid) {
        assigned.remove(uid);
        statuses.remove(uid);
        timers.cancel("start-" + uid);
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

    private void report(Pod pod, PodStatus status) {
        reportVersion = Math.max(reportVersion + 1, System.currentTimeMillis() * 1000);
        ObjectMeta m = pod.metadata();
        controlPlane.tell(Pod.KIND, m.namespace() + "/" + m.name(),
                new PodStatusReport(m.namespace(), m.name(), m.uid(), settings.nodeName(), reportVersion, status));
    }

    private static Node describe(AgentSettings s, String agentPath) {
        Map<String, String> labels = new LinkedHashMap<>(s.labels());
        labels.put("kubernetes.io/hostname", s.nodeName());
        ObjectMeta meta = new ObjectMeta(s.nodeName(), null, null, labels, Map.of(Node.AGENT_ANNOTATION, agentPath),
                null, null, null, null, null, null);
        NodeStatus status = new NodeStatus(s.capacity(), s.capacity(), List.of(),
                List.of(new NodeAddress("InternalIP", s.address()), new NodeAddress("Hostname", s.nodeName())),
                new NodeSystemInfo(null, "linux", "amd64", VERSION, "simulated"));
        return new Node("v1", Node.KIND, meta, new NodeSpec(false, null, null), status);
    }
}
