package dev.herder.protocol.wire;

/**
 * Something an agent saw or did to one of a pod's containers (Pulled, Created, Started, Killing, BackOff,
 * Unhealthy, Failed...), sent to the pod's entity, which records it as an event of the pod with the agent's
 * node as the event's source host. Dropped when uid is not the pod's own (a pod of the same name since).
 *
 * @param fieldPath the container, as Kubernetes names it: {@code spec.containers{name}}
 * @param at        when it happened (RFC 3339)
 */
public record PodEventReport(String namespace, String name, String uid, String fieldPath, String nodeName,
                             String type, String reason, String message, String at) implements PodCommand {
}
