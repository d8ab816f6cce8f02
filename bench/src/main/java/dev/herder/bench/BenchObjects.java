package dev.herder.bench;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.ResourceRequirements;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import java.util.List;
import java.util.Map;

/** The small objects benchmarks create: label app=bench, namespace default. */
final class BenchObjects {
    static final String NAMESPACE = "default";
    private static final Map<String, String> LABELS = Map.of("app", "bench");
    /**
     * What bench services select: no pod carries it. Were it app=bench, every new bench pod would change the
     * endpoints of every bench service (a write each), and a pod apply would cost more the more services exist.
     */
    private static final Map<String, String> SERVICE_SELECTOR = Map.of("app", "bench-no-pods");
    private static final int SERVICE_TARGET_PORT = 8080;

    private BenchObjects() {
    }

    /** A busybox pod asking for almost nothing (1m CPU, 1Mi memory), so many fit on a node. */
    static Pod pod(String name) {
        Container c = new Container("main", "local/busybox:1", List.of("sleep", "3600"), null, null, null, null,
                new ResourceRequirements(Map.of("cpu", "1m", "memory", "1Mi"), null), null, null, null, null, null,
                null, null);
        return new Pod("v1", Pod.KIND, meta(name), new PodSpec(List.of(c), null, null, "Always", null, null, null,
                null, null, null), null);
    }

    /**
     * A ClusterIP service selecting no pod, on the given port (a service port serves one service in the
     * cluster, so each needs its own); no scheduling or agent work follows its creation.
     */
    static Service service(String name, int port) {
        return new Service("v1", Service.KIND, meta(name), new ServiceSpec(SERVICE_SELECTOR, List.of(new ServicePort(null,
                "TCP", port, IntOrString.of(SERVICE_TARGET_PORT), null)), "ClusterIP", null, "None"), null);
    }

    private static ObjectMeta meta(String name) {
        return new ObjectMeta(name, null, NAMESPACE, LABELS, null, null, null, null, null, null, null);
    }
}
