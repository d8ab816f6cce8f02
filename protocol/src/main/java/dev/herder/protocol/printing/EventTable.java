package dev.herder.protocol.printing;

import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.ObjectReference;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code herder get events}: LAST SEEN TYPE REASON OBJECT MESSAGE (+ SOURCE FIRST SEEN COUNT NAME), oldest first. */
public final class EventTable extends KindTable<Event> {
    public EventTable() {
        super(Event.class);
    }

    @Override
    public List<String> headers(boolean wide) {
        return widen(List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"), wide,
                List.of("SOURCE", "FIRST SEEN", "COUNT", "NAME"));
    }

    @Override
    protected List<String> row(Event e, Instant now, boolean wide) {
        return widen(List.of(
                Age.since(e.lastTimestamp(), now),
                Cells.orNone(e.type()),
                Cells.orNone(e.reason()),
                object(e.involvedObject()),
                Cells.orNone(e.message())), wide, List.of(
                e.source() == null ? Cells.NONE : Cells.orNone(e.source().component()),
                Age.since(e.firstTimestamp(), now),
                String.valueOf(e.count() == null ? 1 : e.count()),
                e.metadata().name()));
    }

    @Override
    protected Comparator<Event> order() {
        return Comparator.comparing((Event e) -> String.valueOf(e.lastTimestamp())).thenComparing(e -> e.metadata().name());
    }

    /** kind/name, as kubectl prints the involved object: pod/web-x2k9p. */
    static String object(ObjectReference o) {
        if (o == null) {
            return Cells.NONE;
        }
        return String.valueOf(o.kind()).toLowerCase(Locale.ROOT) + "/" + o.name();
    }
}
