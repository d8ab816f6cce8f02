package dev.herder.cli.describe;

import dev.herder.cli.printing.Cells;
import dev.herder.cli.printing.ServiceTable;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;

/** {@code herder describe svc NAME}. */
public final class ServiceDescriber extends KindDescriber<Service> {
    private static final String UNSET = "<unset>";
    private static final String DEFAULT_AFFINITY = "None";

    public ServiceDescriber() {
        super(Service.class);
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
        }
        text.field(0, "Session Affinity",
                spec == null || spec.sessionAffinity() == null ? DEFAULT_AFFINITY : spec.sessionAffinity());
    }
}
