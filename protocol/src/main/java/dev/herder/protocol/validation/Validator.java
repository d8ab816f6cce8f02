package dev.herder.protocol.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.manifest.Json;
import java.util.List;

/**
 * Checks an API object against Kubernetes' rules as far as Herder models them, and Herder's own
 * limits (TCP services, emptyDir and hostPath volumes). Pure: no I/O, no cluster state.
 */
public final class Validator {
    static final String API_VERSION = "v1";

    private Validator() {
    }

    /** Every broken rule of the object; empty when it is valid. */
    public static List<FieldError> validate(ApiObject object) {
        Errors errors = new Errors();
        String kind = expectedKind(object);
        if (!API_VERSION.equals(object.apiVersion())) {
            errors.add("apiVersion", "must be " + API_VERSION);
        }
        if (!kind.equals(object.kind())) {
            errors.add("kind", "must be " + kind);
        }
        MetadataRules.NameRule nameRule = object instanceof Service
                ? MetadataRules.NameRule.DNS1035_LABEL : MetadataRules.NameRule.DNS1123_SUBDOMAIN;
        MetadataRules.object(object.metadata(), nameRule, Kinds.namespaced(kind), errors);
        if (object instanceof Pod pod) {
            PodSpecRules.validate(pod.spec(), "spec", errors);
        } else if (object instanceof ReplicationController rc) {
            ControllerRules.validate(rc.spec(), errors);
        } else if (object instanceof Service service) {
            ServiceRules.validate(service.spec(), errors);
        }
        String tooBig = ObjectLimits.objectSizeError(jsonSize(object));
        if (tooBig != null) {
            errors.add("", tooBig);
        }
        return errors.list();
    }

    /** Throws a ValidationException carrying every broken rule, each prefixed "Kind/name: ". */
    public static void check(ApiObject object) {
        List<FieldError> errors = validate(object);
        if (!errors.isEmpty()) {
            throw new ValidationException(displayName(object), errors);
        }
    }

    /** "Pod/web", or "Pod" alone when the object has no name. */
    public static String displayName(ApiObject object) {
        String kind = object.kind() != null ? object.kind() : expectedKind(object);
        String name = object.metadata() == null ? null : object.metadata().name();
        return name == null || name.isEmpty() ? kind : kind + "/" + name;
    }

    private static String expectedKind(ApiObject object) {
        if (object instanceof Pod) {
            return Pod.KIND;
        } else if (object instanceof ReplicationController) {
            return ReplicationController.KIND;
        } else if (object instanceof Service) {
            return Service.KIND;
        }
        return Node.KIND;
    }

    private static long jsonSize(ApiObject object) {
        try {
            return Json.mapper().writeValueAsBytes(object).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + displayName(object), e);
        }
    }
}
