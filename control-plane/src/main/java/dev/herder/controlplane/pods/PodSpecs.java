package dev.herder.controlplane.pods;

import dev.herder.protocol.api.PodSpec;

/** Copies of a pod spec with one field changed. */
public final class PodSpecs {
    private PodSpecs() {
    }

    public static PodSpec withNodeName(PodSpec s, String nodeName) {
        return new PodSpec(s.containers(), s.initContainers(), s.volumes(), s.restartPolicy(), s.nodeSelector(), nodeName,
                s.terminationGracePeriodSeconds(), s.hostNetwork(), s.hostname(), s.serviceAccountName());
    }
}
