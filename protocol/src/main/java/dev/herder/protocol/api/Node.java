package dev.herder.protocol.api;

/** A machine that runs pods, registered by its agent. Cluster-scoped: no namespace. */
public record Node(String apiVersion, String kind, ObjectMeta metadata, NodeSpec spec, NodeStatus status)
        implements ApiObject {
    public static final String KIND = "Node";
    /** Annotation holding the path of the agent actor that serves this node. */
    public static final String AGENT_ANNOTATION = "herder.dev/agent";

    @Override
    public Node withMetadata(ObjectMeta m) {
        return new Node(apiVersion, kind, m, spec, status);
    }

    public Node withStatus(NodeStatus s) {
        return new Node(apiVersion, kind, metadata, spec, s);
    }

    @Override
    public Object specPart() {
        return spec;
    }
}
