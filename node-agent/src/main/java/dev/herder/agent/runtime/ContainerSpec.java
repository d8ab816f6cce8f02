package dev.herder.agent.runtime;

import java.util.List;
import java.util.Map;

/**
 * A container to create. entrypoint and args are Kubernetes' command and args (null: the image's own);
 * hostNetwork true puts it in the machine's network, false in a network of its own with only loopback.
 * memoryBytes and nanoCpus are limits, null for none. Every container Herder creates carries its labels.
 */
public record ContainerSpec(String name, String image, List<String> entrypoint, List<String> args,
                            Map<String, String> env, String workingDir, boolean hostNetwork, Map<String, String> labels,
                            Long memoryBytes, Long nanoCpus, List<Mount> mounts) {

    /** A folder of the machine bound into the container. */
    public record Mount(String hostPath, String containerPath, boolean readOnly) {
    }
}
