package dev.herder.controlplane.api.http;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.japi.Pair;

/** A request's query parameters; one that is malformed is a {@link BadParameter}, answered 400. */
record Query(org.apache.pekko.http.javadsl.model.Query params) {

    static Query of(HttpRequest request) {
        return new Query(request.getUri().query());
    }

    /** Every value of a repeated parameter, in the order the request gave them. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Pair<String, String> p : params.toList()) {
            if (p.first().equals(name)) {
                values.add(p.second());
            }
        }
        return values;
    }

    /** The parameter's text; null when absent or empty. */
    String text(String name) {
        return params.get(name).filter(v -> !v.isEmpty()).orElse(null);
    }

    Integer number(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadParameter("query parameter " + name + " must be a whole number, not \"" + text + "\"");
        }
    }

    boolean flag(String name) {
        String text = text(name);
        if (text == null) {
            return false;
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw new BadParameter("query parameter " + name + " must be true or false, not \"" + text + "\"");
        }
        return text.equals("true");
    }

    /** A query parameter that cannot be taken as sent. */
    static final class BadParameter extends IllegalArgumentException {
        BadParameter(String message) {
            super(message);
        }
    }
}
