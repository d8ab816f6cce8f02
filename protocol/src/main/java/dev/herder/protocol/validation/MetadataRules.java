package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;

import dev.herder.protocol.api.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** ObjectMeta rules: name, namespace, labels and annotations. */
final class MetadataRules {

    /** How a kind's names are checked: most kinds take a DNS-1123 subdomain, a Service a DNS-1035 label. */
    enum NameRule {
        DNS1123_SUBDOMAIN(Names::dns1123Subdomain),
        DNS1035_LABEL(Names::dns1035Label);

        private final Function<String, Optional<String>> check;

        NameRule(Function<String, Optional<String>> check) {
            this.check = check;
        }
    }

    private MetadataRules() {
    }

    /** The metadata of a top-level object: name required, namespace a label when the kind has one. */
    static void object(ObjectMeta meta, NameRule nameRule, boolean namespaced, Errors errors) {
        String path = "metadata";
        if (meta == null) {
            errors.required(child(path, "name"));
            return;
        }
        if (errors.requireText(child(path, "name"), meta.name())) {
            errors.check(child(path, "name"), nameRule.check.apply(meta.name()));
        }
        if (namespaced && meta.namespace() != null) {
            errors.check(child(path, "namespace"), Names.dns1123Label(meta.namespace()));
        }
        labelsAndAnnotations(meta, path, errors);
    }

    /** The metadata of a pod template: only labels and annotations matter. */
    static void template(ObjectMeta meta, String path, Errors errors) {
        if (meta != null) {
            labelsAndAnnotations(meta, path, errors);
        }
    }

    /** A map with label rules on keys and values: labels, selectors, nodeSelector. */
    static void labelMap(Map<String, String> labels, String path, Errors errors) {
        if (labels == null) {
            return;
        }
        labels.forEach((key, value) -> {
            errors.check(path, Names.qualifiedName(key));
            errors.check(FieldPath.key(path, key), Names.labelValue(value == null ? "" : value));
        });
    }

    private static void labelsAndAnnotations(ObjectMeta meta, String path, Errors errors) {
        labelMap(meta.labels(), child(path, "labels"), errors);
        annotations(meta.annotations(), child(path, "annotations"), errors);
    }

    private static void annotations(Map<String, String> annotations, String path, Errors errors) {
        if (annotations == null) {
            return;
        }
        long total = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            errors.check(path, Names.qualifiedName(e.getKey()));
            total += bytes(e.getKey()) + bytes(e.getValue());
        }
        if (total > ObjectLimits.MAX_ANNOTATIONS_BYTES) {
            errors.add(path, "must have at most " + ObjectLimits.MAX_ANNOTATIONS_BYTES
                    + " bytes in all (keys and values), has " + total);
        }
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
