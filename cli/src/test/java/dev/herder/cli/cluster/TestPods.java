package dev.herder.cli.cluster;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pods for cluster tests, built as a manifest would give them. */
final class TestPods {
    private TestPods() {
    }

    static Pod pod(String name) {
        Container c = new Container("main", "local/busybox:1", List.of("sleep", "3600"), null, null, null, null,
                new ResourceRequirements(Map.of("cpu", "10m", "memory", "16Mi"), null), null, null, null, null, null,
                null, null);
        return new Pod("v1", Pod.KIND, new ObjectMeta(name, null, "default", Map.of("app", "test"), null, null, null,
                null, null, null, null),
                new PodSpec(List.of(c), null, null, "Always", null, null, null, null, null, null), null);
    }

    static List<ApiObject> pods(String prefix, int count) {
        List<ApiObject> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(pod(prefix + "-" + i));
        }
        return out;
    }
}
