package dev.herder.protocol.manifest;

import static dev.herder.protocol.manifest.ManifestReaderTest.POD;
import static dev.herder.protocol.manifest.ManifestReaderTest.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Service;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading from files, directories and streams. */
class ManifestFilesTest {
    @Test
    void readsFromAStream() {
        var in = new ByteArrayInputStream(SERVICE.getBytes(StandardCharsets.UTF_8));
        assertTrue(ManifestReader.read(in, "<stdin>").objects().get(0) instanceof Service);
    }

    @Test
    void readsEveryManifestFileOfADirectoryInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yml"), SERVICE);
        Files.writeString(dir.resolve("a.yaml"), POD);
        Files.writeString(dir.resolve("c.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"}}");
        Files.writeString(dir.resolve("notes.txt"), "not a manifest");
        List<String> kinds = ManifestReader.read(dir).objects().stream().map(ApiObject::kind).toList();
        assertEquals(List.of("Pod", "Service", "Node"), kinds);
    }

    @Test
    void collectsErrorsFromEveryFileOfADirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), POD.replace("kind: Pod", "kind: Pod\nfoo: 1"));
        Files.writeString(dir.resolve("b.json"), "{\"apiVersion\": \"v1\", \"kind\": ");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.readDirectory(dir));
        assertEquals(2, e.errors().size(), e.errors().toString());
        assertEquals(dir.resolve("a.yaml") + ": Pod/web: foo: unknown field", e.errors().get(0));
        assertTrue(e.errors().get(1).startsWith(dir.resolve("b.json") + ": line 1, column "), e.errors().get(1));
    }

    @Test
    void reportsAMissingFileAndAnEmptyDirectory(@TempDir Path dir) {
        ManifestException missing = assertThrows(ManifestException.class,
                () -> ManifestReader.readFile(dir.resolve("nope.yaml")));
        assertEquals(List.of(dir.resolve("nope.yaml") + ": no such file"), missing.errors());
        ManifestException empty = assertThrows(ManifestException.class, () -> ManifestReader.readDirectory(dir));
        assertEquals(List.of(dir + ": no manifest files (*.yaml, *.yml, *.json)"), empty.errors());
    }

    @Test
    void refusesAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9});
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.readFile(file));
        assertEquals(List.of(file + ": not UTF-8 text"), e.errors());
    }
}
