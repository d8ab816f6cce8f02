package dev.herder.agent.pods;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import java.util.List;
import java.util.Map;

/** Small pods for the pods package's tests. */
final class PodFixtures {
    static final String UID = "0f3c-uid";

    private PodFixtures() {
    }

    static Pod pod(String restartPolicy, Map<String, String> annotations, String... containerNames) {
        ObjectMeta meta = new ObjectMeta("web-1", null, "default", Map.of(), annotations, UID, "1", 1L, null, null,
                List.of());
        List<Container> containers = java.util.Arrays.stream(containerNames).map(PodFixtures::container).toList();
        PodSpec spec = new PodSpec(containers, List.of(), List.of(), restartPolicy, Map.of(), "node-1", null, true,
                null, null);
        return new Pod("v1", Pod.KIND, meta, spec, null);
    }

    static Pod pod(String restartPolicy, String... containerNames) {
        return pod(restartPolicy, Map.of(), containerNames);
    }

    static Pod annotated(String backoff) {
        return pod("Always", Map.of(BackoffPolicy.ANNOTATION, backoff), "web");
    }

    private static Container container(String name) {
        return new Container(name, "local/busybox:1", List.of("sleep", "3600"), List.of(), null, List.of(),
                List.of(), null, List.of(), null, null, null, null, "IfNotPresent", List.of());
    }
}
