package dev.herder.agent.access;

import dev.herder.protocol.wire.ContainerLogsReply;

/**
 * Which part of a container's whole output one answer carries. From an offset: what follows it, at most max
 * characters (the caller asks again from nextOffset for the rest); an offset past the end (the output is
 * shorter than before: a new container) starts again from the beginning. Without an offset: the last tail
 * lines (all when tail is null), keeping only the last max characters when that is more.
 */
public record LogWindow(String text, long nextOffset, boolean truncated) {

    public static LogWindow of(String all, Integer tail, Long fromOffset) {
        return of(all, tail, fromOffset, ContainerLogsReply.MAX_CHARS);
    }

    static LogWindow of(String all, Integer tail, Long fromOffset, int max) {
        int length = all.length();
        if (fromOffset != null) {
            int start = fromOffset < 0 || fromOffset > length ? 0 : fromOffset.intValue();
            int end = (int) Math.min(length, (long) start + max);
            return new LogWindow(all.substring(start, end), end, end < length);
        }
        int start = tail == null ? 0 : startOfLastLines(all, tail);
        boolean truncated = length - start > max;
        if (truncated) {
            start = length - max;
        }
        return new LogWindow(all.substring(start), length, truncated);
    }

    /** Where the last n lines begin; a final newline ends the last line rather than starting an empty one. */
    static int startOfLastLines(String all, int n) {
        if (n <= 0) {
            return all.length();
        }
        int pos = all.endsWith("\n") ? all.length() - 1 : all.length();
        for (int seen = 0; pos > 0; pos--) {
            if (all.charAt(pos - 1) == '\n' && ++seen == n) {
                return pos;
            }
        }
        return 0;
    }
}
