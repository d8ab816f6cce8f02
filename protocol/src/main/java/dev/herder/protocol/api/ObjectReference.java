package dev.herder.protocol.api;

/** Points at one object, as an event's involvedObject does. */
public record ObjectReference(
        String kind,
        String namespace,
        String name,
        String uid,
        String apiVersion,
        String resourceVersion,
        String fieldPath) {

    /** A reference to this object as it is now. */
    public static ObjectReference to(ApiObject o) {
        ObjectMeta m = o.metadata();
        return new ObjectReference(o.kind(), Kinds.namespaced(o.kind()) ? m.namespace() : null, m.name(), m.uid(),
                o.apiVersion(), m.resourceVersion(), null);
    }
}
