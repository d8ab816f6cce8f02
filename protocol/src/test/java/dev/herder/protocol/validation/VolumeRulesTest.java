package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Volumes and mounts; each case breaks exactly one rule. */
class VolumeRulesTest {
    static final String DATA = "{name: data, emptyDir: {}}";

    static String spec(String volumes, String mounts) {
        return "{volumes: [" + volumes + "], containers: [{name: a, image: x, volumeMounts: [" + mounts + "]}]}";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(spec(DATA, "{name: logs, mountPath: /logs}"),
                        "spec.containers[0].volumeMounts[0].name: no volume named \"logs\" in this pod"),
                Arguments.of(spec(DATA, "{mountPath: /data}"), "spec.containers[0].volumeMounts[0].name: required"),
                Arguments.of(spec(DATA, "{name: data}"), "spec.containers[0].volumeMounts[0].mountPath: required"),
                Arguments.of(spec(DATA, "{name: data, mountPath: data}"),
                        "spec.containers[0].volumeMounts[0].mountPath: must be an absolute path"),
                Arguments.of(spec(DATA, "{name: data, mountPath: /d}, {name: data, mountPath: /d}"),
                        "spec.containers[0].volumeMounts[1].mountPath: duplicate mount path \"/d\""),
                Arguments.of(spec(DATA, "{name: data, mountPath: /d, subPath: ../etc}"),
                        "spec.containers[0].volumeMounts[0].subPath: must be a relative path without '..'"),
                Arguments.of(spec(DATA, "{name: data, mountPath: /d, subPath: /etc}"),
                        "spec.containers[0].volumeMounts[0].subPath: must be a relative path without '..'"),
                Arguments.of(spec(DATA + ", " + DATA, ""), "spec.volumes[1].name: duplicate name \"data\""),
                Arguments.of(spec("{emptyDir: {}}", ""), "spec.volumes[0].name: required"),
                Arguments.of(spec("{name: Data, emptyDir: {}}", ""),
                        "spec.volumes[0].name: invalid value \"Data\": " + Names.DNS1123_LABEL_RULE),
                Arguments.of(spec("{name: data}", ""),
                        "spec.volumes[0]: must specify exactly one source: emptyDir or hostPath"),
                Arguments.of(spec("{name: data, emptyDir: {}, hostPath: {path: /x}}", ""),
                        "spec.volumes[0]: must specify exactly one source: emptyDir or hostPath"),
                Arguments.of(spec("{name: data, hostPath: {path: var/log}}", ""),
                        "spec.volumes[0].hostPath.path: must be an absolute path"),
                Arguments.of(spec("{name: data, hostPath: {type: Directory}}", ""),
                        "spec.volumes[0].hostPath.path: required"),
                Arguments.of(spec("{name: data, hostPath: {path: /x, type: Folder}}", ""),
                        "spec.volumes[0].hostPath.type: unsupported value \"Folder\": must be one of \"\","
                                + " DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice, BlockDevice"),
                Arguments.of(spec("{name: data, emptyDir: {medium: Disk}}", ""),
                        "spec.volumes[0].emptyDir.medium: unsupported value \"Disk\": must be one of \"\", Memory"),
                Arguments.of(spec("{name: data, emptyDir: {sizeLimit: lots}}", ""),
                        "spec.volumes[0].emptyDir.sizeLimit: invalid value \"lots\": must be a quantity such as 64Mi"
                                + " or 1G"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheBrokenVolumeRule(String spec, String expected) {
        assertEquals(List.of(expected), errors(pod(spec)));
    }

    @ParameterizedTest
    @MethodSource("validSpecs")
    void acceptsValidVolumes(String spec) {
        assertEquals(List.of(), errors(pod(spec)));
    }

    static Stream<String> validSpecs() {
        return Stream.of(
                spec(DATA + ", {name: logs, hostPath: {path: /var/log, type: DirectoryOrCreate}},"
                                + " {name: tmp, emptyDir: {medium: Memory, sizeLimit: 64Mi}}",
                        "{name: data, mountPath: /data, subPath: sub/dir, readOnly: true}, {name: logs,"
                                + " mountPath: /logs}"));
    }
}
