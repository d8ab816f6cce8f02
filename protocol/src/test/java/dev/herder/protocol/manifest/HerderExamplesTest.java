package dev.herder.protocol.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.protocol.api.ApiObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repository's own examples/, which `herder local up` applies: every manifest valid, nothing to warn about. */
class HerderExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void examplesAreValidAndNeedNoWarning() {
        ReadResult result = ManifestReader.readDirectory(EXAMPLES);
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of("Pod/hello-1", "Pod/hello-2", "Pod/logbook", "ReplicationController/web", "Service/web"),
                result.objects().stream().map(HerderExamplesTest::name).toList());
    }

    private static String name(ApiObject o) {
        return o.kind() + "/" + o.metadata().name();
    }
}
