package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.IntOrString;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Container ports, and references to them by number or by name (probes, service target ports). */
final class PortRules {
    static final List<String> CONTAINER_PROTOCOLS = List.of("TCP", "UDP", "SCTP");

    private PortRules() {
    }

    /** Checks the ports of one container and returns the names it declares. */
    static Set<String> containerPorts(List<ContainerPort> ports, String path, Errors errors) {
        Set<String> names = new HashSet<>();
        if (ports == null) {
            return names;
        }
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort p = ports.get(i);
            String at = index(path, i);
            if (p == null) {
                errors.required(at);
                continue;
            }
            if (p.containerPort() == null) {
                errors.required(child(at, "containerPort"));
            }
            errors.port(child(at, "containerPort"), p.containerPort());
            errors.port(child(at, "hostPort"), p.hostPort());
            errors.oneOf(child(at, "protocol"), p.protocol(), CONTAINER_PROTOCOLS);
            if (p.name() != null) {
                errors.check(child(at, "name"), Names.ianaServiceName(p.name()));
                if (!names.add(p.name())) {
                    errors.add(child(at, "name"), "duplicate name " + Names.quote(p.name()));
                }
            }
        }
        return names;
    }

    /** A port given as a number 1..65535 or as the name of one of the container's ports. */
    static void reference(IntOrString port, String path, Set<String> portNames, Errors errors) {
        if (port == null || port.intValue() == null && port.stringValue() == null) {
            errors.required(path);
        } else if (port.isInt()) {
            errors.port(path, port.intValue());
        } else if (!portNames.contains(port.stringValue())) {
            String name = port.stringValue();
            errors.add(path, Names.ianaServiceName(name)
                    .orElse("no container port named " + Names.quote(name) + "; declare it in ports or give a number"));
        }
    }
}
