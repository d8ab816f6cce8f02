package dev.herder.protocol.wire;

import java.util.Arrays;

/**
 * What flows to an attached exec ({@link ContainerAttachRequest}): bytes for the command's stdin, the end of its
 * stdin, or a new size of its terminal. Each element of the stream crosses the cluster on its own.
 */
public sealed interface ExecInput extends WireMessage {

    /** Bytes for the command's stdin. */
    record Stdin(byte[] data) implements ExecInput {
        @Override
        public boolean equals(Object other) {
            return other instanceof Stdin s && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Stdin[" + data.length + " bytes]";
        }
    }

    /** The end of the command's stdin: it reads end-of-file once what came before is read. */
    record CloseStdin() implements ExecInput {
    }

    /** The terminal's size in columns (width) and rows (height). */
    record Resize(int width, int height) implements ExecInput {
    }
}
