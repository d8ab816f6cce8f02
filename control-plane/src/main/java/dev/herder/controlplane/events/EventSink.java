package dev.herder.controlplane.events;

import dev.herder.protocol.api.ApiObject;

/** Where a controller records an event about an object; the sink knows who is recording (its component). */
@FunctionalInterface
public interface EventSink {
    /**
     * @param type    {@link dev.herder.protocol.api.Event#NORMAL} or {@link dev.herder.protocol.api.Event#WARNING}
     * @param reason  one CamelCase word a program can match (SuccessfulCreate, FailedScheduling...)
     * @param message what happened, for a person
     */
    void record(ApiObject involved, String type, String reason, String message);

    /** Records nothing (for rules exercised without a cluster). */
    EventSink NONE = (involved, type, reason, message) -> {
    };
}
