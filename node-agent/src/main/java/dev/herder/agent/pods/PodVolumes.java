package dev.herder.agent.pods;

import dev.herder.protocol.api.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;

/** A pod's emptyDir folders under the agent's data folder: made when the pod starts, removed with it. */
final class PodVolumes {
    private PodVolumes() {
    }

    static void makeEmptyDirs(Pod pod, Path dataDir, Logger log) {
        if (pod.spec().volumes() == null) {
            return;
        }
        pod.spec().volumes().stream().filter(v -> v.emptyDir() != null).forEach(v -> {
            try {
                Files.createDirectories(ContainerSpecs.emptyDir(dataDir, pod, v.name()));
            } catch (IOException e) {
                log.error("pod {}: cannot make emptyDir {}: {}", pod.key(), v.name(), e.getMessage());
            }
        });
    }

    /** Removes the pod's folder and everything in it (its emptyDirs). */
    static void removeAll(Pod pod, Path dataDir, Logger log) {
        Path podDir = dataDir.resolve("pods").resolve(pod.metadata().uid());
        if (!Files.exists(podDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(podDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("pod {}: could not remove {}: {}", pod.key(), podDir, e.getMessage());
        }
    }
}
