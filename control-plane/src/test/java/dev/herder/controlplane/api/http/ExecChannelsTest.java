package dev.herder.controlplane.api.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framing of Kubernetes' exec channels, both ways. */
class ExecChannelsTest {
    private static final List<String> COMMAND = List.of("sh", "-c", "exit 3");

    @Test
    void decodesStdinResizeAndTheEndOfStdin() {
        assertEquals(List.of(new ExecInput.Stdin(bytes("hi"))), ExecChannels.decode(message(0, bytes("hi")), true));
        assertEquals(List.of(new ExecInput.Resize(91, 27)),
                ExecChannels.decode(message(4, bytes("{\"Width\":91,\"Height\":27}")), true));
        assertEquals(List.of(new ExecInput.CloseStdin()), ExecChannels.decode(message(255, new byte[] {0}), true));
    }

    @Test
    void splitsLongStdinIntoPiecesTheClusterCarries() {
        byte[] data = new byte[ExecChannels.MAX_STDIN * 2 + 5];
        List<ExecInput> pieces = ExecChannels.decode(message(0, data), true);
        assertEquals(List.of(new ExecInput.Stdin(new byte[ExecChannels.MAX_STDIN]),
                new ExecInput.Stdin(new byte[ExecChannels.MAX_STDIN]), new ExecInput.Stdin(new byte[5])), pieces);
    }

    @Test
    void ignoresWhatCarriesNothingAndChannelsNotServed() {
        assertEquals(List.of(), ExecChannels.decode(new byte[0], true));
        assertEquals(List.of(), ExecChannels.decode(message(0, new byte[0]), true));
        assertEquals(List.of(), ExecChannels.decode(message(255, new byte[] {0}), false), "v4 has no close signal");
        assertEquals(List.of(), ExecChannels.decode(message(255, new byte[] {1}), true), "only stdin is closed");
        assertEquals(List.of(), ExecChannels.decode(message(4, bytes("{\"Width\":0,\"Height\":0}")), true));
        assertEquals(List.of(), ExecChannels.decode(message(4, bytes("not json")), true));
        assertEquals(List.of(), ExecChannels.decode(message(9, bytes("x")), true));
    }

    @Test
    void encodesOutputOnItsChannel() {
        assertArrayEquals(message(1, bytes("out")), ExecChannels.encode(new ExecOutput.Stdout(bytes("out")), COMMAND));
        assertArrayEquals(message(2, bytes("err")), ExecChannels.encode(new ExecOutput.Stderr(bytes("err")), COMMAND));
    }

    @Test
    void encodesTheOutcomeAsAStatusKubectlExitsWith() throws Exception {
        assertEquals("Success", status(new ExecOutput.Exited(0)).path("status").asText());
        JsonNode failed = status(new ExecOutput.Exited(3));
        assertEquals("Failure", failed.path("status").asText());
        assertEquals("NonZeroExitCode", failed.path("reason").asText());
        assertEquals("ExitCode", failed.path("details").path("causes").get(0).path("reason").asText());
        assertEquals("3", failed.path("details").path("causes").get(0).path("message").asText());
        JsonNode broken = status(new ExecOutput.Failed("pod \"x\" has no container \"db\""));
        assertEquals("Failure", broken.path("status").asText());
        assertEquals("pod \"x\" has no container \"db\"", broken.path("message").asText());
    }

    private static JsonNode status(ExecOutput output) throws Exception {
        byte[] message = ExecChannels.encode(output, COMMAND);
        assertEquals(3, message[0]);
        return Json.mapper().readTree(Arrays.copyOfRange(message, 1, message.length));
    }

    private static byte[] message(int channel, byte[] data) {
        byte[] message = new byte[data.length + 1];
        message[0] = (byte) channel;
        System.arraycopy(data, 0, message, 1, data.length);
        return message;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
