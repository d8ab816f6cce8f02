package dev.herder.controlplane.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The scheduler's filters, run in kube-scheduler's order; each is a few comparisons, no allocation. */
final class Filters {
    private Filters() {
    }

    /** The first filter the node fails for this pod, or null when the pod fits. */
    static FitReason firstFailure(PodRequests pod, NodeSelector nodeSelector, NodeInfo node) {
        if (!node.reportsReady()) {
            return FitReason.NOT_READY;
        }
        if (node.unschedulable()) {
            return FitReason.UNSCHEDULABLE;
        }
        if (!nodeSelector.matches(node.labels())) {
            return FitReason.NODE_SELECTOR_MISMATCH;
        }
        if (pod.milliCpu() > 0 && pod.milliCpu() > node.allocatableMilliCpu() - node.requestedMilliCpu()) {
            return FitReason.INSUFFICIENT_CPU;
        }
        if (pod.memoryBytes() > 0 && pod.memoryBytes() > node.allocatableMemoryBytes() - node.requestedMemoryBytes()) {
            return FitReason.INSUFFICIENT_MEMORY;
        }
        if (node.podCount() + 1 > node.maxPods()) {
            return FitReason.TOO_MANY_PODS;
        }
        if (portTaken(pod, node)) {
            return FitReason.HOST_PORT_CONFLICT;
        }
        return null;
    }

    private static boolean portTaken(PodRequests pod, NodeInfo node) {
        List<HostPort> wanted = pod.hostPorts();
        for (int i = 0; i < wanted.size(); i++) {
            if (node.hostPortTaken(wanted.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A pod's nodeSelector read once into arrays, so matching a node walks no iterator. */
    static final class NodeSelector {
        static final NodeSelector EMPTY = new NodeSelector(new String[0], new String[0]);
        private final String[] keys;
        private final String[] values;

        private NodeSelector(String[] keys, String[] values) {
            this.keys = keys;
            this.values = values;
        }

        static NodeSelector of(Map<String, String> selector) {
            if (selector == null || selector.isEmpty()) {
                return EMPTY;
            }
            String[] keys = new String[selector.size()];
            String[] values = new String[selector.size()];
            int i = 0;
            for (Map.Entry<String, String> e : selector.entrySet()) {
                keys[i] = e.getKey();
                values[i++] = e.getValue();
            }
            return new NodeSelector(keys, values);
        }

        /** Every key is a label of the node with the same value. */
        boolean matches(Map<String, String> labels) {
            for (int i = 0; i < keys.length; i++) {
                if (!Objects.equals(values[i], labels.get(keys[i]))) {
                    return false;
                }
            }
            return true;
        }
    }
}
