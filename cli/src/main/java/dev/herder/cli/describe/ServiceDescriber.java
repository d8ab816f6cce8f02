package dev.herder.cli.describe;

import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import dev.herder.protocol.printing.Cells;
import dev.herder.protocol.printing.EndpointsTable;
import dev.herder.protocol.printing.ServiceTable;

/** {@code herder describe svc NAME}: with its Endpoints (the Ready address:port pairs), as kubectl shows them. */
public final class ServiceDescriber extends KindDescriber<Service> {
    /** The service's endpoints as stored; null when there are none (or they were not asked for). */
    private final Endpoints endpoints;

    private static final String UNSET = "<unset>";
    private static final String DEFAULT_AFFINITY = "None";

    public ServiceDescriber() {
        this(null);
    }

    private ServiceDescriber(Endpoints endpoints) {
        super(Service.class);
        this.endpoints = endpoints;
    }

    /** The service's description with its endpoints (null: it has none stored) and the events about it. */
    public static String describe(Service service, Endpoints endpoints, java.util.List<dev.herder.protocol.api.Event> events,
                                  java.time.Instant now) {
        return new ServiceDescriber(endpoints).describe(service, events, now);
    }

    /** The subsets narrowed to the port of this name, as kubectl lists a service port's endpoints. */
    private static java.util.List<dev.herder.protocol.api.EndpointSubset> endpointsOf(Endpoints e, String portName) {
        return Cells.orEmpty(e.subsets()).stream().map(s -> new dev.herder.protocol.api.EndpointSubset(s.addresses(),
                s.notReadyAddresses(), Cells.orEmpty(s.ports()).stream()
                        .filter(p -> java.util.Objects.equals(p.name(), portName)).toList())).toList();
    }

    @Override
    protected void describe(Service service, DescribeText text) {
        ServiceSpec spec = service.spec();
        identity(service.metadata(), true, text);
        text.field(0, "Selector", Cells.labels(spec == null ? null : spec.selector()));
        text.field(0, "Type", ServiceTable.type(spec));
        text.field(0, "IP", spec == null ? null : spec.clusterIP());
        for (ServicePort port : spec == null ? java.util.List.<ServicePort>of() : Cells.orEmpty(spec.ports())) {
            String name = port.name() == null ? UNSET : port.name();
            String protocol = port.protocol() == null ? "TCP" : port.protocol();
            text.field(0, "Port", name + "  " + port.port() + "/" + protocol);
            text.field(0, "TargetPort", (port.targetPort() == null ? port.port() : port.targetPort()) + "/" + protocol);
            if (port.nodePort() != null) {
                text.field(0, "NodePort", name + "  " + port.nodePort() + "/" + protocol);
            }
            text.field(0, "Endpoints", endpoints == null ? Cells.NONE
                    : EndpointsTable.summary(endpointsOf(endpoints, port.name()), EndpointsTable.SHOWN));
        }
        text.field(0, "Session Affinity",
                spec == null || spec.sessionAffinity() == null ? DEFAULT_AFFINITY : spec.sessionAffinity());
    }
}
