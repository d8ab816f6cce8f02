package dev.herder.protocol.api;

import java.util.List;

/**
 * Something a controller, the scheduler or the node lifecycle did or saw, about one object, in Kubernetes'
 * core/v1 shape. Events that repeat (same object, source, type, reason and message) are one Event whose
 * count and lastTimestamp grow. Herder's controllers record them; users read them, never apply them.
 */
public record Event(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        ObjectReference involvedObject,
        String reason,
        String message,
        EventSource source,
        String firstTimestamp,
        String lastTimestamp,
        Integer count,
        String type) implements ApiObject {
    public static final String KIND = "Event";
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    @Override
    public Event withMetadata(ObjectMeta m) {
        return new Event(apiVersion, kind, m, involvedObject, reason, message, source, firstTimestamp, lastTimestamp,
                count, type);
    }

    @Override
    public Object specPart() {
        return List.of(String.valueOf(involvedObject), String.valueOf(reason), String.valueOf(message),
                String.valueOf(source), String.valueOf(type));
    }

    /** The same event seen again: count up by {@code times}, last seen at {@code at}. */
    public Event seenAgain(int times, String at, String message) {
        return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp, at,
                (count == null ? 1 : count) + times, type);
    }
}
