package dev.herder.controlplane.nodes;

import dev.herder.controlplane.events.EventSink;
import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.objects.KindRules;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeSpec;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.wire.EntityInput;
import dev.herder.protocol.wire.NodeHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A node's particular rules. Its agent's heartbeats register it and keep it Ready; the entity writes only
 * when something changes (first heartbeat, new labels or capacity, back from NotReady), so a steady
 * heartbeat costs no store write. A node whose heartbeats stop for not-ready-after goes Ready=Unknown.
 * Registration and each change of readiness is recorded as an event on the node.
 */
public final class NodeRules implements KindRules {
    static final String READY = "Ready";
    private final Duration notReadyAfter;
    private final Duration checkInterval;
    private final EventSink events;
    private Instant lastHeartbeat = Instant.now();

    public NodeRules(Duration notReadyAfter, Duration checkInterval, EventSink events) {
        this.notReadyAfter = notReadyAfter;
        this.checkInterval = checkInterval;
        this.events = events;
    }

    @Override
    public Reaction onMessage(EntityInput message, Optional<ApiObject> current, Instant now) {
        if (!(message instanceof NodeHeartbeat heartbeat)) {
            return Reaction.none();
        }
        lastHeartbeat = now;
        Node reported = heartbeat.node();
        if (reported == null) {
            if (current.isEmpty()) {
                return Reaction.none(); // registered by the agent's next heartbeat that describes the node
            }
            reported = (Node) current.get(); // alive, nothing new said: only its readiness may change
        }
        NodeCondition ready = new NodeCondition(READY, "True", "AgentReady", "agent is posting heartbeats",
                now.toString(), now.toString());
        if (current.isEmpty()) {
            ObjectMeta m = reported.metadata();
            ObjectMeta meta = ApiObjects.meta(m, UUID.randomUUID().toString(), null, 1L, now.toString());
            NodeSpec spec = reported.spec() == null ? new NodeSpec(false, null, null) : reported.spec();
            Node registered = new Node("v1", Node.KIND, meta, spec, status(reported.status(), ready));
            return recorded(registered, Event.NORMAL, "RegisteredNode", "Node " + meta.name() + " registered");
        }
        Node node = (Node) current.get();
        NodeCondition was = readyCondition(node);
        boolean wasReady = was != null && "True".equals(was.status());
        NodeCondition keep = wasReady ? was : ready;
        ObjectMeta cm = node.metadata();
        ObjectMeta rm = reported.metadata();
        // the agent's labels and annotations are set over the stored ones, and those a user added (kubectl label
        // node) stay, as a kubelet leaves them
        Node desired = new Node(node.apiVersion(), node.kind(), new ObjectMeta(cm.name(), null, null,
                over(cm.labels(), rm.labels()), over(cm.annotations(), rm.annotations()), cm.uid(),
                cm.resourceVersion(), cm.generation(), cm.creationTimestamp(), null, cm.ownerReferences(),
                cm.managedFields()),
                node.spec(), status(reported.status(), keep));
        if (desired.equals(node)) {
            return Reaction.none();
        }
        ApiObject written = desired;
        return wasReady ? Reaction.write(written) : recorded(written, Event.NORMAL, "NodeReady",
                "Node " + cm.name() + " status is now: NodeReady (its agent posts heartbeats again)");
    }

    private static Map<String, String> over(Map<String, String> stored, Map<String, String> reported) {
        if (stored == null || stored.isEmpty()) {
            return reported;
        }
        Map<String, String> merged = new TreeMap<>(stored);
        if (reported != null) {
            merged.putAll(reported);
        }
        return merged;
    }

    @Override
    public Optional<Duration> tickInterval() {
        return Optional.of(checkInterval);
    }

    @Override
    public Reaction onTick(Optional<ApiObject> current, Instant now) {
        if (current.isEmpty()) {
            return Reaction.none();
        }
        Node node = (Node) current.get();
        NodeCondition ready = readyCondition(node);
        if (ready == null || !"True".equals(ready.status()) || Duration.between(lastHeartbeat, now).compareTo(notReadyAfter) <= 0) {
            return Reaction.none();
        }
        NodeCondition unknown = new NodeCondition(READY, "Unknown", "NodeStatusUnknown",
                "agent stopped posting heartbeats; last one at " + lastHeartbeat + " (not-ready-after "
                        + notReadyAfter.toMillis() + " ms)", lastHeartbeat.toString(), now.toString());
        Node notReady = node.withStatus(status(node.status(), unknown));
        return recorded(notReady,
                Event.WARNING, "NodeNotReady", "Node " + node.metadata().name() + " status is now: NodeNotReady ("
                        + unknown.message() + ")");
    }

    /** Writes the node, then records the event about it. */
    private Reaction recorded(ApiObject node, String type, String reason, String message) {
        return new Reaction(node, stored -> events.record(node, type, reason, message), error -> { });
    }

    static NodeCondition readyCondition(Node node) {
        if (node.status() == null || node.status().conditions() == null) {
            return null;
        }
        return node.status().conditions().stream().filter(c -> READY.equals(c.type())).findFirst().orElse(null);
    }

    private static NodeStatus status(NodeStatus reported, NodeCondition ready) {
        NodeStatus r = reported == null ? new NodeStatus(null, null, null, null, null) : reported;
        return new NodeStatus(r.capacity(), r.allocatable() == null ? r.capacity() : r.allocatable(), List.of(ready),
                r.addresses(), r.nodeInfo());
    }

    public static boolean isReady(Node node) {
        NodeCondition c = readyCondition(node);
        return c != null && Objects.equals("True", c.status());
    }
}
