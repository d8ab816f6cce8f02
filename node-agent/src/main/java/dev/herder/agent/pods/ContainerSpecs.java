package dev.herder.agent.pods;

import dev.herder.agent.runtime.ContainerSpec;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.EnvVar;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.Quantity;
import dev.herder.protocol.api.Volume;
import dev.herder.protocol.api.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one container of a pod into what the runtime creates: Kubernetes' command and args, env with the
 * downward API filled in, limits, mounts of the pod's volumes, host networking when the pod asks for it or
 * publishes ports, and the labels by which an agent finds, adopts and cleans up what it created. Pure.
 */
public final class ContainerSpecs {
    public static final String NODE_LABEL = "herder.dev/node";
    public static final String POD_UID_LABEL = "herder.dev/pod-uid";
    public static final String NAMESPACE_LABEL = "herder.dev/namespace";
    public static final String POD_NAME_LABEL = "herder.dev/pod-name";
    public static final String CONTAINER_LABEL = "herder.dev/container";
    public static final String RESTART_COUNT_LABEL = "herder.dev/restart-count";
    private static final long NANOS_PER_MILLI_CPU = 1_000_000L;
    private static final int UID_CHARS = 8;

    private ContainerSpecs() {
    }

    /** The folder of an emptyDir volume of a pod, under the agent's data folder. */
    public static Path emptyDir(Path dataDir, Pod pod, String volume) {
        return dataDir.resolve("pods").resolve(pod.metadata().uid()).resolve("volumes").resolve(volume);
    }

    public static ContainerSpec of(Pod pod, Container c, String nodeName, String nodeAddress, int restartCount, Path dataDir) {
        return of(pod, c, nodeName, nodeAddress, restartCount, dataDir, Map.of());
    }

    /** @param serviceEnv the services' variables ({@link ServiceEnv}); the container's own env wins over them */
    public static ContainerSpec of(Pod pod, Container c, String nodeName, String nodeAddress, int restartCount, Path dataDir,
                                   Map<String, String> serviceEnv) {
        ObjectMeta m = pod.metadata();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NODE_LABEL, nodeName);
        labels.put(POD_UID_LABEL, m.uid());
        labels.put(NAMESPACE_LABEL, m.namespace());
        labels.put(POD_NAME_LABEL, m.name());
        labels.put(CONTAINER_LABEL, c.name());
        labels.put(RESTART_COUNT_LABEL, Integer.toString(restartCount));
        String name = String.join("_", "herder", nodeName, m.namespace(), m.name(), c.name(), Integer.toString(restartCount),
                m.uid().substring(0, Math.min(UID_CHARS, m.uid().length())));
        boolean hostNetwork = Boolean.TRUE.equals(pod.spec().hostNetwork())
                || pod.spec().containers().stream().anyMatch(x -> x.ports() != null && !x.ports().isEmpty());
        Map<String, String> env = new LinkedHashMap<>(serviceEnv);
        env.putAll(env(pod, c, nodeAddress));
        return new ContainerSpec(name, c.image(), c.command(), c.args(), env, c.workingDir(),
                hostNetwork, labels, limit(c, "memory", false), limit(c, "cpu", true), mounts(pod, c, dataDir));
    }

    private static Map<String, String> env(Pod pod, Container c, String nodeAddress) {
        Map<String, String> env = new LinkedHashMap<>();
        if (c.env() == null) {
            return env;
        }
        for (EnvVar e : c.env()) {
            if (e.valueFrom() != null && e.valueFrom().fieldRef() != null) {
                env.put(e.name(), field(pod, e.valueFrom().fieldRef().fieldPath(), nodeAddress));
            } else {
                env.put(e.name(), e.value() == null ? "" : e.value());
            }
        }
        return env;
    }

    /** The downward API: a field of the pod as an environment value. */
    static String field(Pod pod, String path, String nodeAddress) {
        ObjectMeta m = pod.metadata();
        return switch (path) {
            case "metadata.name" -> m.name();
            case "metadata.namespace" -> m.namespace();
            case "metadata.uid" -> m.uid();
            case "spec.nodeName" -> pod.spec().nodeName();
            case "spec.serviceAccountName" -> String.valueOf(pod.spec().serviceAccountName());
            case "status.hostIP", "status.podIP", "status.podIPs" -> nodeAddress;
            default -> labelOrAnnotation(m, path);
        };
    }

    private static String labelOrAnnotation(ObjectMeta m, String path) {
        if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
            return m.labels() == null ? "" : m.labels().getOrDefault(path.substring(17, path.length() - 2), "");
        }
        if (path.startsWith("metadata.annotations['") && path.endsWith("']")) {
            return m.annotations() == null ? "" : m.annotations().getOrDefault(path.substring(22, path.length() - 2), "");
        }
        return "";
    }

    private static Long limit(Container c, String resource, boolean cpu) {
        if (c.resources() == null || c.resources().limits() == null || !c.resources().limits().containsKey(resource)) {
            return null;
        }
        String q = c.resources().limits().get(resource);
        return cpu ? Quantity.millis(q) * NANOS_PER_MILLI_CPU : Quantity.units(q);
    }

    private static List<ContainerSpec.Mount> mounts(Pod pod, Container c, Path dataDir) {
        List<ContainerSpec.Mount> out = new ArrayList<>();
        if (c.volumeMounts() == null || pod.spec().volumes() == null) {
            return out;
        }
        for (VolumeMount vm : c.volumeMounts()) {
            Volume v = pod.spec().volumes().stream().filter(x -> x.name().equals(vm.name())).findFirst().orElseThrow();
            String host = v.hostPath() != null ? v.hostPath().path() : emptyDir(dataDir, pod, v.name()).toString();
            out.add(new ContainerSpec.Mount(host, vm.mountPath(), Boolean.TRUE.equals(vm.readOnly())));
        }
        return out;
    }
}
