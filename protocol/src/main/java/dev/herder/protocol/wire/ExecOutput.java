package dev.herder.protocol.wire;

import java.util.Arrays;

/**
 * What flows back from an attached exec ({@link ContainerAttachReply}): bytes the command wrote on stdout or on
 * stderr (with a terminal, everything comes as stdout), then one end: the command's exit code, or why it could
 * not be run or followed to its end.
 */
public sealed interface ExecOutput extends WireMessage {

    /** Bytes the command wrote on stdout. */
    record Stdout(byte[] data) implements ExecOutput {
        @Override
        public boolean equals(Object other) {
            return other instanceof Stdout s && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Stdout[" + data.length + " bytes]";
        }
    }

    /** Bytes the command wrote on stderr. */
    record Stderr(byte[] data) implements ExecOutput {
        @Override
        public boolean equals(Object other) {
            return other instanceof Stderr s && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Stderr[" + data.length + " bytes]";
        }
    }

    /** The command ended with this exit code. */
    record Exited(int exitCode) implements ExecOutput {
    }

    /** The command could not be run, or its end could not be seen; message says what is wrong. */
    record Failed(String message) implements ExecOutput {
    }
}
