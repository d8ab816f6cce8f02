package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;

import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.selector.LabelSelector;
import java.util.Map;

/** A ReplicationController's spec: replicas, a selector, and a template that the selector matches. */
final class ControllerRules {
    static final String TEMPLATE_RESTART_POLICY = "Always";

    private ControllerRules() {
    }

    static void validate(ReplicationControllerSpec spec, Errors errors) {
        String path = "spec";
        if (spec == null) {
            errors.required(path);
            return;
        }
        errors.atLeast(child(path, "replicas"), spec.replicas(), 0);
        errors.atLeast(child(path, "minReadySeconds"), spec.minReadySeconds(), 0);
        Map<String, String> selector = spec.selector();
        if (selector == null || selector.isEmpty()) {
            errors.required(child(path, "selector"));
        } else {
            MetadataRules.labelMap(selector, child(path, "selector"), errors);
        }
        PodTemplateSpec template = spec.template();
        if (template == null) {
            errors.required(child(path, "template"));
            return;
        }
        String at = child(path, "template");
        MetadataRules.template(template.metadata(), child(at, "metadata"), errors);
        Map<String, String> labels = template.metadata() == null ? null : template.metadata().labels();
        if (selector != null && !selector.isEmpty()
                && !LabelSelector.fromMap(selector).matches(labels == null ? Map.of() : labels)) {
            errors.add(child(child(at, "metadata"), "labels"), "must match spec.selector");
        }
        PodSpecRules.validate(template.spec(), child(at, "spec"), errors);
        String restart = template.spec() == null ? null : template.spec().restartPolicy();
        if (restart != null && !TEMPLATE_RESTART_POLICY.equals(restart)) {
            errors.add(child(child(at, "spec"), "restartPolicy"), "unsupported value " + Names.quote(restart)
                    + ": must be " + TEMPLATE_RESTART_POLICY + " in a ReplicationController's template");
        }
    }
}
