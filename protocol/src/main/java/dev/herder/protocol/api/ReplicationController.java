package dev.herder.protocol.api;

/** Keeps a number of copies of a pod template running. */
public record ReplicationController(String apiVersion, String kind, ObjectMeta metadata,
                                    ReplicationControllerSpec spec, ReplicationControllerStatus status)
        implements ApiObject {
    public static final String KIND = "ReplicationController";

    @Override
    public ReplicationController withMetadata(ObjectMeta m) {
        return new ReplicationController(apiVersion, kind, m, spec, status);
    }

    public ReplicationController withStatus(ReplicationControllerStatus s) {
        return new ReplicationController(apiVersion, kind, metadata, spec, s);
    }

    @Override
    public Object specPart() {
        return spec;
    }
}
