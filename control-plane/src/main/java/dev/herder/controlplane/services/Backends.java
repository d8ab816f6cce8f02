package dev.herder.controlplane.services;

import dev.herder.controlplane.nodes.NodeRules;
import dev.herder.controlplane.pods.PodTransitions;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeAddress;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.selector.LabelSelector;
import dev.herder.protocol.wire.ServiceCommand;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backends of a service: the pods of its namespace its selector matches that are bound to a node and
 * have not ended or been evicted. A backend takes traffic when its pod is Ready and so is its node. Pure.
 * A service without a selector has none (its endpoints are not Herder's to keep).
 */
public final class Backends {
    private Backends() {
    }

    public static List<ServiceCommand.Backend> of(Service service, Collection<Pod> pods, Map<String, Node> nodes) {
        Map<String, String> selector = service.spec() == null ? null : service.spec().selector();
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        LabelSelector matches = LabelSelector.fromMap(selector);
        List<ServiceCommand.Backend> out = new ArrayList<>();
        for (Pod p : pods) {
            if (!service.metadata().namespace().equals(p.metadata().namespace()) || !matches.matches(p.metadata().labels())
                    || p.spec().nodeName() == null || p.metadata().deletionTimestamp() != null || PodTransitions.ended(p)
                    || PodTransitions.evicted(p)) {
                continue;
            }
            Node node = nodes.get(p.spec().nodeName());
            String ip = p.status() != null && p.status().podIP() != null ? p.status().podIP() : internalIp(node);
            if (ip == null) {
                continue;
            }
            out.add(new ServiceCommand.Backend(p.metadata().name(), p.metadata().uid(), p.spec().nodeName(), ip,
                    ready(p) && node != null && NodeRules.isReady(node), namedPorts(p)));
        }
        return out;
    }

    static boolean ready(Pod p) {
        return p.status() != null && "Running".equals(p.status().phase()) && p.status().conditions() != null
                && p.status().conditions().stream().anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
    }

    private static String internalIp(Node n) {
        if (n == null || n.status() == null || n.status().addresses() == null) {
            return null;
        }
        return n.status().addresses().stream().filter(a -> "InternalIP".equals(a.type())).map(NodeAddress::address)
                .findFirst().orElse(null);
    }

    private static Map<String, Integer> namedPorts(Pod p) {
        Map<String, Integer> out = new HashMap<>();
        for (Container c : p.spec().containers()) {
            if (c.ports() != null) {
                for (ContainerPort port : c.ports()) {
                    if (port.name() != null && port.containerPort() != null) {
                        out.putIfAbsent(port.name(), port.containerPort());
                    }
                }
            }
        }
        return out;
    }
}
