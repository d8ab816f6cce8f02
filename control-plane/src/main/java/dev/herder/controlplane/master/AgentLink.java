package dev.herder.controlplane.master;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.AgentCommand;
import dev.herder.protocol.wire.PodAssignments;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Hands each agent the full list of pods bound to its node, whenever that list changes (and on every
 * resync, so an agent that missed one catches up). The agent is found through the actor path its node
 * carries in the herder.dev/agent annotation.
 */
final class AgentLink {
    private final ActorRefResolver resolver;
    private final Map<String, List<String>> lastSent = new HashMap<>();
    private long version = System.currentTimeMillis() * 1000;

    AgentLink(ActorSystem<?> system) {
        this.resolver = ActorRefResolver.get(system);
    }

    void forgetSent() {
        lastSent.clear();
    }

    void send(Map<String, Node> nodes, Map<String, List<Pod>> boundByNode) {
        for (Node node : nodes.values()) {
            String path = node.metadata().annotations() == null ? null : node.metadata().annotations().get(Node.AGENT_ANNOTATION);
            if (path == null) {
                continue;
            }
            String name = node.metadata().name();
            List<Pod> pods = boundByNode.getOrDefault(name, List.of()).stream()
                    .sorted(Comparator.comparing(Pod::key)).toList();
            List<String> signature = pods.stream()
                    .map(p -> p.metadata().uid() + "@" + p.metadata().generation() + "@" + p.metadata().deletionTimestamp())
                    .toList();
            if (signature.equals(lastSent.get(name))) {
                continue;
            }
            ActorRef<AgentCommand> agent = resolver.resolveActorRef(path);
            version = Math.max(version + 1, System.currentTimeMillis() * 1000);
            agent.tell(new PodAssignments(name, version, pods));
            lastSent.put(name, signature);
        }
    }
}
