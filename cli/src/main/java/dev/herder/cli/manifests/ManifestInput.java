package dev.herder.cli.manifests;

import dev.herder.cli.CliException;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.ManifestException;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.manifest.ReadResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the manifests named by -f: files, directories, or "-" for standard input. Every source is read before
 * any error is reported, so the user sees all the problems at once.
 */
public final class ManifestInput {
    public static final String STDIN = "-";
    private static final String STDIN_NAME = "<stdin>";

    private ManifestInput() {
    }

    /** The objects of every source, in order, with their warnings; throws {@link ManifestException} listing every error. */
    public static ReadResult read(List<String> sources, InputStream stdin) {
        List<ApiObject> objects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String source : sources) {
            try {
                ReadResult one = readOne(source, stdin);
                objects.addAll(one.objects());
                warnings.addAll(one.warnings());
            } catch (ManifestException e) {
                errors.addAll(e.errors());
                warnings.addAll(e.warnings());
            }
        }
        if (!errors.isEmpty()) {
            throw new ManifestException(errors, warnings);
        }
        return new ReadResult(objects, warnings);
    }

    private static ReadResult readOne(String source, InputStream stdin) {
        if (STDIN.equals(source)) {
            return ManifestReader.read(stdin, STDIN_NAME);
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) {
            throw new CliException("the path \"" + source + "\" does not exist");
        }
        return Files.isDirectory(path) ? ManifestReader.readDirectory(path) : ManifestReader.readFile(path);
    }
}
