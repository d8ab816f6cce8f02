package dev.herder.controlplane.master;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.AgentCommand;
import dev.herder.protocol.wire.PodAssignments;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Hands each agent the pods bound to its node: a full snapshot the first time and on every resync, and in
 * between only what changed (added or changed pods, removed uids), so a busy node does not get its whole
 * list again for every new pod. An agent that restarted (a new actor path) gets a full snapshot at once. The agent is found through the actor path its node carries in the
 * herder.dev/agent annotation.
 */
final class AgentLink {
    private final ActorRefResolver resolver;
    /** Per node: what the agent was last told, pod uid to a signature of the pod's desired state. */
    private final Map<String, Map<String, String>> lastSent = new HashMap<>();
    /** Per node: the agent (actor path) it was sent to; a restarted agent has a new one and gets a full snapshot. */
    private final Map<String, String> sentTo = new HashMap<>();
    private long version = System.currentTimeMillis() * 1000;
    /** Whether the next send goes to every node (the first, and the first after a resync). */
    private boolean everyNode = true;

    AgentLink(ActorSystem<?> system) {
        this.resolver = ActorRefResolver.get(system);
    }

    void forgetSent() {
        lastSent.clear();
        sentTo.clear();
        everyNode = true;
    }

    /**
     * Tells the agents of the nodes whose pods (or node object) changed, or of every node the first time and after
     * {@link #forgetSent}: the work of a pass grows with what changed, not with every pod of the cluster.
     */
    void send(ClusterView view, Set<String> changedNodes) {
        Collection<Node> nodes;
        if (everyNode) {
            nodes = view.nodes().values();
            everyNode = false;
        } else {
            nodes = changedNodes.stream().map(view.nodes()::get).filter(Objects::nonNull).toList();
        }
        lastSent.keySet().retainAll(view.nodes().keySet());
        sentTo.keySet().retainAll(view.nodes().keySet());
        for (Node node : nodes) {
            String path = agentPath(node);
            if (path == null) {
                continue;
            }
            String name = node.metadata().name();
            Collection<Pod> pods = view.boundTo(name);
            Map<String, String> now = new HashMap<>();
            pods.forEach(p -> now.put(p.metadata().uid(), signature(p)));
            Map<String, String> before = path.equals(sentTo.get(name)) ? lastSent.get(name) : null;
            if (now.equals(before)) {
                continue;
            }
            version = Math.max(version + 1, System.currentTimeMillis() * 1000);
            PodAssignments message;
            if (before == null) {
                message = new PodAssignments(name, version, true, sorted(pods), List.of());
            } else {
                List<Pod> changed = pods.stream().filter(p -> !signature(p).equals(before.get(p.metadata().uid()))).toList();
                List<String> removed = before.keySet().stream().filter(uid -> !now.containsKey(uid)).sorted().toList();
                message = new PodAssignments(name, version, false, sorted(changed), removed);
            }
            ActorRef<AgentCommand> agent = resolver.resolveActorRef(path);
            agent.tell(message);
            lastSent.put(name, now);
            sentTo.put(name, path);
        }
    }

    /** The actor path of the node's agent, from the annotation it registers with; null when it has none. */
    static String agentPath(Node node) {
        return node.metadata().annotations() == null ? null : node.metadata().annotations().get(Node.AGENT_ANNOTATION);
    }

    private static String signature(Pod p) {
        return p.metadata().generation() + "@" + p.metadata().deletionTimestamp();
    }

    private static List<Pod> sorted(Collection<Pod> pods) {
        return pods.stream().sorted(Comparator.comparing(Pod::key)).toList();
    }
}
