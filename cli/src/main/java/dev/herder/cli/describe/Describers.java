package dev.herder.cli.describe;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.Map;

/** The describer of each kind. */
public final class Describers {
    private static final Map<String, KindDescriber<?>> DESCRIBERS = Map.of(
            Pod.KIND, new PodDescriber(),
            ReplicationController.KIND, new ReplicationControllerDescriber(),
            Service.KIND, new ServiceDescriber(),
            Node.KIND, new NodeDescriber());

    private Describers() {
    }

    public static String describe(ApiObject object) {
        KindDescriber<?> describer = DESCRIBERS.get(object.kind());
        if (describer == null) {
            throw new IllegalArgumentException("cannot describe kind " + object.kind());
        }
        return describer.describe(object);
    }
}
