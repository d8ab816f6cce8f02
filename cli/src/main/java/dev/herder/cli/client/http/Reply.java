package dev.herder.cli.client.http;

import java.util.List;

/** One HTTP answer: its status code, its body as text, its Warning headers' texts, and the server that gave it. */
record Reply(int code, String body, List<String> warnings, String server) {
    static final int OK = 200;
    static final int CREATED = 201;
    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    static final int UNAVAILABLE = 503;

    boolean succeeded() {
        return code >= OK && code < 300;
    }
}
