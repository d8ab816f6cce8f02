package dev.herder.protocol.printing;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeAddress;
import dev.herder.protocol.api.NodeCondition;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What kubectl shows of a node in a few words. */
public final class NodeSummary {
    public static final String INTERNAL_IP = "InternalIP";
    static final String READY_CONDITION = "Ready";
    static final String TRUE = "True";
    static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
    static final String ROLE_LABEL = "kubernetes.io/role";

    private NodeSummary() {
    }

    /** Ready, NotReady or Unknown (no Ready condition yet), with ",SchedulingDisabled" when cordoned. */
    public static String status(Node node) {
        String word = "Unknown";
        for (NodeCondition condition : conditions(node)) {
            if (READY_CONDITION.equals(condition.type())) {
                word = TRUE.equals(condition.status()) ? "Ready" : "NotReady";
            }
        }
        if (node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable())) {
            word += ",SchedulingDisabled";
        }
        return word;
    }

    /** Roles from node-role.kubernetes.io/ROLE and kubernetes.io/role labels, sorted. */
    public static List<String> roles(Node node) {
        TreeSet<String> roles = new TreeSet<>();
        for (Map.Entry<String, String> label : Cells.orEmpty(node.metadata().labels()).entrySet()) {
            if (label.getKey().startsWith(ROLE_LABEL_PREFIX)) {
                roles.add(label.getKey().substring(ROLE_LABEL_PREFIX.length()));
            } else if (ROLE_LABEL.equals(label.getKey())) {
                roles.add(label.getValue());
            }
        }
        roles.remove("");
        return List.copyOf(roles);
    }

    public static String address(Node node, String type) {
        if (node.status() == null) {
            return null;
        }
        return Cells.orEmpty(node.status().addresses()).stream()
                .filter(a -> type.equals(a.type()))
                .map(NodeAddress::address)
                .findFirst().orElse(null);
    }

    static List<NodeCondition> conditions(Node node) {
        return node.status() == null ? List.of() : Cells.orEmpty(node.status().conditions());
    }
}
