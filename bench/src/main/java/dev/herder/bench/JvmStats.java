package dev.herder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running JVM's memory as the machine sees it: its heap in use (jcmd GC.heap_info) and its resident set. */
record JvmStats(long heapUsedMiB, long heapLiveMiB, long rssMiB) {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final long JCMD_WAIT_SECONDS = 60;
    private static final long KIB_PER_MIB = 1024;

    /** The heap in use now, then after a full GC (the live set), and the RSS; -1 for a figure that could not be read. */
    static JvmStats of(long pid) {
        long used = heapUsed(pid);
        jcmd(pid, "GC.run");
        return new JvmStats(used, heapUsed(pid), rss(pid));
    }

    /** Sum of the generations' "used" figures (a SerialGC heap has a young and an old one; metaspace is left out). */
    static long heapUsed(long pid) {
        String out = jcmd(pid, "GC.heap_info");
        long kib = 0;
        boolean any = false;
        for (String line : out.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (line.contains("generation") && m.find()) {
                kib += Long.parseLong(m.group(1));
                any = true;
            }
        }
        return any ? kib / KIB_PER_MIB : -1;
    }

    static long rss(long pid) {
        try {
            Matcher m = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) / KIB_PER_MIB : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(JCMD_WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
