package dev.herder.protocol.wire;

/**
 * Names of the sharded entity types. The control plane hosts them; agents reach them through a sharding
 * proxy created under the same names, so the names live here where both sides see them.
 */
public final class EntityNames {
    public static final String POD = "Pod";
    public static final String NODE = "Node";
    public static final String REPLICATION_CONTROLLER = "ReplicationController";
    public static final String SERVICE = "Service";
    /** Role of the nodes that host entities, the store and the Master. */
    public static final String CONTROL_PLANE_ROLE = "control-plane";
    /** Role of node agent processes. */
    public static final String AGENT_ROLE = "agent";

    private EntityNames() {
    }
}
