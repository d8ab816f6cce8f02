package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Facts about the machine and the agent. */
public record NodeSystemInfo(
    String machineID,
    String operatingSystem,
    String architecture,
    String kubeletVersion,
    String containerRuntimeVersion) {}
