package dev.herder.protocol.printing;

import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.Map;

/** The table of each kind. */
public final class KindTables {
    private static final Map<String, KindTable<?>> TABLES = Map.of(
            Pod.KIND, new PodTable(),
            ReplicationController.KIND, new ReplicationControllerTable(),
            Service.KIND, new ServiceTable(),
            Node.KIND, new NodeTable(),
            Event.KIND, new EventTable(),
            dev.herder.protocol.api.Endpoints.KIND, new EndpointsTable());

    private KindTables() {
    }

    public static KindTable<?> of(String kind) {
        KindTable<?> table = TABLES.get(kind);
        if (table == null) {
            throw new IllegalArgumentException("no table for kind " + kind);
        }
        return table;
    }
}
