package dev.herder.protocol.printing;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.NodeSystemInfo;
import java.time.Instant;
import java.util.List;

/** {@code herder get nodes}: NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP OS-IMAGE CONTAINER-RUNTIME). */
public final class NodeTable extends KindTable<Node> {

    public NodeTable() {
        super(Node.class);
    }

    @Override
    public List<String> headers(boolean wide) {
        return widen(List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION"), wide,
                List.of("INTERNAL-IP", "OS-IMAGE", "CONTAINER-RUNTIME"));
    }

    @Override
    protected List<String> row(Node node, Instant now, boolean wide) {
        NodeStatus status = node.status();
        NodeSystemInfo info = status == null ? null : status.nodeInfo();
        return widen(List.of(
                node.metadata().name(),
                NodeSummary.status(node),
                Cells.orNone(NodeSummary.roles(node)),
                Age.since(node.metadata().creationTimestamp(), now),
                Cells.orNone(info == null ? null : info.kubeletVersion())), wide, List.of(
                Cells.orNone(NodeSummary.address(node, NodeSummary.INTERNAL_IP)),
                Cells.orNone(info == null ? null : info.operatingSystem()),
                Cells.orNone(info == null ? null : info.containerRuntimeVersion())));
    }
}
