package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.protocol.selector.FieldSelector;
import dev.herder.protocol.selector.LabelSelector;

/** -l and --field-selector: checked here, so a bad selector is reported before the cluster is asked. */
final class SelectorArgument {
    private SelectorArgument() {
    }

    /** The selector as given (null for none); throws naming it when it does not parse. */
    static String check(String selector) {
        if (selector == null) {
            return null;
        }
        try {
            LabelSelector.parse(selector);
            return selector;
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() == null ? "cannot be read" : e.getMessage();
            // the parser's message usually names the selector already
            throw new CliException(why.contains(selector) ? why : "invalid label selector \"" + selector + "\": " + why);
        }
    }

    /** The field selector as given (null for none); throws when it does not parse or names a field the kind lacks. */
    static String checkFields(String kind, String selector) {
        if (selector == null) {
            return null;
        }
        FieldSelector fields;
        try {
            fields = FieldSelector.parse(selector);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        fields.unsupported(kind).ifPresent(why -> {
            throw new CliException(why);
        });
        return selector;
    }
}
