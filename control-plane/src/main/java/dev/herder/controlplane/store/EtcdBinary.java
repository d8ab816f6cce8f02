package dev.herder.controlplane.store;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where the etcd program is, and what it needs to be told to run here. */
final class EtcdBinary {
    static final String MISSING = "etcd not found: install Debian's etcd-server and etcd-client "
            + "(apt-get install -y etcd-server etcd-client; deploy/test.sh and herder local up do this)";
    private static final Path DEBIAN = Path.of("/usr/bin/etcd");

    private EtcdBinary() {
    }

    /** etcd on the PATH, else Debian's; fails with a message naming the fix when there is none. */
    static Path find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, "etcd");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        if (Files.isExecutable(DEBIAN)) {
            return DEBIAN;
        }
        throw new IllegalStateException(MISSING);
    }

    /**
     * The value of ETCD_UNSUPPORTED_ARCH this machine needs, or null: etcd 3.4 starts on amd64 and ppc64le only
     * unless told to.
     */
    static String unsupportedArch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "ppc64le" -> null;
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }
}
