package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import java.util.ArrayList;
import java.util.List;

/** One object to delete. */
record DeleteTarget(String kind, String namespace, String name) {
    private static final String KIND_NAME_SEPARATOR = "/";

    /** From {@code KIND NAME...} or {@code KIND/NAME...}. */
    static List<DeleteTarget> fromArguments(List<String> words, NamespaceOptions namespaces) {
        if (words.isEmpty()) {
            throw new CliException("you must name what to delete: KIND NAME..., KIND/NAME... or -f FILE");
        }
        List<DeleteTarget> targets = new ArrayList<>();
        if (words.get(0).contains(KIND_NAME_SEPARATOR)) {
            for (String word : words) {
                String[] kindAndName = word.split(KIND_NAME_SEPARATOR, 2);
                if (kindAndName.length != 2 || kindAndName[1].isEmpty()) {
                    throw new CliException("expected KIND/NAME, not \"" + word + "\"");
                }
                targets.add(of(KindArgument.resolve(kindAndName[0]), kindAndName[1], namespaces));
            }
            return targets;
        }
        String kind = KindArgument.resolve(words.get(0));
        if (words.size() == 1) {
            throw new CliException("name the " + Kinds.plural(kind) + " to delete: herder delete " + words.get(0) + " NAME");
        }
        words.subList(1, words.size()).forEach(name -> targets.add(of(kind, name, namespaces)));
        return targets;
    }

    /** The objects a manifest describes; their own namespace wins over -n. */
    static List<DeleteTarget> fromObjects(List<ApiObject> objects) {
        return objects.stream().map(o -> new DeleteTarget(o.kind(),
                Kinds.namespaced(o.kind()) ? o.metadata().namespace() : null, o.metadata().name())).toList();
    }

    private static DeleteTarget of(String kind, String name, NamespaceOptions namespaces) {
        return new DeleteTarget(kind, Kinds.namespaced(kind) ? namespaces.namespace() : null, name);
    }
}
