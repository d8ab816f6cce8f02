package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Lifecycle;
import dev.herder.protocol.api.Probe;
import java.util.List;
import java.util.Set;

/** Rules of one container (or init container) of a pod spec. */
final class ContainerRules {
    static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

    private ContainerRules() {
    }

    static void validate(Container c, String path, boolean init, Set<String> volumes, Errors errors) {
        if (errors.requireText(child(path, "name"), c.name())) {
            errors.check(child(path, "name"), Names.dns1123Label(c.name()));
        }
        errors.requireText(child(path, "image"), c.image());
        errors.oneOf(child(path, "imagePullPolicy"), c.imagePullPolicy(), PULL_POLICIES);
        Set<String> portNames = PortRules.containerPorts(c.ports(), child(path, "ports"), errors);
        EnvRules.validate(c.env(), child(path, "env"), errors);
        ResourceRules.validate(c.resources(), child(path, "resources"), errors);
        VolumeRules.mounts(c.volumeMounts(), child(path, "volumeMounts"), volumes, errors);
        probe(c.livenessProbe(), ProbeRules.ProbeKind.LIVENESS, path, init, portNames, errors);
        probe(c.readinessProbe(), ProbeRules.ProbeKind.READINESS, path, init, portNames, errors);
        probe(c.startupProbe(), ProbeRules.ProbeKind.STARTUP, path, init, portNames, errors);
        lifecycle(c.lifecycle(), child(path, "lifecycle"), portNames, errors);
        if (init && c.dependsOn() != null && !c.dependsOn().isEmpty()) {
            errors.add(child(path, "dependsOn"), "not allowed for init containers (they run one after another)");
        }
    }

    private static void probe(Probe probe, ProbeRules.ProbeKind kind, String path, boolean init,
                              Set<String> portNames, Errors errors) {
        if (probe == null) {
            return;
        }
        String at = child(path, kind.field());
        if (init) {
            errors.add(at, "not allowed for init containers");
            return;
        }
        ProbeRules.validate(probe, at, kind, portNames, errors);
    }

    private static void lifecycle(Lifecycle lifecycle, String path, Set<String> portNames, Errors errors) {
        if (lifecycle == null) {
            return;
        }
        if (lifecycle.postStart() != null) {
            var h = lifecycle.postStart();
            ProbeRules.handler(h.exec(), h.httpGet(), h.tcpSocket(), child(path, "postStart"), portNames, errors);
        }
        if (lifecycle.preStop() != null) {
            var h = lifecycle.preStop();
            ProbeRules.handler(h.exec(), h.httpGet(), h.tcpSocket(), child(path, "preStop"), portNames, errors);
        }
    }
}
