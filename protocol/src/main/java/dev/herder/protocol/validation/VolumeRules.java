package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import dev.herder.protocol.api.EmptyDirVolumeSource;
import dev.herder.protocol.api.HostPathVolumeSource;
import dev.herder.protocol.api.Quantity;
import dev.herder.protocol.api.Volume;
import dev.herder.protocol.api.VolumeMount;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pod volumes (emptyDir, hostPath) and the containers' mounts of them. */
final class VolumeRules {
    static final String ONE_SOURCE = "must specify exactly one source: emptyDir or hostPath";
    static final List<String> HOST_PATH_TYPES = List.of("", "DirectoryOrCreate", "Directory", "FileOrCreate",
            "File", "Socket", "CharDevice", "BlockDevice");
    static final List<String> EMPTY_DIR_MEDIA = List.of("", "Memory");

    private VolumeRules() {
    }

    /** Checks the volumes and returns their names. */
    static Set<String> volumes(List<Volume> volumes, String path, Errors errors) {
        Set<String> names = new HashSet<>();
        if (volumes == null) {
            return names;
        }
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            String at = index(path, i);
            if (v == null) {
                errors.required(at);
                continue;
            }
            if (errors.requireText(child(at, "name"), v.name())) {
                errors.check(child(at, "name"), Names.dns1123Label(v.name()));
                if (!names.add(v.name())) {
                    errors.add(child(at, "name"), "duplicate name " + Names.quote(v.name()));
                }
            }
            if ((v.emptyDir() == null) == (v.hostPath() == null)) {
                errors.add(at, ONE_SOURCE);
            }
            hostPath(v.hostPath(), child(at, "hostPath"), errors);
            emptyDir(v.emptyDir(), child(at, "emptyDir"), errors);
        }
        return names;
    }

    static void mounts(List<VolumeMount> mounts, String path, Set<String> volumes, Errors errors) {
        if (mounts == null) {
            return;
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            VolumeMount m = mounts.get(i);
            String at = index(path, i);
            if (m == null) {
                errors.required(at);
                continue;
            }
            if (errors.requireText(child(at, "name"), m.name()) && !volumes.contains(m.name())) {
                errors.add(child(at, "name"), "no volume named " + Names.quote(m.name()) + " in this pod");
            }
            if (errors.requireText(child(at, "mountPath"), m.mountPath())) {
                if (!m.mountPath().startsWith("/")) {
                    errors.add(child(at, "mountPath"), "must be an absolute path");
                } else if (!paths.add(m.mountPath())) {
                    errors.add(child(at, "mountPath"), "duplicate mount path " + Names.quote(m.mountPath()));
                }
            }
            String sub = m.subPath();
            if (sub != null && !sub.isEmpty() && (sub.startsWith("/") || List.of(sub.split("/")).contains(".."))) {
                errors.add(child(at, "subPath"), "must be a relative path without '..'");
            }
        }
    }

    private static void hostPath(HostPathVolumeSource source, String path, Errors errors) {
        if (source == null) {
            return;
        }
        if (errors.requireText(child(path, "path"), source.path()) && !source.path().startsWith("/")) {
            errors.add(child(path, "path"), "must be an absolute path");
        }
        errors.oneOf(child(path, "type"), source.type(), HOST_PATH_TYPES);
    }

    private static void emptyDir(EmptyDirVolumeSource source, String path, Errors errors) {
        if (source == null) {
            return;
        }
        errors.oneOf(child(path, "medium"), source.medium(), EMPTY_DIR_MEDIA);
        if (source.sizeLimit() != null && !Quantity.isValid(source.sizeLimit())) {
            errors.add(child(path, "sizeLimit"), "invalid value " + Names.quote(source.sizeLimit())
                    + ": must be a quantity such as 64Mi or 1G");
        }
    }
}
