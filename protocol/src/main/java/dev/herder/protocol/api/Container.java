package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** One container of a pod. dependsOn is Herder's own: containers this one starts after. */
public record Container(
    String name,
    String image,
    List<String> command,
    List<String> args,
    String workingDir,
    List<EnvVar> env,
    List<ContainerPort> ports,
    ResourceRequirements resources,
    List<VolumeMount> volumeMounts,
    Probe livenessProbe,
    Probe readinessProbe,
    Probe startupProbe,
    Lifecycle lifecycle,
    String imagePullPolicy,
    List<String> dependsOn) {}
