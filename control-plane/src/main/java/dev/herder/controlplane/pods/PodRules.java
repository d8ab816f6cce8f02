package dev.herder.controlplane.pods;

import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.objects.KindRules;
import dev.herder.controlplane.objects.Versions;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.EntityMessage;
import dev.herder.protocol.wire.PodStatusReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pod's particular rules: it starts Pending; once bound to a node only its images may change; the
 * Master binds it and says why it cannot be placed; its agent reports what runs, in versioned snapshots.
 */
public final class PodRules implements KindRules {
    private long lastReportVersion;

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

    @Override
    public Reaction onMessage(EntityMessage message, Optional<ApiObject> current, Instant now) {
        Optional<Pod> pod = current.map(Pod.class::cast);
        if (message instanceof PodCommands.Bind bind) {
            return onBind(bind, pod, now);
        } else if (message instanceof PodCommands.MarkUnschedulable mark) {
            return onUnschedulable(mark, pod, now);
        } else if (message instanceof PodStatusReport report) {
            return onReport(report, pod, now);
        } else if (message instanceof PodCommands.MarkFailed failed) {
            return onFailed(failed, pod, now);
        }
        return Reaction.none();
    }

    private Reaction onBind(PodCommands.Bind bind, Optional<Pod> current, Instant now) {
        if (current.isEmpty() || !current.get().metadata().uid().equals(bind.uid())) {
            return new Reaction(null, o -> bind.replyTo().tell(new PodCommands.BindResult(null, null,
                    ApiError.notFound("the pod to bind is gone"))), e -> { });
        }
        Pod pod = current.get();
        if (pod.spec().nodeName() != null) {
            return new Reaction(null, o -> bind.replyTo().tell(new PodCommands.BindResult(pod.key(), pod, null)), e -> { });
        }
        PodCondition scheduled = new PodCondition(PodConditions.SCHEDULED, "True", null, null, null, now.toString());
        Pod bound = (Pod) ApiObjects.withVersion(pod.withSpec(PodSpecs.withNodeName(pod.spec(), bind.nodeName()))
                .withStatus(PodConditions.withCondition(pod.status(), scheduled)), Versions.next(pod.metadata().resourceVersion(), now));
        return new Reaction(bound,
                stored -> bind.replyTo().tell(new PodCommands.BindResult(bound.key(), bound, null)),
                error -> bind.replyTo().tell(new PodCommands.BindResult(bound.key(), null, error)));
    }

    private Reaction onUnschedulable(PodCommands.MarkUnschedulable mark, Optional<Pod> current, Instant now) {
        if (current.isEmpty() || current.get().spec().nodeName() != null || !current.get().metadata().uid().equals(mark.uid())) {
            return Reaction.none();
        }
        Pod pod = current.get();
        PodCondition was = PodConditions.find(pod.status(), PodConditions.SCHEDULED);
        if (was != null && mark.message().equals(was.message())) {
            return Reaction.none();
        }
        PodCondition unschedulable = new PodCondition(PodConditions.SCHEDULED, "False", PodConditions.UNSCHEDULABLE,
                mark.message(), null, now.toString());
        return Reaction.write(ApiObjects.withVersion(pod.withStatus(PodConditions.withCondition(pod.status(), unschedulable)),
                Versions.next(pod.metadata().resourceVersion(), now)));
    }

    private Reaction onFailed(PodCommands.MarkFailed failed, Optional<Pod> current, Instant now) {
        if (current.isEmpty() || !current.get().metadata().uid().equals(failed.uid()) || PodCommands.ended(current.get())) {
            return Reaction.none();
        }
        Pod pod = current.get();
        PodStatus was = pod.status();
        PodCondition notReady = new PodCondition("Ready", "False", failed.reason(), failed.message(), null, now.toString());
        PodStatus status = new PodStatus("Failed", PodConditions.with(was == null ? null : was.conditions(), notReady),
                failed.message(), failed.reason(), was == null ? null : was.hostIP(), was == null ? null : was.podIP(),
                was == null ? null : was.startTime(), was == null ? null : was.containerStatuses());
        return Reaction.write(ApiObjects.withVersion(pod.withStatus(status), Versions.next(pod.metadata().resourceVersion(), now)));
    }

    private Reaction onReport(PodStatusReport report, Optional<Pod> current, Instant now) {
        if (current.isEmpty() || report.version() <= lastReportVersion || PodCommands.ended(current.get())) {
            return Reaction.none();
        }
        Pod pod = current.get();
        if (!pod.metadata().uid().equals(report.uid()) || !report.nodeName().equals(pod.spec().nodeName())) {
            return Reaction.none();
        }
        lastReportVersion = report.version();
        PodStatus reported = report.status();
        PodCondition scheduled = PodConditions.find(pod.status(), PodConditions.SCHEDULED);
        PodStatus merged = new PodStatus(reported.phase(),
                scheduled == null ? reported.conditions() : PodConditions.with(reported.conditions(), scheduled),
                reported.message(), reported.reason(), reported.hostIP(), reported.podIP(), reported.startTime(),
                reported.containerStatuses());
        if (merged.equals(pod.status())) {
            return Reaction.none();
        }
        return Reaction.write(ApiObjects.withVersion(pod.withStatus(merged), Versions.next(pod.metadata().resourceVersion(), now)));
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
