package dev.herder.protocol.api;

/** A group of containers that run together on one node. */
public record Pod(String apiVersion, String kind, ObjectMeta metadata, PodSpec spec, PodStatus status)
        implements ApiObject {
    public static final String KIND = "Pod";

    @Override
    public Pod withMetadata(ObjectMeta m) {
        return new Pod(apiVersion, kind, m, spec, status);
    }

    public Pod withSpec(PodSpec s) {
        return new Pod(apiVersion, kind, metadata, s, status);
    }

    public Pod withStatus(PodStatus s) {
        return new Pod(apiVersion, kind, metadata, spec, s);
    }

    @Override
    public Object specPart() {
        return spec;
    }
}
