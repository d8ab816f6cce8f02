package dev.herder.protocol.validation;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.ManifestReader;
import java.util.List;

/** Objects for validation tables, written as YAML flow text. */
final class Fixtures {
    private Fixtures() {
    }

    static ApiObject read(String yaml) {
        return ManifestReader.read(yaml, "test.yaml").objects().get(0);
    }

    static ApiObject pod(String spec) {
        return read("{apiVersion: v1, kind: Pod, metadata: {name: web}, spec: " + spec + "}");
    }

    /** A pod whose one container "a" (image nginx) has these further fields. */
    static ApiObject podWithContainer(String fields) {
        return pod("{containers: [{name: a, image: nginx, " + fields + "}]}");
    }

    static ApiObject service(String spec) {
        return read("{apiVersion: v1, kind: Service, metadata: {name: web}, spec: " + spec + "}");
    }

    static ApiObject controller(String spec) {
        return read("{apiVersion: v1, kind: ReplicationController, metadata: {name: web}, spec: " + spec + "}");
    }

    static List<String> errors(ApiObject object) {
        return Validator.validate(object).stream().map(FieldError::toString).toList();
    }
}
