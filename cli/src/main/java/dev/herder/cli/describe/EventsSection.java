package dev.herder.cli.describe;

import dev.herder.cli.printing.Table;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.printing.Age;
import dev.herder.protocol.printing.Cells;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The Events section that ends kubectl's describe: Type, Reason, Age ("5s (x3 over 2m)"), From, Message. */
public final class EventsSection {
    private EventsSection() {
    }

    static void add(List<Event> events, Instant now, DescribeText text) {
        if (events == null || events.isEmpty()) {
            text.field(0, "Events", Cells.NONE);
            return;
        }
        Table table = new Table(List.of("Type", "Reason", "Age", "From", "Message"));
        table.add(List.of("----", "------", "----", "----", "-------"));
        for (Event e : byLastSeen(events)) {
            table.add(List.of(Cells.orNone(e.type()), Cells.orNone(e.reason()), age(e, now), from(e),
                    Cells.orNone(e.message())));
        }
        text.heading(0, "Events");
        text.block(1, table.render());
    }

    /** Oldest first, as kubectl sorts them. */
    public static List<Event> byLastSeen(List<Event> events) {
        return events.stream().sorted(Comparator.comparing((Event e) -> String.valueOf(e.lastTimestamp()))
                .thenComparing(e -> e.metadata().name())).toList();
    }

    /** When it was last seen, and, for a repeated event, how often over how long. */
    public static String age(Event e, Instant now) {
        String last = Age.since(e.lastTimestamp(), now);
        int count = e.count() == null ? 1 : e.count();
        return count > 1 ? last + " (x" + count + " over " + Age.since(e.firstTimestamp(), now) + ")" : last;
    }

    public static String from(Event e) {
        if (e.source() == null || e.source().component() == null) {
            return Cells.NONE;
        }
        return e.source().host() == null ? e.source().component() : e.source().component() + ", " + e.source().host();
    }
}
