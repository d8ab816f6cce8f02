package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kubernetes' channel protocol of exec over a WebSocket (v4.channel.k8s.io and v5.channel.k8s.io): every binary
 * message is a channel byte and its bytes. From the client: 0 stdin, 4 the terminal's size as JSON
 * {"Width":..,"Height":..}, and in v5 255 closing a channel (its byte 0: stdin ends). To the client: 1 stdout,
 * 2 stderr, 3 the outcome as a Status (Success; Failure with reason NonZeroExitCode and an ExitCode cause, which
 * kubectl exits with; Failure naming what is wrong).
 */
final class ExecChannels {
    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int STATUS = 3;
    static final int RESIZE = 4;
    static final int CLOSE = 255;
    /** The most stdin bytes one input carries across the cluster (a longer message is split). */
    static final int MAX_STDIN = 32 * 1024;

    private ExecChannels() {
    }

    /** What one message from the client asks for: nothing for an empty one or one of a channel not served. */
    static List<ExecInput> decode(byte[] message, boolean v5) {
        if (message.length == 0) {
            return List.of();
        }
        byte[] data = Arrays.copyOfRange(message, 1, message.length);
        int channel = message[0] & 0xff;
        if (channel == STDIN) {
            List<ExecInput> pieces = new ArrayList<>();
            for (int at = 0; at < data.length; at += MAX_STDIN) {
                pieces.add(new ExecInput.Stdin(Arrays.copyOfRange(data, at, Math.min(data.length, at + MAX_STDIN))));
            }
            return pieces;
        }
        if (channel == RESIZE) {
            return resize(data);
        }
        if (v5 && channel == CLOSE && data.length > 0 && data[0] == STDIN) {
            return List.of(new ExecInput.CloseStdin());
        }
        return List.of();
    }

    /** The message that carries one output to the client. */
    static byte[] encode(ExecOutput output, List<String> command) {
        if (output instanceof ExecOutput.Stdout out) {
            return framed(STDOUT, out.data());
        }
        if (output instanceof ExecOutput.Stderr err) {
            return framed(STDERR, err.data());
        }
        ObjectNode status = output instanceof ExecOutput.Exited exited ? exited(exited.exitCode(), command)
                : failure(((ExecOutput.Failed) output).message());
        return framed(STATUS, Replies.bytes(status));
    }

    /** The outcome of a command that ended with this exit code, as the Kubernetes API server words it. */
    static ObjectNode exited(int exitCode, List<String> command) {
        ObjectNode status = Json.mapper().createObjectNode();
        status.putObject("metadata");
        if (exitCode == 0) {
            status.put("status", "Success");
            return status;
        }
        status.put("status", "Failure");
        status.put("message", "command terminated with non-zero exit code: error executing command " + command
                + ", exit code " + exitCode);
        status.put("reason", "NonZeroExitCode");
        ObjectNode cause = status.putObject("details").putArray("causes").addObject();
        cause.put("reason", "ExitCode");
        cause.put("message", Integer.toString(exitCode));
        return status;
    }

    /** A command that could not be run or followed, the message saying what is wrong. */
    static ObjectNode failure(String message) {
        ObjectNode status = Json.mapper().createObjectNode();
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", "InternalError");
        return status;
    }

    private static List<ExecInput> resize(byte[] json) {
        try {
            JsonNode size = Json.mapper().readTree(json);
            int width = size.path("Width").asInt(0);
            int height = size.path("Height").asInt(0);
            return width > 0 && height > 0 ? List.of(new ExecInput.Resize(width, height)) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static byte[] framed(int channel, byte[] data) {
        byte[] message = new byte[data.length + 1];
        message[0] = (byte) channel;
        System.arraycopy(data, 0, message, 1, data.length);
        return message;
    }
}
