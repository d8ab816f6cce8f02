package dev.herder.controlplane.store;

import org.apache.pekko.cluster.ddata.Key;

/** The Distributed Data key of one {@link ObjectBucket}. */
public final class BucketKey extends Key<ObjectBucket> {
    public BucketKey(String id) {
        super(id);
    }
}
