package dev.herder.protocol.printing;

import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import java.time.Instant;
import java.util.List;

/** {@code herder get svc}: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR). */
public final class ServiceTable extends KindTable<Service> {
    public static final String DEFAULT_TYPE = "ClusterIP";
    static final String DEFAULT_PROTOCOL = "TCP";
    private static final String LOAD_BALANCER = "LoadBalancer";
    private static final String PENDING = "<pending>";

    public ServiceTable() {
        super(Service.class);
    }

    @Override
    public List<String> headers(boolean wide) {
        return widen(List.of("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"), wide, List.of("SELECTOR"));
    }

    @Override
    protected List<String> row(Service service, Instant now, boolean wide) {
        ServiceSpec spec = service.spec();
        String type = type(spec);
        return widen(List.of(
                service.metadata().name(),
                type,
                Cells.orNone(spec == null ? null : spec.clusterIP()),
                LOAD_BALANCER.equals(type) ? PENDING : Cells.NONE,
                Cells.joined(spec == null ? null : spec.ports(), ServiceTable::port),
                Age.since(service.metadata().creationTimestamp(), now)), wide, List.of(
                Cells.labels(spec == null ? null : spec.selector())));
    }

    public static String type(ServiceSpec spec) {
        return spec == null || spec.type() == null ? DEFAULT_TYPE : spec.type();
    }

    /** 80/TCP, or 80:30080/TCP with a node port. */
    public static String port(ServicePort port) {
        String protocol = port.protocol() == null ? DEFAULT_PROTOCOL : port.protocol();
        String nodePort = port.nodePort() == null ? "" : ":" + port.nodePort();
        return port.port() + nodePort + "/" + protocol;
    }
}
