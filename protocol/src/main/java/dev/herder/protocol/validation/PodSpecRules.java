package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.PodSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules of a pod spec, for a Pod's spec and a controller's template alike. */
final class PodSpecRules {
    static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final String DEFAULT_PROTOCOL = "TCP";

    private PodSpecRules() {
    }

    static void validate(PodSpec spec, String path, Errors errors) {
        if (spec == null) {
            errors.required(path);
            return;
        }
        Set<String> volumes = VolumeRules.volumes(spec.volumes(), child(path, "volumes"), errors);
        Set<String> names = new HashSet<>();
        containers(spec.initContainers(), child(path, "initContainers"), true, volumes, names, errors);
        List<Container> containers = spec.containers();
        if (containers == null || containers.isEmpty()) {
            errors.required(child(path, "containers"));
        } else {
            containers(containers, child(path, "containers"), false, volumes, names, errors);
            hostPorts(containers, child(path, "containers"), Boolean.TRUE.equals(spec.hostNetwork()), errors);
            DependsOnRules.validate(containers, child(path, "containers"), errors);
        }
        errors.oneOf(child(path, "restartPolicy"), spec.restartPolicy(), RESTART_POLICIES);
        errors.atLeast(child(path, "terminationGracePeriodSeconds"), spec.terminationGracePeriodSeconds(), 0);
        MetadataRules.labelMap(spec.nodeSelector(), child(path, "nodeSelector"), errors);
        if (spec.nodeName() != null) {
            errors.check(child(path, "nodeName"), Names.dns1123Subdomain(spec.nodeName()));
        }
        if (spec.hostname() != null) {
            errors.check(child(path, "hostname"), Names.dns1123Label(spec.hostname()));
        }
        if (spec.serviceAccountName() != null) {
            errors.check(child(path, "serviceAccountName"), Names.dns1123Subdomain(spec.serviceAccountName()));
        }
    }

    private static void containers(List<Container> list, String path, boolean init, Set<String> volumes,
                                   Set<String> names, Errors errors) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Container c = list.get(i);
            String at = index(path, i);
            if (c == null) {
                errors.required(at);
                continue;
            }
            ContainerRules.validate(c, at, init, volumes, errors);
            if (c.name() != null && !names.add(c.name())) {
                errors.add(child(at, "name"), "duplicate name " + Names.quote(c.name()));
            }
        }
    }

    /** Two containers cannot publish the same host port; with host networking it is the container port. */
    private static void hostPorts(List<Container> containers, String path, boolean hostNetwork, Errors errors) {
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            List<ContainerPort> ports = containers.get(i) == null ? null : containers.get(i).ports();
            if (ports == null) {
                continue;
            }
            for (int j = 0; j < ports.size(); j++) {
                ContainerPort p = ports.get(j);
                if (p == null) {
                    continue;
                }
                String at = index(child(index(path, i), "ports"), j);
                if (hostNetwork && p.hostPort() != null && !p.hostPort().equals(p.containerPort())) {
                    errors.add(child(at, "hostPort"), "must match containerPort when hostNetwork is true");
                }
                Integer host = p.hostPort() != null ? p.hostPort() : hostNetwork ? p.containerPort() : null;
                String protocol = p.protocol() == null ? DEFAULT_PROTOCOL : p.protocol();
                if (host != null && !taken.add(host + "/" + protocol)) {
                    errors.add(child(at, hostNetwork && p.hostPort() == null ? "containerPort" : "hostPort"),
                            "duplicate host port " + host + "/" + protocol);
                }
            }
        }
    }
}
