package dev.herder.protocol.manifest;

import dev.herder.protocol.api.Kinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which apiVersion/kind pairs Herder reads, and what to tell the user about the others. */
final class KindRules {
    static final String V1 = "v1";
    static final String LIST = "List";
    private static final String RC_ADVICE = "use a ReplicationController (apiVersion: v1, kind: ReplicationController)"
            + " with the same template and selector.matchLabels as selector";
    /** Workload kinds of the apps group, with what to use instead. */
    private static final Map<String, String> APPS_KINDS = Map.of(
            "Deployment", RC_ADVICE,
            "ReplicaSet", RC_ADVICE,
            "StatefulSet", RC_ADVICE + " (its pods get no stable names or storage)",
            "DaemonSet", "run one Pod per node instead (spec.nodeName, or a nodeSelector matching one node)");
    private static final String APPS_V1 = "apps/v1";
    private static final Set<String> APPS_VERSIONS = Set.of(APPS_V1, "apps/v1beta1", "apps/v1beta2",
            "extensions/v1beta1");

    private KindRules() {
    }

    /** Every kind a manifest may name: the served kinds and List. */
    static List<String> readable() {
        List<String> all = new java.util.ArrayList<>(Kinds.ALL);
        all.add(LIST);
        return List.copyOf(all);
    }

    /** Why Herder will not read this pair, or empty when it will. */
    static Optional<String> refusal(String apiVersion, String kind) {
        if (Kinds.ALL.contains(kind) || ListDocuments.isList(kind)) {
            return V1.equals(apiVersion) ? Optional.empty()
                    : Optional.of("apiVersion: unsupported value \"" + apiVersion + "\": " + kind + " is " + V1);
        }
        if (dev.herder.protocol.api.Endpoints.KIND.equals(kind)) {
            return Optional.of("Endpoints objects are kept by Herder from the ready pods a service selects, not applied;"
                    + " see them with \"herder get endpoints\"");
        }
        if (dev.herder.protocol.api.Event.KIND.equals(kind)) {
            return Optional.of("Event objects are recorded by Herder's controllers, not applied; list them with"
                    + " \"herder get events\" or see an object's with \"herder describe\"");
        }
        String advice = APPS_KINDS.get(kind);
        if (advice != null) {
            String group = APPS_VERSIONS.contains(apiVersion) ? apiVersion : APPS_V1;
            return Optional.of(group + " " + kind + " is not supported by Herder yet; " + advice);
        }
        String hint = Kinds.resolve(kind).map(k -> " (did you mean " + k + "?)").orElse("");
        return Optional.of("kind " + kind + " is not supported by Herder" + hint + "; supported kinds: "
                + String.join(", ", readable()));
    }
}
