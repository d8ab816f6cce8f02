package dev.herder.cli.describe;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The describer of each kind. */
public final class Describers {
    private static final Map<String, KindDescriber<?>> DESCRIBERS = Map.of(
            Pod.KIND, new PodDescriber(),
            ReplicationController.KIND, new ReplicationControllerDescriber(),
            Service.KIND, new ServiceDescriber(),
            Node.KIND, new NodeDescriber(),
            Event.KIND, new EventDescriber(),
            dev.herder.protocol.api.Endpoints.KIND, new EndpointsDescriber());

    private Describers() {
    }

    /** The object's description with no events recorded about it. */
    public static String describe(ApiObject object) {
        return describe(object, List.of(), Instant.now());
    }

    /** The object's description, ending with the events about it. */
    public static String describe(ApiObject object, List<Event> events, Instant now) {
        KindDescriber<?> describer = DESCRIBERS.get(object.kind());
        if (describer == null) {
            throw new IllegalArgumentException("cannot describe kind " + object.kind());
        }
        return describer.describe(object, events, now);
    }
}
