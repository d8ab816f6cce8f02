package dev.herder.cli.options;

import dev.herder.cli.CliException;
import java.util.ArrayList;
import java.util.List;

/** Parses a comma-separated list of {@code host:port} contact points. */
public final class Contacts {
    private static final int MAX_PORT = 65_535;

    private Contacts() {
    }

    public static List<String> parse(String text) {
        List<String> contacts = new ArrayList<>();
        for (String part : text.split(",")) {
            String contact = part.strip();
            if (!contact.isEmpty()) {
                contacts.add(check(contact));
            }
        }
        if (contacts.isEmpty()) {
            throw new CliException("no contact point given: expected host:port[,host:port...]");
        }
        return List.copyOf(contacts);
    }

    private static String check(String contact) {
        int colon = contact.lastIndexOf(':');
        if (colon <= 0 || colon == contact.length() - 1) {
            throw invalid(contact);
        }
        try {
            int port = Integer.parseInt(contact.substring(colon + 1));
            if (port < 1 || port > MAX_PORT) {
                throw invalid(contact);
            }
        } catch (NumberFormatException e) {
            throw invalid(contact);
        }
        return contact;
    }

    private static CliException invalid(String contact) {
        return new CliException("invalid contact point \"" + contact + "\": expected host:port, e.g. 127.0.0.1:2551");
    }
}
