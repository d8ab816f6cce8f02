package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** What a pod should run; desired state, set by users and controllers. */
public record PodSpec(
    List<Container> containers,
    List<Container> initContainers,
    List<Volume> volumes,
    String restartPolicy,
    Map<String, String> nodeSelector,
    String nodeName,
    Long terminationGracePeriodSeconds,
    Boolean hostNetwork,
    String hostname,
    String serviceAccountName) {}
