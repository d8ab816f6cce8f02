package dev.herder.controlplane.controllers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herder.protocol.api.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short name for a pod template, the same on every node and JVM (map keys sorted before hashing): the
 * label {@value #LABEL} on a controller's pods says which template each was made from, so a rollout knows
 * old pods from new ones however often the Master or the controller moves.
 */
public final class TemplateHash {
    public static final String LABEL = "herder.dev/template-hash";
    private static final int CHARS = 10;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    private TemplateHash() {
    }

    public static String of(PodTemplateSpec template) {
        try {
            byte[] json = CANONICAL.writeValueAsString(template).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, CHARS);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a pod template: " + e.getMessage(), e);
        }
    }
}
