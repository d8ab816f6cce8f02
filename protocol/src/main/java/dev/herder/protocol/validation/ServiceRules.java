package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Service's spec: TCP ports, ClusterIP or NodePort, a label selector. */
final class ServiceRules {
    static final String NODE_PORT = "NodePort";
    static final List<String> TYPES = List.of("ClusterIP", NODE_PORT);
    static final List<String> UNSUPPORTED_TYPES = List.of("LoadBalancer", "ExternalName");
    static final String TCP = "TCP";
    static final List<String> UNSUPPORTED_PROTOCOLS = List.of("UDP", "SCTP");
    static final List<String> SESSION_AFFINITIES = List.of("None", "ClientIP");
    private static final String NOT_YET = " is not supported by Herder yet";

    private ServiceRules() {
    }

    static void validate(ServiceSpec spec, Errors errors) {
        String path = "spec";
        if (spec == null) {
            errors.required(path);
            return;
        }
        if (spec.type() != null && UNSUPPORTED_TYPES.contains(spec.type())) {
            errors.add(child(path, "type"), spec.type() + NOT_YET + "; use ClusterIP or NodePort");
        } else {
            errors.oneOf(child(path, "type"), spec.type(), TYPES);
        }
        errors.oneOf(child(path, "sessionAffinity"), spec.sessionAffinity(), SESSION_AFFINITIES);
        MetadataRules.labelMap(spec.selector(), child(path, "selector"), errors);
        ClusterIps.check(spec.clusterIP(), child(path, "clusterIP"), errors);
        List<ServicePort> ports = spec.ports();
        if (ports == null || ports.isEmpty()) {
            errors.required(child(path, "ports"));
            return;
        }
        Set<String> names = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<Integer> nodePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort p = ports.get(i);
            String at = index(child(path, "ports"), i);
            if (p == null) {
                errors.required(at);
                continue;
            }
            name(p, at, ports.size() > 1, names, errors);
            if (p.port() == null) {
                errors.required(child(at, "port"));
            }
            errors.port(child(at, "port"), p.port());
            protocol(p.protocol(), child(at, "protocol"), errors);
            String protocol = p.protocol() == null ? TCP : p.protocol();
            if (p.port() != null && !numbers.add(p.port() + "/" + protocol)) {
                errors.add(child(at, "port"), "duplicate port " + p.port() + "/" + protocol);
            }
            targetPort(p.targetPort(), child(at, "targetPort"), errors);
            nodePort(p.nodePort(), child(at, "nodePort"), NODE_PORT.equals(spec.type()), nodePorts, errors);
        }
    }

    private static void name(ServicePort p, String path, boolean several, Set<String> names, Errors errors) {
        String at = child(path, "name");
        if (p.name() == null || p.name().isEmpty()) {
            if (several) {
                errors.add(at, "required when there is more than one port");
            }
            return;
        }
        errors.check(at, Names.dns1123Label(p.name()));
        if (!names.add(p.name())) {
            errors.add(at, "duplicate name " + Names.quote(p.name()));
        }
    }

    private static void protocol(String protocol, String path, Errors errors) {
        if (protocol != null && UNSUPPORTED_PROTOCOLS.contains(protocol)) {
            errors.add(path, protocol + NOT_YET + "; only TCP is");
        } else {
            errors.oneOf(path, protocol, List.of(TCP));
        }
    }

    private static void targetPort(IntOrString target, String path, Errors errors) {
        if (target == null) {
            return;
        }
        if (target.isInt()) {
            errors.port(path, target.intValue());
        } else if (target.stringValue() != null) {
            errors.check(path, Names.ianaServiceName(target.stringValue()));
        }
    }

    private static void nodePort(Integer nodePort, String path, boolean isNodePort, Set<Integer> taken,
                                 Errors errors) {
        if (nodePort == null) {
            return;
        }
        if (!isNodePort) {
            errors.add(path, "may only be set when spec.type is NodePort");
            return;
        }
        errors.port(path, nodePort);
        if (!taken.add(nodePort)) {
            errors.add(path, "duplicate node port " + nodePort);
        }
    }
}
