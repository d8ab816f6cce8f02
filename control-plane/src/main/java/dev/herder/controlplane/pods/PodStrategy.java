package dev.herder.controlplane.pods;

import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.objects.KindStrategy;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.wire.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A pod as users write it: it starts Pending, and once bound to a node only its images may change. */
public final class PodStrategy implements KindStrategy {
    public static final PodStrategy INSTANCE = new PodStrategy();

    private PodStrategy() {
    }

    @Override
    public ApiObject onCreate(ApiObject created, Instant now) {
        return ((Pod) created).withStatus(PodConditions.pending());
    }

    @Override
    public Optional<ApiError> checkUpdate(ApiObject current, ApiObject incoming) {
        PodSpec was = ((Pod) current).spec();
        PodSpec now = PodSpecs.withNodeName(((Pod) incoming).spec(), was.nodeName());
        if (!Objects.equals(withoutImages(was), withoutImages(now))) {
            return Optional.of(ApiError.invalid(ApiObjects.describe(Pod.KIND, current.metadata().name())
                    + " is invalid: spec: Forbidden: pod updates may not change fields other than "
                    + "spec.containers[*].image; delete the pod and create it again, or use a ReplicationController"));
        }
        return Optional.empty();
    }

    @Override
    public ApiObject onUpdate(ApiObject current, ApiObject updated) {
        Pod pod = (Pod) updated;
        return pod.withSpec(PodSpecs.withNodeName(pod.spec(), ((Pod) current).spec().nodeName()));
    }

    private static PodSpec withoutImages(PodSpec s) {
        List<Container> containers = s.containers() == null ? null : s.containers().stream().map(c -> new Container(
                c.name(), null, c.command(), c.args(), c.workingDir(), c.env(), c.ports(), c.resources(), c.volumeMounts(),
                c.livenessProbe(), c.readinessProbe(), c.startupProbe(), c.lifecycle(), c.imagePullPolicy(), c.dependsOn()))
                .toList();
        return new PodSpec(containers, s.initContainers(), s.volumes(), s.restartPolicy(), s.nodeSelector(), s.nodeName(),
                s.terminationGracePeriodSeconds(), s.hostNetwork(), s.hostname(), s.serviceAccountName());
    }
}
