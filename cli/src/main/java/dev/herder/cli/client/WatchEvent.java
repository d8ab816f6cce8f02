package dev.herder.cli.client;

import dev.herder.protocol.api.ApiObject;

/** One change a watch saw: type ADDED, MODIFIED or DELETED, and the object as it is now (or was, when deleted). */
public record WatchEvent(String type, ApiObject object) {
    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";
}
