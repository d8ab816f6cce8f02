package dev.herder.protocol.wire;

import dev.herder.protocol.api.Service;
import java.util.List;
import java.util.Map;

/**
 * A message for a Service's entity actor: the Master tells it its backends ({@link ObservedBackends}) or that it is
 * gone ({@link Gone}); agents send {@link EventReport} (a proxy port they could not have). Sealed, as every kind's
 * protocol.
 */
public sealed interface ServiceCommand extends EntityMessage
        permits ServiceCommand.ObservedBackends, ServiceCommand.Gone, EventReport {

    /** The pods the service's selector matches now, as backends, with the service as the Master's view has it. */
    record ObservedBackends(Service service, List<Backend> backends) implements ServiceCommand {
        public String serviceUid() {
            return service.metadata().uid();
        }
    }

    /** The service with this uid is gone from the store: its endpoints go too, and nothing more is written. */
    record Gone(String serviceUid) implements ServiceCommand {
    }

    /**
     * A pod behind a service: where it is reached, whether it takes traffic (it is Ready and so is its node),
     * and its containers' named ports, which a named targetPort resolves against.
     */
    record Backend(String pod, String uid, String nodeName, String ip, boolean ready,
                   Map<String, Integer> namedPorts) {
    }
}
