package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;

import dev.herder.protocol.api.Quantity;
import dev.herder.protocol.api.ResourceRequirements;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Resource requests and limits: known names, quantities that parse, requests within limits. */
final class ResourceRules {
    static final List<String> STANDARD_NAMES = List.of("cpu", "memory", "ephemeral-storage");
    private static final String HUGEPAGES_PREFIX = "hugepages-";
    private static final String NAME_RULE = "must be cpu, memory, ephemeral-storage, hugepages-<size>"
            + " or a domain-prefixed extended resource (example.com/gpu)";

    private ResourceRules() {
    }

    static void validate(ResourceRequirements resources, String path, Errors errors) {
        if (resources == null) {
            return;
        }
        Map<String, BigDecimal> requests = amounts(resources.requests(), child(path, "requests"), errors);
        Map<String, BigDecimal> limits = amounts(resources.limits(), child(path, "limits"), errors);
        requests.forEach((name, request) -> {
            BigDecimal limit = limits.get(name);
            if (limit != null && request.compareTo(limit) > 0) {
                errors.add(FieldPath.key(child(path, "requests"), name), "must be less than or equal to the "
                        + name + " limit (" + resources.limits().get(name) + ")");
            }
        });
    }

    /** The valid, non-negative quantities of the map, by resource name; errors for the rest. */
    private static Map<String, BigDecimal> amounts(Map<String, String> map, String path, Errors errors) {
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        if (map == null) {
            return out;
        }
        map.forEach((name, text) -> {
            String at = FieldPath.key(path, name);
            if (!knownName(name)) {
                errors.add(at, "unsupported resource name " + Names.quote(name) + ": " + NAME_RULE);
            }
            if (text == null || !Quantity.isValid(text)) {
                errors.add(at, "invalid value " + Names.quote(String.valueOf(text))
                        + ": must be a quantity such as 500m, 2, 64Mi or 1G");
            } else if (Quantity.parse(text).signum() < 0) {
                errors.add(at, "must be >= 0");
            } else {
                out.put(name, Quantity.parse(text));
            }
        });
        return out;
    }

    private static boolean knownName(String name) {
        if (STANDARD_NAMES.contains(name)) {
            return true;
        }
        if (name.startsWith(HUGEPAGES_PREFIX)) {
            return Quantity.isValid(name.substring(HUGEPAGES_PREFIX.length()));
        }
        return name.contains("/") && Names.qualifiedName(name).isEmpty();
    }
}
