package dev.herder.controlplane.services;

import dev.herder.protocol.wire.EntityMessage;
import java.util.List;
import java.util.Map;

/** What the Master tells a Service's entity. */
public final class ServiceCommands {
    private ServiceCommands() {
    }

    /**
     * The pods the service's selector matches now, as backends (sent when they change and on every resync).
     *
     * @param generation the service's generation the Master matched them with
     */
    public record ObservedBackends(String serviceUid, long generation, List<Backend> backends) implements EntityMessage {
    }

    /**
     * A pod behind a service: where it is reached, whether it takes traffic (it is Ready and so is its node),
     * and its containers' named ports, which a named targetPort resolves against.
     */
    public record Backend(String pod, String uid, String nodeName, String ip, boolean ready,
                          Map<String, Integer> namedPorts) {
    }
}
