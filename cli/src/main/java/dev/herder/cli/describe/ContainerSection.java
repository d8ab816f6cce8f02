package dev.herder.cli.describe;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.ContainerState;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.EnvVar;
import dev.herder.protocol.api.ResourceRequirements;
import dev.herder.protocol.api.VolumeMount;
import dev.herder.protocol.printing.Cells;
import java.util.List;
import java.util.Map;

/** The "Containers:" section of a pod or a pod template. */
final class ContainerSection {
    private static final String DEFAULT_PROTOCOL = "TCP";

    private ContainerSection() {
    }

    /** @param statuses what the runtime observed, matched by container name; empty for a template */
    static void write(int level, List<Container> containers, List<ContainerStatus> statuses, DescribeText text) {
        if (containers == null || containers.isEmpty()) {
            text.field(level, "Containers", Cells.NONE);
            return;
        }
        text.heading(level, "Containers");
        for (Container container : containers) {
            ContainerStatus status = statuses.stream().filter(s -> container.name().equals(s.name())).findFirst().orElse(null);
            container(level + 1, container, status, text);
        }
    }

    private static void container(int level, Container c, ContainerStatus status, DescribeText text) {
        int field = level + 1;
        text.heading(level, c.name());
        if (status != null) {
            text.field(field, "Container ID", status.containerID());
        }
        text.field(field, "Image", c.image());
        if (status != null) {
            text.field(field, "Image ID", status.imageID());
        }
        List<ContainerPort> ports = Cells.orEmpty(c.ports());
        text.list(field, ports.size() > 1 ? "Ports" : "Port", ports.stream().map(ContainerSection::port).toList());
        text.list(field, ports.size() > 1 ? "Host Ports" : "Host Port", ports.stream().map(ContainerSection::hostPort).toList());
        if (c.command() != null && !c.command().isEmpty()) {
            text.list(field, "Command", c.command());
        }
        if (c.args() != null && !c.args().isEmpty()) {
            text.list(field, "Args", c.args());
        }
        if (status != null) {
            state(field, "State", status.state(), text);
            if (status.lastState() != null && !ContainerStates.isEmpty(status.lastState())) {
                state(field, "Last State", status.lastState(), text);
            }
            text.field(field, "Ready", Boolean.TRUE.equals(status.ready()) ? "True" : "False");
            text.field(field, "Restart Count", Cells.orZero(status.restartCount()));
        }
        resources(field, c.resources(), text);
        probe(field, "Liveness", c.livenessProbe(), text);
        probe(field, "Readiness", c.readinessProbe(), text);
        probe(field, "Startup", c.startupProbe(), text);
        text.list(field, "Environment", Cells.orEmpty(c.env()).stream().map(ContainerSection::env).toList());
        text.list(field, "Mounts", Cells.orEmpty(c.volumeMounts()).stream().map(ContainerSection::mount).toList());
    }

    private static void state(int level, String key, ContainerState state, DescribeText text) {
        text.field(level, key, ContainerStates.word(state));
        ContainerStates.details(state).forEach((k, v) -> text.field(level + 1, k, v));
    }

    private static void resources(int level, ResourceRequirements resources, DescribeText text) {
        if (resources == null) {
            return;
        }
        quantities(level, "Limits", resources.limits(), text);
        quantities(level, "Requests", resources.requests(), text);
    }

    private static void quantities(int level, String key, Map<String, String> values, DescribeText text) {
        if (values == null || values.isEmpty()) {
            return;
        }
        text.heading(level, key);
        new java.util.TreeMap<>(values).forEach((name, amount) -> text.field(level + 1, name, amount));
    }

    private static void probe(int level, String key, dev.herder.protocol.api.Probe probe, DescribeText text) {
        if (probe != null) {
            text.field(level, key, ProbeText.of(probe));
        }
    }

    private static String port(ContainerPort p) {
        return p.containerPort() + "/" + (p.protocol() == null ? DEFAULT_PROTOCOL : p.protocol())
                + (p.name() == null ? "" : " (" + p.name() + ")");
    }

    private static String hostPort(ContainerPort p) {
        return Cells.orZero(p.hostPort()) + "/" + (p.protocol() == null ? DEFAULT_PROTOCOL : p.protocol());
    }

    private static String env(EnvVar e) {
        if (e.valueFrom() != null && e.valueFrom().fieldRef() != null) {
            return e.name() + ":  (" + e.valueFrom().fieldRef().fieldPath() + ")";
        }
        return e.name() + ":  " + (e.value() == null ? "" : e.value());
    }

    private static String mount(VolumeMount m) {
        return m.mountPath() + " from " + m.name() + (Boolean.TRUE.equals(m.readOnly()) ? " (ro)" : " (rw)");
    }
}
