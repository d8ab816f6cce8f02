package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import dev.herder.protocol.api.EnvVar;
import dev.herder.protocol.api.ObjectFieldSelector;
import java.util.List;
import java.util.regex.Pattern;

/** Environment variables: valid names, a value or a pod field, never both. */
final class EnvRules {
    /** The pod fields an environment variable can take (downward API), as Herder serves them. */
    static final List<String> FIELD_PATHS = List.of("metadata.name", "metadata.namespace", "metadata.uid",
            "metadata.labels", "metadata.annotations", "spec.nodeName", "spec.serviceAccountName",
            "status.hostIP", "status.podIP", "status.podIPs");
    /** One label or annotation by key: metadata.labels['app']. */
    private static final Pattern SUBSCRIPT = Pattern.compile("metadata\\.(labels|annotations)\\['([^']*)'\\]");
    private static final String FIELD_API_VERSION = "v1";

    private EnvRules() {
    }

    static void validate(List<EnvVar> env, String path, Errors errors) {
        if (env == null) {
            return;
        }
        for (int i = 0; i < env.size(); i++) {
            EnvVar v = env.get(i);
            String at = index(path, i);
            if (v == null) {
                errors.required(at);
                continue;
            }
            if (errors.requireText(child(at, "name"), v.name())) {
                errors.check(child(at, "name"), Names.envVarName(v.name()));
            }
            if (v.valueFrom() == null) {
                continue;
            }
            if (v.value() != null && !v.value().isEmpty()) {
                errors.add(child(at, "valueFrom"), "may not be specified when value is not empty");
            }
            if (v.valueFrom().fieldRef() == null) {
                errors.add(child(at, "valueFrom"), "must specify fieldRef (the only source Herder supports)");
            } else {
                fieldRef(v.valueFrom().fieldRef(), child(child(at, "valueFrom"), "fieldRef"), errors);
            }
        }
    }

    private static void fieldRef(ObjectFieldSelector ref, String path, Errors errors) {
        if (ref.apiVersion() != null && !FIELD_API_VERSION.equals(ref.apiVersion())) {
            errors.add(child(path, "apiVersion"), "unsupported value " + Names.quote(ref.apiVersion())
                    + ": must be " + FIELD_API_VERSION);
        }
        String fieldPath = ref.fieldPath();
        if (!errors.requireText(child(path, "fieldPath"), fieldPath) || FIELD_PATHS.contains(fieldPath)) {
            return;
        }
        var subscript = SUBSCRIPT.matcher(fieldPath);
        if (subscript.matches()) {
            errors.check(child(path, "fieldPath"), Names.qualifiedName(subscript.group(2)));
            return;
        }
        errors.add(child(path, "fieldPath"), "unsupported value " + Names.quote(fieldPath)
                + ": supported values are " + String.join(", ", FIELD_PATHS)
                + ", metadata.labels['<key>'], metadata.annotations['<key>']");
    }
}
