package dev.herder.agent.pods;

import dev.herder.protocol.api.Container;

/** Kubernetes' default imagePullPolicy: Always for a :latest or untagged image, IfNotPresent otherwise. */
final class ImagePolicy {
    private ImagePolicy() {
    }

    static String of(Container c) {
        if (c.imagePullPolicy() != null) {
            return c.imagePullPolicy();
        }
        String image = c.image();
        String last = image.substring(image.lastIndexOf('/') + 1);
        boolean tagged = last.contains(":") && !image.contains("@");
        return !tagged || last.endsWith(":latest") ? "Always" : "IfNotPresent";
    }
}
