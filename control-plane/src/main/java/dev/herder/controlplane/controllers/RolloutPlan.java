package dev.herder.controlplane.controllers;

import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a replication controller does next, given its pods: how many pods of its current template to create
 * and which pods to delete. Pure, and made again from the pods' template-hash labels at every step, so a
 * rollout resumes where it was after any failover: nothing but the store says where it is.
 *
 * <p>With every pod on the current template it keeps {@code replicas} of them. With pods of an older template
 * it rolls, as Kubernetes' Deployment controller does: new pods are created while the total stays within
 * {@code replicas + maxSurge}; old pods are deleted, unavailable ones first, while the available ones stay at
 * least {@code replicas - maxUnavailable}. A pod is available once it has been Ready for minReadySeconds.
 *
 * @param create how many new pods to create
 * @param delete the names of the pods to delete
 */
public record RolloutPlan(int create, List<String> delete) {
    /** Unbound before bound, not ready before ready, newest before oldest. */
    static final Comparator<ReplicationControllerCommand.PodSummary> SURPLUS_FIRST = Comparator
            .comparing((ReplicationControllerCommand.PodSummary p) -> p.nodeName() != null)
            .thenComparing(ReplicationControllerCommand.PodSummary::ready)
            .thenComparing(p -> String.valueOf(p.created()), Comparator.reverseOrder());

    /**
     * @param hash      the current template's hash
     * @param observed  the controller's active pods as the Master last saw them
     * @param creating  pods created and not seen yet (they count as new and unavailable)
     * @param deleting  pods asked to be deleted that the Master still reports: they are not deleted again and
     *                  are unavailable, but count towards maxSurge until the Master no longer sees them (so that a
     *                  reader of the store never sees an old pod and its replacement beyond the surge)
     */
    public static RolloutPlan of(ReplicationControllerSpec spec, String hash, List<ReplicationControllerCommand.PodSummary> observed,
                                 int creating, Set<String> deleting, Instant now) {
        int replicas = spec.replicas() == null ? 1 : spec.replicas();
        List<ReplicationControllerCommand.PodSummary> present = observed.stream().filter(ReplicationControllerCommand.PodSummary::active)
                .toList();
        List<ReplicationControllerCommand.PodSummary> candidates = present.stream()
                .filter(p -> !deleting.contains(p.name())).toList();
        List<ReplicationControllerCommand.PodSummary> fresh = candidates.stream().filter(p -> hash.equals(p.templateHash())).toList();
        List<ReplicationControllerCommand.PodSummary> old = candidates.stream().filter(p -> !hash.equals(p.templateHash())).toList();
        int newCount = fresh.size() + creating;
        if (old.isEmpty()) {
            if (newCount < replicas) {
                return new RolloutPlan(replicas - newCount, List.of());
            }
            int surplus = Math.min(newCount - replicas, fresh.size());
            return new RolloutPlan(0, fresh.stream().sorted(SURPLUS_FIRST).limit(surplus)
                    .map(ReplicationControllerCommand.PodSummary::name).toList());
        }
        if (Boolean.TRUE.equals(spec.paused())) {
            return new RolloutPlan(0, List.of());
        }
        int maxSurge = maxSurge(spec, replicas);
        int maxUnavailable = maxUnavailable(spec, replicas, maxSurge);
        int minReady = spec.minReadySeconds() == null ? 0 : spec.minReadySeconds();
        int total = present.size() + creating;
        int create = Math.max(0, Math.min(replicas - newCount, replicas + maxSurge - total));

        List<String> delete = new ArrayList<>();
        if (newCount > replicas) {
            // scaled down mid-rollout: the surplus of new pods goes first
            fresh.stream().sorted(SURPLUS_FIRST).limit(newCount - replicas)
                    .forEach(p -> delete.add(p.name()));
        }
        int newAvailable = (int) fresh.stream().filter(p -> available(p, minReady, now)).count();
        int oldAvailable = (int) old.stream().filter(p -> available(p, minReady, now)).count();
        int minAvailable = replicas - maxUnavailable;
        // Kubernetes' bound: old pods may go while all but the unavailable new ones stay above minAvailable;
        // unavailable old pods go first (they cost no availability), available ones only within the budget
        int scaleDown = old.size() + newAvailable - minAvailable;
        int budget = oldAvailable + newAvailable - minAvailable;
        for (ReplicationControllerCommand.PodSummary p : old.stream().filter(p -> !available(p, minReady, now))
                .sorted(SURPLUS_FIRST).toList()) {
            if (scaleDown <= 0) {
                break;
            }
            delete.add(p.name());
            scaleDown--;
        }
        for (ReplicationControllerCommand.PodSummary p : old.stream().filter(p -> available(p, minReady, now))
                .sorted(SURPLUS_FIRST).toList()) {
            if (scaleDown <= 0 || budget <= 0) {
                break;
            }
            delete.add(p.name());
            scaleDown--;
            budget--;
        }
        return new RolloutPlan(create, delete);
    }

    static boolean available(ReplicationControllerCommand.PodSummary p, int minReadySeconds, Instant now) {
        return p.ready() && (minReadySeconds == 0 || p.readySince() == null
                || !Instant.parse(p.readySince()).plusSeconds(minReadySeconds).isAfter(now));
    }

    /** maxSurge as a number of pods: a percentage of replicas rounded up; 1 when not given. */
    static int maxSurge(ReplicationControllerSpec spec, int replicas) {
        IntOrString v = spec.strategy() == null || spec.strategy().rollingUpdate() == null ? null
                : spec.strategy().rollingUpdate().maxSurge();
        return v == null ? 1 : resolve(v, replicas, true);
    }

    /** maxUnavailable as a number of pods: a percentage rounded down; 0 when not given; 1 if both would be 0. */
    static int maxUnavailable(ReplicationControllerSpec spec, int replicas, int maxSurge) {
        IntOrString v = spec.strategy() == null || spec.strategy().rollingUpdate() == null ? null
                : spec.strategy().rollingUpdate().maxUnavailable();
        int resolved = v == null ? 0 : resolve(v, replicas, false);
        return resolved == 0 && maxSurge == 0 ? 1 : resolved;
    }

    private static int resolve(IntOrString v, int replicas, boolean roundUp) {
        if (v.isInt()) {
            return v.intValue();
        }
        int percent = Integer.parseInt(v.stringValue().replace("%", "").strip());
        return roundUp ? (replicas * percent + 99) / 100 : replicas * percent / 100;
    }
}
