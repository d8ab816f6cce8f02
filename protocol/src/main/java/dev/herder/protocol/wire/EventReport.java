package dev.herder.protocol.wire;

/**
 * Something an agent saw or did about an object (a pod's containers: Pulled, Created, Started, Killing,
 * BackOff, Unhealthy, Failed...; a service's proxy: a port it cannot listen on), sent to the object's entity,
 * which records it as an event of the object with the agent's node as the event's source host. Dropped when
 * uid is not the object's own (another object of the same name since).
 *
 * @param fieldPath the part of the object, as Kubernetes names it: {@code spec.containers{name}}, or null
 * @param component the part of the agent that saw it: kubelet (its pods) or proxy (its service proxy)
 * @param at        when it happened (RFC 3339)
 */
public record EventReport(String kind, String namespace, String name, String uid, String fieldPath, String component,
                          String nodeName, String type, String reason, String message, String at)
        implements PodCommand, ServiceCommand {
    public static final String KUBELET = "kubelet";
    public static final String PROXY = "proxy";
}
