package dev.herder.protocol.patch;

import java.util.List;
import java.util.Map;

/**
 * The lists of core/v1 that a strategic merge patch merges element by element, and the field that identifies an
 * element of each (Kubernetes declares them as patchMergeKey in its types): containers, env, volumes and the like
 * by name, container ports by containerPort, a service's ports by port, volume mounts by mountPath, owner
 * references by uid, conditions by type. Every other list is replaced whole.
 */
public final class MergeKeys {
    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("containers", "name"),
            Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"),
            Map.entry("env", "name"),
            Map.entry("volumes", "name"),
            Map.entry("imagePullSecrets", "name"),
            Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeDevices", "devicePath"),
            Map.entry("ownerReferences", "uid"),
            Map.entry("conditions", "type"),
            Map.entry("hostAliases", "ip"),
            Map.entry("topologySpreadConstraints", "topologyKey"),
            Map.entry("addresses", "type"));
    /** Lists of plain values that are merged (as a set), not replaced. */
    private static final List<String> VALUE_SETS = List.of("finalizers");

    private MergeKeys() {
    }

    /** The merge key of the list at path in an object of kind (null: unknown), or null when it is replaced. */
    public static String of(String kind, List<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        String field = path.get(path.size() - 1);
        if (field.equals("ports")) {
            // a service's own ports (spec.ports) by port; a container's by containerPort
            return path.equals(List.of("spec", "ports")) && "Service".equals(kind) ? "port" : "containerPort";
        }
        return BY_FIELD.get(field);
    }

    public static boolean mergesValues(List<String> path) {
        return !path.isEmpty() && VALUE_SETS.contains(path.get(path.size() - 1));
    }
}
