package dev.herder.controlplane.services;

import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.ServiceCommand;
import java.util.List;
import java.util.Map;

/** What the Master tells a Service's entity. */
public final class ServiceCommands {
    private ServiceCommands() {
    }

    /** The pods the service's selector matches now, as backends, with the service as the Master's view has it. */
    public record ObservedBackends(Service service, List<Backend> backends) implements ServiceCommand {
        public String serviceUid() {
            return service.metadata().uid();
        }
    }

    /** The service with this uid is gone from the store: its endpoints go too, and nothing more is written. */
    public record Gone(String serviceUid) implements ServiceCommand {
    }

    /**
     * A pod behind a service: where it is reached, whether it takes traffic (it is Ready and so is its node),
     * and its containers' named ports, which a named targetPort resolves against.
     */
    public record Backend(String pod, String uid, String nodeName, String ip, boolean ready,
                          Map<String, Integer> namedPorts) {
    }
}
