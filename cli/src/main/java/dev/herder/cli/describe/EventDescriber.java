package dev.herder.cli.describe;

import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.ObjectReference;

/** {@code herder describe events}: the event's fields, as kubectl prints them. */
final class EventDescriber extends KindDescriber<Event> {
    EventDescriber() {
        super(Event.class);
    }

    @Override
    protected void describe(Event e, DescribeText text) {
        identity(e.metadata(), true, text);
        text.field(0, "Type", e.type());
        text.field(0, "Reason", e.reason());
        text.field(0, "Message", e.message());
        text.field(0, "Count", e.count());
        text.field(0, "First Timestamp", e.firstTimestamp());
        text.field(0, "Last Timestamp", e.lastTimestamp());
        text.field(0, "Source", EventsSection.from(e));
        ObjectReference o = e.involvedObject();
        if (o != null) {
            text.heading(0, "Involved Object");
            text.field(1, "Kind", o.kind());
            text.field(1, "Namespace", o.namespace());
            text.field(1, "Name", o.name());
            text.field(1, "UID", o.uid());
        }
    }
}
