package dev.herder.protocol.api;

/** One stable address for a labelled set of pods. */
public record Service(String apiVersion, String kind, ObjectMeta metadata, ServiceSpec spec, ServiceStatus status)
        implements ApiObject {
    public static final String KIND = "Service";

    @Override
    public Service withMetadata(ObjectMeta m) {
        return new Service(apiVersion, kind, m, spec, status);
    }

    @Override
    public Object specPart() {
        return spec;
    }
}
