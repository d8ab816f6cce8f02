package dev.herder.controlplane.master;

import dev.herder.controlplane.pods.PodDeletion;
import dev.herder.controlplane.pods.PodTransitions;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node lifecycle's eviction: the pods of a node not Ready whose last heartbeat is older than the eviction
 * timeout are due to be marked Failed (NodeLost), so that their controllers replace them elsewhere. Pure: each
 * pod is due again only after the resend interval, while its write has not shown in the view.
 */
final class Evictions {
    static final Duration RESEND = Duration.ofSeconds(5);

    /** A pod to fail, why, and whether it is the first time (an event is recorded then). */
    record Due(Pod pod, String message, boolean first) {
    }

    private final Duration timeout;
    private final Map<String, Instant> sent = new HashMap<>();

    Evictions(Duration timeout) {
        this.timeout = timeout;
    }

    List<Due> due(ClusterView view, Instant now) {
        Set<String> stillDue = new HashSet<>();
        List<Due> out = new ArrayList<>();
        view.nodes().forEach((name, node) -> {
            Instant lastHeartbeat = lostSince(node);
            if (lastHeartbeat == null || lastHeartbeat.plus(timeout).isAfter(now)) {
                return;
            }
            for (Pod p : view.boundTo(name)) {
                if (PodTransitions.ended(p) || p.metadata().deletionTimestamp() != null) {
                    continue;
                }
                stillDue.add(p.key());
                Instant last = sent.get(p.key());
                if (last != null && last.plus(RESEND).isAfter(now)) {
                    continue;
                }
                out.add(new Due(p, "node " + name + " stopped posting heartbeats (last at " + lastHeartbeat
                        + "); the pod was evicted after " + timeout.toSeconds() + " s (pod-eviction-timeout)", last == null));
                sent.put(p.key(), now);
            }
        });
        sent.keySet().removeIf(k -> !k.startsWith("terminating/") && !stillDue.contains(k));
        return out;
    }

    /**
     * The Terminating pods no agent will stop: on a node lost for longer than the eviction timeout, or on a node that
     * is gone, and past their deadline. They are removed (a force delete); their agent, should it come back, stops
     * what is left of them as it does any pod no longer bound to it. Each is due again only after the resend
     * interval.
     */
    List<Pod> abandonedTerminating(ClusterView view, Instant now) {
        Set<String> stillDue = new HashSet<>();
        List<Pod> out = new ArrayList<>();
        for (String name : List.copyOf(view.boundNodeNames())) {
            Node node = view.nodes().get(name);
            Instant lastHeartbeat = node == null ? null : lostSince(node);
            boolean lost = node == null || lastHeartbeat != null && !lastHeartbeat.plus(timeout).isAfter(now);
            if (!lost) {
                continue;
            }
            for (Pod p : view.boundTo(name)) {
                Instant deadline = PodDeletion.deadline(p);
                if (p.metadata().deletionTimestamp() == null || deadline != null && deadline.isAfter(now)) {
                    continue;
                }
                String key = "terminating/" + p.key();
                stillDue.add(key);
                Instant last = sent.get(key);
                if (last == null || !last.plus(RESEND).isAfter(now)) {
                    out.add(p);
                    sent.put(key, now);
                }
            }
        }
        sent.keySet().removeIf(k -> k.startsWith("terminating/") && !stillDue.contains(k));
        return out;
    }

    /** When a node that is not Ready sent its last heartbeat (null when it is Ready or never said). */
    private static Instant lostSince(Node node) {
        if (node.status() == null || node.status().conditions() == null) {
            return null;
        }
        return node.status().conditions().stream()
                .filter(c -> "Ready".equals(c.type()) && !"True".equals(c.status()) && c.lastHeartbeatTime() != null)
                .map(c -> Instant.parse(c.lastHeartbeatTime())).findFirst().orElse(null);
    }
}
