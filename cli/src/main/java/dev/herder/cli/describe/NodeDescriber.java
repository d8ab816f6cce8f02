package dev.herder.cli.describe;

import dev.herder.cli.printing.Table;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeAddress;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.NodeSystemInfo;
import dev.herder.protocol.printing.Cells;
import dev.herder.protocol.printing.NodeSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code herder describe node NAME}. */
public final class NodeDescriber extends KindDescriber<Node> {

    public NodeDescriber() {
        super(Node.class);
    }

    @Override
    protected void describe(Node node, DescribeText text) {
        NodeStatus status = node.status();
        text.field(0, "Name", node.metadata().name());
        text.field(0, "Roles", Cells.orNone(NodeSummary.roles(node)));
        text.map(0, "Labels", node.metadata().labels());
        text.map(0, "Annotations", node.metadata().annotations());
        text.field(0, "CreationTimestamp", node.metadata().creationTimestamp());
        text.field(0, "Unschedulable", node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable()));
        conditions(status, text);
        addresses(status, text);
        quantities("Capacity", status == null ? null : status.capacity(), text);
        quantities("Allocatable", status == null ? null : status.allocatable(), text);
        systemInfo(status == null ? null : status.nodeInfo(), text);
    }

    private static void conditions(NodeStatus status, DescribeText text) {
        List<NodeCondition> conditions = status == null ? List.of() : Cells.orEmpty(status.conditions());
        if (conditions.isEmpty()) {
            text.field(0, "Conditions", Cells.NONE);
            return;
        }
        Table table = new Table(List.of("Type", "Status", "LastHeartbeatTime", "LastTransitionTime", "Reason", "Message"));
        for (NodeCondition c : conditions) {
            table.add(List.of(Cells.orNone(c.type()), Cells.orNone(c.status()), Cells.orNone(c.lastHeartbeatTime()),
                    Cells.orNone(c.lastTransitionTime()), Cells.orNone(c.reason()), Cells.orNone(c.message())));
        }
        text.heading(0, "Conditions").block(1, table.render());
    }

    private static void addresses(NodeStatus status, DescribeText text) {
        List<NodeAddress> addresses = status == null ? List.of() : Cells.orEmpty(status.addresses());
        if (addresses.isEmpty()) {
            text.field(0, "Addresses", Cells.NONE);
            return;
        }
        text.heading(0, "Addresses");
        addresses.forEach(a -> text.field(1, a.type(), a.address()));
    }

    private static void quantities(String key, Map<String, String> values, DescribeText text) {
        if (values == null || values.isEmpty()) {
            text.field(0, key, Cells.NONE);
            return;
        }
        text.heading(0, key);
        new TreeMap<>(values).forEach((name, amount) -> text.field(1, name, amount));
    }

    private static void systemInfo(NodeSystemInfo info, DescribeText text) {
        if (info == null) {
            text.field(0, "System Info", Cells.NONE);
            return;
        }
        text.heading(0, "System Info");
        text.field(1, "Machine ID", info.machineID());
        text.field(1, "Operating System", info.operatingSystem());
        text.field(1, "Architecture", info.architecture());
        text.field(1, "Container Runtime Version", info.containerRuntimeVersion());
        text.field(1, "Kubelet Version", info.kubeletVersion());
    }
}
