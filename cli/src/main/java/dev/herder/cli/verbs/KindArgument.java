package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.Map;
import java.util.stream.Collectors;

/** The KIND a user typed (pods, pod, po, rc, svc, nodes...) as the kind it names. */
final class KindArgument {
    /** kubectl's short names, shown in the error for an unknown kind. */
    private static final Map<String, String> SHORT_NAMES = Map.of(
            Pod.KIND, "po", ReplicationController.KIND, "rc", Service.KIND, "svc", Node.KIND, "no", Event.KIND, "ev",
            dev.herder.protocol.api.Endpoints.KIND, "ep");

    private KindArgument() {
    }

    static String resolve(String word) {
        return Kinds.resolve(word).orElseThrow(() -> new CliException(
                "the server doesn't have a resource type \"" + word + "\" (known types: " + knownTypes() + ")"));
    }

    static String knownTypes() {
        return Kinds.READABLE.stream()
                .map(kind -> Kinds.plural(kind) + (SHORT_NAMES.containsKey(kind) ? " (" + SHORT_NAMES.get(kind) + ")" : ""))
                .collect(Collectors.joining(", "));
    }
}
