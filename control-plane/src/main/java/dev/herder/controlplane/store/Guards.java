package dev.herder.controlplane.store;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Txn;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the ops of one etcd txn are written: If holds the guard of every guarded op, Then the writes, Else a get of
 * every guarded key, so that a txn that failed says which guards did not hold ({@link #conflict}).
 */
final class Guards {
    /** The Else gets need a key's mod_revision (or its absence), not its value. */
    private static final GetOption REVISION_ONLY = GetOption.builder().withKeysOnly(true).build();

    private Guards() {
    }

    /** The txn of these ops (which name different keys). */
    static Txn txn(Txn txn, List<Op> ops) {
        List<Cmp> guards = new ArrayList<>();
        List<io.etcd.jetcd.op.Op> writes = new ArrayList<>();
        List<io.etcd.jetcd.op.Op> reads = new ArrayList<>();
        for (Op op : ops) {
            ByteSequence key = bytes(op.key());
            Cmp guard = guard(op, key);
            if (guard != null) {
                guards.add(guard);
                reads.add(io.etcd.jetcd.op.Op.get(key, REVISION_ONLY));
            }
            writes.add(write(op, key));
        }
        return txn.If(guards.toArray(Cmp[]::new))
                .Then(writes.toArray(io.etcd.jetcd.op.Op[]::new))
                .Else(reads.toArray(io.etcd.jetcd.op.Op[]::new));
    }

    /** What an op weighs in a txn request: its key and value. */
    static long bytes(Op op) {
        long key = op.key().getBytes(StandardCharsets.UTF_8).length;
        if (op instanceof Op.Create c) {
            return key + c.value().length;
        } else if (op instanceof Op.Update u) {
            return key + u.value().length;
        } else if (op instanceof Op.Put p) {
            return key + p.value().length;
        }
        return key;
    }

    static boolean guarded(Op op) {
        return !(op instanceof Op.Put);
    }

    /** The conflict of op when its key is now current (null: missing), or null when its guard holds. */
    static Outcome.Conflict conflict(Op op, KeyValue current) {
        long revision = current == null ? 0 : current.getModRevision();
        boolean holds;
        if (op instanceof Op.Create) {
            holds = current == null;
        } else if (op instanceof Op.Update u) {
            holds = revision == u.expectedRevision();
        } else if (op instanceof Op.Delete d) {
            holds = current != null && (d.expectedRevision() == 0 || revision == d.expectedRevision());
        } else {
            holds = true;
        }
        return holds ? null : new Outcome.Conflict(revision);
    }

    static ByteSequence bytes(String key) {
        return ByteSequence.from(key, StandardCharsets.UTF_8);
    }

    private static Cmp guard(Op op, ByteSequence key) {
        if (op instanceof Op.Create) {
            return new Cmp(key, Cmp.Op.EQUAL, CmpTarget.version(0));
        } else if (op instanceof Op.Update u) {
            return new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(u.expectedRevision()));
        } else if (op instanceof Op.Delete d) {
            return d.expectedRevision() > 0
                    ? new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(d.expectedRevision()))
                    : new Cmp(key, Cmp.Op.GREATER, CmpTarget.version(0));
        }
        return null;
    }

    private static io.etcd.jetcd.op.Op write(Op op, ByteSequence key) {
        if (op instanceof Op.Create c) {
            return put(key, c.value(), c.lease());
        } else if (op instanceof Op.Update u) {
            return put(key, u.value(), u.lease());
        } else if (op instanceof Op.Put p) {
            return put(key, p.value(), p.lease());
        } else if (op instanceof Op.Delete) {
            return io.etcd.jetcd.op.Op.delete(key, DeleteOption.DEFAULT);
        }
        throw new IllegalArgumentException("unknown op " + op);
    }

    private static io.etcd.jetcd.op.Op put(ByteSequence key, byte[] value, long lease) {
        PutOption option = lease > 0 ? PutOption.builder().withLeaseId(lease).build() : PutOption.DEFAULT;
        return io.etcd.jetcd.op.Op.put(key, ByteSequence.from(value), option);
    }
}
