package dev.herder.controlplane.events;

import dev.herder.protocol.api.EventSource;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How events are named and stored. An event is named {@code <object>.<16 hex>}, the hex a hash of everything
 * that makes two events the same (object, source, type, reason, message), so the same happening recorded
 * again, on any node, lands on the same stored Event and counts up. Events of cluster-scoped objects (nodes)
 * live in the default namespace, as in Kubernetes.
 */
public final class EventKeys {
    /** Kubernetes' limit on an event's message. */
    public static final int MAX_MESSAGE = 1024;

    private EventKeys() {
    }

    public static String namespace(ObjectReference involved) {
        return involved.namespace() == null ? Kinds.DEFAULT_NAMESPACE : involved.namespace();
    }

    public static String name(ObjectReference involved, EventSource source, String type, String reason,
                              String message) {
        String identity = String.join("\u0000", String.valueOf(involved.kind()), String.valueOf(involved.namespace()),
                String.valueOf(involved.name()), String.valueOf(involved.uid()), String.valueOf(involved.fieldPath()),
                String.valueOf(source.component()), String.valueOf(source.host()), type, reason, message);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return involved.name() + "." + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The store id ("namespace/name") of an event. */
    public static String id(ObjectReference involved, String name) {
        return namespace(involved) + "/" + name;
    }

    public static String truncated(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
