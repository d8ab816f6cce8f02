package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    static final ObjectMeta META = new ObjectMeta("web", null, "default", null, null, null, null, null, null, null,
            null);

    @Test
    void checkThrowsEveryErrorPrefixedWithKindAndName() {
        Pod bad = (Pod) pod("{restartPolicy: Sometimes, containers: [{name: a}]}");
        ValidationException e = assertThrows(ValidationException.class, () -> Validator.check(bad));
        assertEquals(List.of("Pod/web: spec.containers[0].image: required",
                "Pod/web: spec.restartPolicy: unsupported value \"Sometimes\": must be one of Always, OnFailure,"
                        + " Never"), e.errors());
        assertEquals("Pod/web: spec.containers[0].image: required (and 1 more error)", e.getMessage());
        assertEquals(new FieldError("spec.containers[0].image", "required"), e.fieldErrors().get(0));
    }

    @Test
    void validationExceptionIsAManifestExceptionForCallersThatCatchBoth() {
        Pod bad = (Pod) pod("{containers: [{name: a}]}");
        assertThrows(ManifestException.class, () -> Validator.check(bad));
    }

    @Test
    void checkPassesAValidObject() {
        Validator.check(pod("{containers: [{name: a, image: nginx}]}"));
    }

    @Test
    void refusesAnObjectOverOneMebibyte() {
        List<String> args = List.of("x".repeat(ObjectLimits.MAX_OBJECT_BYTES));
        Container big = new Container("a", "nginx", null, args, null, null, null, null, null, null, null, null,
                null, null, null);
        Pod pod = ((Pod) pod("{containers: [{name: a, image: nginx}]}"))
                .withSpec(new dev.herder.protocol.api.PodSpec(List.of(big), null, null, null, null, null, null, null,
                        null, null));
        assertEquals(List.of("object is 1.00 MiB (1048721 bytes) as JSON; the limit is 1 MiB (1048576 bytes)"),
                errors(pod));
    }

    @Test
    void requiresApiVersionV1AndTheKindOfTheRecord() {
        Node node = new Node("apps/v1", "Pod", META, null, null);
        assertEquals(List.of("apiVersion: must be v1", "kind: must be Node"), errors(node));
        assertEquals("Pod/web", Validator.displayName(node));
    }

    @Test
    void fieldErrorsPrintAsPathColonReason() {
        assertEquals("spec.replicas: must be >= 0", new FieldError("spec.replicas", "must be >= 0").toString());
        assertEquals("object too big", new FieldError("", "object too big").toString());
    }
}
