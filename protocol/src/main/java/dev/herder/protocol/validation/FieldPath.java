package dev.herder.protocol.validation;

/** Builds field paths the way Kubernetes prints them: spec.containers[0].ports[1].name. */
public final class FieldPath {
    private FieldPath() {
    }

    public static String child(String base, String field) {
        return base == null || base.isEmpty() ? field : base + "." + field;
    }

    public static String index(String base, int index) {
        return base + "[" + index + "]";
    }

    /** A map entry, with the key quoted when it holds characters that would confuse a reader. */
    public static String key(String base, String key) {
        return key.matches("[A-Za-z0-9_-]+") ? child(base, key) : base + "[" + key + "]";
    }
}
