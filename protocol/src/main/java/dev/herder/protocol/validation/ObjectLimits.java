package dev.herder.protocol.validation;

/** Size limits Kubernetes puts on objects, which Herder keeps. */
public final class ObjectLimits {
    /** The largest object, serialized as JSON: 1 MiB (etcd's request limit in Kubernetes). */
    public static final int MAX_OBJECT_BYTES = 1024 * 1024;
    /** The most that all annotations of one object may hold, keys and values together: 256 KiB. */
    public static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private ObjectLimits() {
    }

    /** "object is 1.50 MiB (1572864 bytes) as JSON; the limit is 1 MiB (1048576 bytes)", or null when it fits. */
    public static String objectSizeError(long bytes) {
        if (bytes <= MAX_OBJECT_BYTES) {
            return null;
        }
        return String.format(java.util.Locale.ROOT,
                "object is %.2f MiB (%d bytes) as JSON; the limit is 1 MiB (%d bytes)",
                bytes / BYTES_PER_MIB, bytes, MAX_OBJECT_BYTES);
    }
}
