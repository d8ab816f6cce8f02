package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;

import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.RollingUpdateParameters;
import dev.herder.protocol.api.RollingUpdateStrategy;
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
        errors.atLeast(child(path, "progressDeadlineSeconds"), spec.progressDeadlineSeconds(), 1);
        errors.atLeast(child(path, "revisionHistoryLimit"), spec.revisionHistoryLimit(), 0);
        if (spec.progressDeadlineSeconds() != null && spec.minReadySeconds() != null
                && spec.progressDeadlineSeconds() <= spec.minReadySeconds()) {
            errors.add(child(path, "progressDeadlineSeconds"), "must be greater than minReadySeconds ("
                    + spec.minReadySeconds() + "), or no rollout could ever make progress in time");
        }
        Map<String, String> selector = spec.selector();
        if (selector == null || selector.isEmpty()) {
            errors.required(child(path, "selector"));
        } else {
            MetadataRules.labelMap(selector, child(path, "selector"), errors);
        }
        strategy(spec, child(path, "strategy"), errors);
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

    private static void strategy(ReplicationControllerSpec spec, String path, Errors errors) {
        RollingUpdateStrategy strategy = spec.strategy();
        if (strategy == null) {
            return;
        }
        if (strategy.type() != null && !RollingUpdateStrategy.ROLLING_UPDATE.equals(strategy.type())) {
            errors.add(child(path, "type"), "unsupported value " + Names.quote(strategy.type()) + ": must be "
                    + RollingUpdateStrategy.ROLLING_UPDATE);
        }
        RollingUpdateParameters bounds = strategy.rollingUpdate();
        if (bounds == null) {
            return;
        }
        String at = child(path, "rollingUpdate");
        boolean unavailableOk = countOrPercent(bounds.maxUnavailable(), child(at, "maxUnavailable"), errors);
        boolean surgeOk = countOrPercent(bounds.maxSurge(), child(at, "maxSurge"), errors);
        if (unavailableOk && surgeOk && isZero(bounds.maxUnavailable()) && isZero(bounds.maxSurge())) {
            errors.add(at, "maxUnavailable and maxSurge may not both be 0: the rollout could never take a step");
        }
    }

    /** A number of pods (0 or more) or a percentage ("25%"); true when it is one (or absent). */
    private static boolean countOrPercent(IntOrString value, String path, Errors errors) {
        if (value == null) {
            return true;
        }
        if (value.isInt()) {
            if (value.intValue() < 0) {
                errors.add(path, "must be 0 or more, not " + value.intValue());
                return false;
            }
            return true;
        }
        if (!value.stringValue().matches("\\d{1,3}%") || Integer.parseInt(value.stringValue().replace("%", "")) > 100) {
            errors.add(path, "must be a number of pods or a percentage from 0% to 100%, not "
                    + Names.quote(value.stringValue()));
            return false;
        }
        return true;
    }

    private static boolean isZero(IntOrString value) {
        return value != null && (value.isInt() ? value.intValue() == 0 : value.stringValue().equals("0%"));
    }
}
