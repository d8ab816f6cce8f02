package dev.herder.cli.describe;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ObjectMeta;

/** {@code herder describe} for one kind. */
public abstract class KindDescriber<T extends ApiObject> {
    /** Herder keeps no events yet; kubectl users expect the section. */
    static final String NO_EVENTS = "<none>";

    private final Class<T> type;

    protected KindDescriber(Class<T> type) {
        this.type = type;
    }

    protected abstract void describe(T object, DescribeText text);

    public final String describe(ApiObject object) {
        DescribeText text = new DescribeText();
        describe(type.cast(object), text);
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

    static void events(DescribeText text) {
        text.field(0, "Events", NO_EVENTS);
    }
}
