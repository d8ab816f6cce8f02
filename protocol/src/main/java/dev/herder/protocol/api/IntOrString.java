package dev.herder.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kubernetes' IntOrString: a port given as a number (8080) or as a named container port ("http"). */
public record IntOrString(Integer intValue, String stringValue) {

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    public static IntOrString of(String value) {
        return new IntOrString(null, value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IntOrString from(Object raw) {
        if (raw instanceof Number n) {
            return of(n.intValue());
        }
        return of(String.valueOf(raw));
    }

    @JsonValue
    public Object json() {
        return intValue != null ? intValue : stringValue;
    }

    public boolean isInt() {
        return intValue != null;
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
