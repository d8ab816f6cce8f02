package dev.herder.cli.describe;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.ObjectMeta;
import java.time.Instant;
import java.util.List;

/** {@code herder describe} for one kind. */
public abstract class KindDescriber<T extends ApiObject> {
    private final Class<T> type;

    protected KindDescriber(Class<T> type) {
        this.type = type;
    }

    protected abstract void describe(T object, DescribeText text);

    /** The object's description, ending with the events about it (oldest first). */
    public final String describe(ApiObject object, List<Event> events, Instant now) {
        DescribeText text = new DescribeText();
        describe(type.cast(object), text);
        EventsSection.add(events, now, text);
        return text.render();
    }

    /** Name, Namespace (namespaced kinds), Labels, Annotations. */
    static void identity(ObjectMeta meta, boolean namespaced, DescribeText text) {
        text.field(0, "Name", meta.name());
        if (namespaced) {
            text.field(0, "Namespace", meta.namespace());
        }
        text.map(0, "Labels", meta.labels());
        text.map(0, "Annotations", meta.annotations());
    }
}
