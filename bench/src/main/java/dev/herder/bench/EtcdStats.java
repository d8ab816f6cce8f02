package dev.herder.bench;

import dev.herder.controlplane.store.EtcdMembers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One etcd member's footprint as the machine sees it: its resident set (/proc/PID/status VmRSS), the size of its
 * data folder (every file in it: the write-ahead log, whose segments etcd preallocates at 64 MiB, its snapshots and
 * the bbolt database), and of the database file alone (member/snap/db: every key's revisions not yet compacted).
 * -1 for a figure that could not be read.
 */
record EtcdStats(long rssMiB, long dataBytes, long dbBytes) {
    private static final long BYTES_PER_MIB = 1024 * 1024;
    private static final Path DB = Path.of("member", "snap", "db");

    /** Every member's figures, in member order. */
    static List<EtcdStats> of(EtcdMembers members) {
        List<EtcdStats> out = new ArrayList<>();
        for (int m = 1; m <= members.size(); m++) {
            Path data = members.dataDir(m);
            long rss = members.pid(m).stream().map(JvmStats::rss).findFirst().orElse(-1);
            out.add(new EtcdStats(rss, folderBytes(data), fileBytes(data.resolve(DB))));
        }
        return out;
    }

    long dataMiB() {
        return dataBytes < 0 ? -1 : dataBytes / BYTES_PER_MIB;
    }

    long dbMiB() {
        return dbBytes < 0 ? -1 : dbBytes / BYTES_PER_MIB;
    }

    private static long folderBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(EtcdStats::fileBytes).filter(b -> b > 0).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static long fileBytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
