package dev.herder.controlplane.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.manifest.Json;
import java.io.IOException;

/**
 * An object's value in the store is its JSON, as Kubernetes keeps it. The stored JSON carries no resourceVersion:
 * an object's resourceVersion is its key's modRevision, set as it is read.
 */
public final class ObjectCodec {
    private static final ObjectMapper JSON = Json.mapper();

    private ObjectCodec() {
    }

    public static byte[] encode(ApiObject object) {
        try {
            return JSON.writeValueAsBytes(withVersion(object, null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + object.kind() + " " + object.key() + " as JSON", e);
        }
    }

    public static ApiObject decode(Versioned kv) {
        try {
            return withVersion(JSON.readValue(kv.value(), ApiObject.class), Long.toString(kv.modRevision()));
        } catch (IOException e) {
            throw new IllegalStateException("the store holds something that is no object of this version at "
                    + kv.key() + ": " + e.getMessage(), e);
        }
    }

    /** The object with this resourceVersion (null: none). */
    public static ApiObject withVersion(ApiObject o, String resourceVersion) {
        ObjectMeta m = o.metadata();
        if (m == null || java.util.Objects.equals(m.resourceVersion(), resourceVersion)) {
            return o;
        }
        return o.withMetadata(new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.labels(), m.annotations(),
                m.uid(), resourceVersion, m.generation(), m.creationTimestamp(), m.deletionTimestamp(),
                m.ownerReferences(), m.managedFields()));
    }

    /** The numeric revision an object was read at; 0 when it has none (not stored yet). */
    public static long revisionOf(ApiObject o) {
        String v = o.metadata() == null ? null : o.metadata().resourceVersion();
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
