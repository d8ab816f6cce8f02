package dev.herder.protocol.manifest.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a manifest field as Kubernetes defines it, and how far Herder models it. A field
 * Kubernetes defines but Herder does not act on is UNSUPPORTED (warned about and dropped); one
 * Herder takes and never reads (status) is IGNORED (dropped silently).
 */
public sealed interface Schema permits Schema.Scalar, Schema.ListOf, Schema.MapOf, Schema.Obj {

    enum Scalar implements Schema {
        STRING("a string"),
        INT32("an integer"),
        INT64("an integer"),
        BOOL("true or false"),
        INT_OR_STRING("an integer or a string"),
        QUANTITY("a quantity such as 500m, 2 or 64Mi"),
        ANY("anything");

        private final String description;

        Scalar(String description) {
            this.description = description;
        }

        @Override
        public String describe() {
            return description;
        }
    }

    enum Support { MODELED, UNSUPPORTED, IGNORED }

    record Field(Schema schema, Support support) {}

    record ListOf(Schema item) implements Schema {
        @Override
        public String describe() {
            return "a list";
        }
    }

    record MapOf(Schema value) implements Schema {
        @Override
        public String describe() {
            return "a map";
        }
    }

    record Obj(Map<String, Field> fields) implements Schema {
        @Override
        public String describe() {
            return "an object";
        }
    }

    /** What a value of this shape is, for "must be ..." messages. */
    String describe();

    static ListOf listOf(Schema item) {
        return new ListOf(item);
    }

    static MapOf mapOf(Schema value) {
        return new MapOf(value);
    }

    static Builder object() {
        return new Builder();
    }

    /** Lists an object's fields: modeled ones with their shape, the rest by name. */
    final class Builder {
        private final Map<String, Field> fields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder field(String name, Schema schema) {
            fields.put(name, new Field(schema, Support.MODELED));
            return this;
        }

        public Builder unsupported(String... names) {
            for (String name : names) {
                fields.put(name, new Field(Scalar.ANY, Support.UNSUPPORTED));
            }
            return this;
        }

        public Builder ignored(String... names) {
            for (String name : names) {
                fields.put(name, new Field(Scalar.ANY, Support.IGNORED));
            }
            return this;
        }

        public Obj build() {
            return new Obj(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
        }
    }
}
