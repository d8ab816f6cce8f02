package dev.herder.protocol.wire;

/**
 * An agent's word that a pod being deleted gracefully (its metadata.deletionTimestamp set) has stopped on its
 * node: its containers have run their preStop hooks, stopped within the grace period and been removed. The pod's
 * entity then removes the pod from the store, as the kubelet's final delete does in Kubernetes. Dropped when the
 * uid or node is not the stored pod's own (a pod of the same name made again meanwhile).
 */
public record PodTerminated(String namespace, String name, String uid, String nodeName) implements PodCommand {
}
