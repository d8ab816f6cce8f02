package dev.herder.protocol.manifest;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.schema.UnknownFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests: YAML or JSON, several documents per file, kind List flattened.
 * Every object is checked against Kubernetes' schema for its kind: unknown fields are errors,
 * fields Herder does not act on yet are warnings. All errors of the input come at once, in one
 * ManifestException; nothing is returned unless everything read. Validation of values (names,
 * ports, ...) is the Validator's job, not the reader's.
 */
public final class ManifestReader {
    /** The file endings a directory read picks up. */
    public static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private ManifestReader() {
    }

    /** Reads manifest text; sourceName names it in messages (a file name, "<stdin>"). */
    public static ReadResult read(String text, String sourceName) {
        return read(text, sourceName, UnknownFields.STRICT);
    }

    /** Reads manifest text, with unknown fields errors, or dropped (with a warning, or silently). */
    public static ReadResult read(String text, String sourceName, UnknownFields unknownFields) {
        Problems problems = new Problems();
        List<ApiObject> objects = new ArrayList<>();
        readInto(text, sourceName, problems, objects, unknownFields);
        return problems.result(objects);
    }

    /** Reads a stream to its end as UTF-8 text, as for "-f -". */
    public static ReadResult read(InputStream in, String sourceName) {
        try {
            return read(decode(in.readAllBytes(), sourceName), sourceName);
        } catch (IOException e) {
            throw new ManifestException(List.of(sourceName + ": cannot read: " + e.getMessage()));
        }
    }

    /** A file, or every manifest file of a directory. */
    public static ReadResult read(Path path) {
        return Files.isDirectory(path) ? readDirectory(path) : readFile(path);
    }

    public static ReadResult readFile(Path file) {
        Problems problems = new Problems();
        List<ApiObject> objects = new ArrayList<>();
        readFileInto(file, problems, objects);
        return problems.result(objects);
    }

    /** Every *.yaml, *.yml and *.json file directly in the directory, in name order. */
    public static ReadResult readDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile).filter(ManifestReader::isManifest).sorted().toList();
        } catch (IOException e) {
            throw new ManifestException(List.of(dir + ": cannot list directory: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new ManifestException(List.of(dir + ": no manifest files (*.yaml, *.yml, *.json)"));
        }
        Problems problems = new Problems();
        List<ApiObject> objects = new ArrayList<>();
        files.forEach(f -> readFileInto(f, problems, objects));
        return problems.result(objects);
    }

    private static void readFileInto(Path file, Problems problems, List<ApiObject> objects) {
        String source = file.toString();
        try {
            readInto(decode(Files.readAllBytes(file), source), source, problems, objects, UnknownFields.STRICT);
        } catch (NoSuchFileException e) {
            problems.error(source + ": no such file");
        } catch (IOException e) {
            problems.error(source + ": cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            problems.error(e.getMessage());
        }
    }

    private static void readInto(String text, String source, Problems problems, List<ApiObject> objects,
                                 UnknownFields unknownFields) {
        DocumentParser.Parsed parsed = DocumentParser.parse(text, source);
        parsed.syntaxErrors().forEach(e -> problems.error(source + ": " + e));
        ObjectDecoder decoder = new ObjectDecoder(source, problems, unknownFields);
        parsed.documents().forEach(doc -> decoder.decode(doc, objects));
    }

    private static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(source + ": not UTF-8 text", e);
        }
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
