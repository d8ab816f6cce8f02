package dev.herder.protocol.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.schema.UnknownFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              colour: blue
              containers:
              - name: app
                image: busybox:1
                sise: 3
            """;

    @Test
    void strictRefusesNamingEachUnknownField() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(POD, "p.yaml",
                UnknownFields.STRICT).objects());
        String all = String.join("\n", e.errors());
        assertTrue(all.contains("spec.colour: unknown field"), all);
        assertTrue(all.contains("spec.containers[0].sise: unknown field"), all);
    }

    @Test
    void warnDropsThemWithAWarningEach() {
        ReadResult read = ManifestReader.read(POD, "p.yaml", UnknownFields.WARN);
        Pod pod = (Pod) read.objects().get(0);
        assertEquals("busybox:1", pod.spec().containers().get(0).image());
        assertEquals(2, read.warnings().stream().filter(w -> w.contains("unknown field")).count(), read.warnings()::toString);
        assertTrue(read.warnings().stream().anyMatch(w -> w.contains("spec.colour")), read.warnings()::toString);
    }

    @Test
    void ignoreDropsThemSilently() {
        ReadResult read = ManifestReader.read(POD, "p.yaml", UnknownFields.IGNORE);
        assertEquals(1, read.objects().size());
        assertEquals(List.of(), read.warnings());
    }

    @Test
    void theQueryParameterNamesThePolicy() {
        assertEquals(UnknownFields.STRICT, UnknownFields.of("Strict"));
        assertEquals(UnknownFields.WARN, UnknownFields.of("Warn"));
        assertEquals(UnknownFields.IGNORE, UnknownFields.of("Ignore"));
        assertEquals(null, UnknownFields.of("strict"));
    }
}
