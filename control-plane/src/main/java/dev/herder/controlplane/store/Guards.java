package dev.herder.controlplane.store;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Txn;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How the ops of one etcd txn are written. The txn has no guard of its own: each guarded op is a txn nested in it
 * (If its guard, Then its write, Else a read of its key's revision), an unguarded Put a plain put. So the txn always
 * goes through, each guard is judged on its own (a conflict fails only its op), and a nested txn that failed says
 * the key's revision at that moment ({@link #outcomes}).
 */
final class Guards {
    /** The Else read needs a key's mod_revision (or its absence), not its value. */
    private static final GetOption REVISION_ONLY = GetOption.builder().withKeysOnly(true).build();

    private Guards() {
    }

    /** The txn of these ops (which name different keys). */
    static Txn txn(Txn txn, List<Op> ops) {
        List<io.etcd.jetcd.op.Op> then = new ArrayList<>(ops.size());
        for (Op op : ops) {
            ByteSequence key = bytes(op.key());
            Cmp guard = guard(op, key);
            io.etcd.jetcd.op.Op write = write(op, key);
            then.add(guard == null ? write : io.etcd.jetcd.op.Op.txn(new Cmp[] {guard},
                    new io.etcd.jetcd.op.Op[] {write},
                    new io.etcd.jetcd.op.Op[] {io.etcd.jetcd.op.Op.get(key, REVISION_ONLY)}));
        }
        return txn.Then(then.toArray(io.etcd.jetcd.op.Op[]::new));
    }

    /** One outcome per op of {@link #txn}, in order, from etcd's answer. */
    static List<Outcome> outcomes(List<Op> ops, TxnResponse response) {
        Outcome written = new Outcome.Written(response.getHeader().getRevision());
        Iterator<TxnResponse> nested = response.getTxnResponses().iterator();
        List<Outcome> outcomes = new ArrayList<>(ops.size());
        for (Op op : ops) {
            if (!guarded(op)) {
                outcomes.add(written);
                continue;
            }
            TxnResponse judged = nested.next();
            if (judged.isSucceeded()) {
                outcomes.add(written);
            } else {
                List<KeyValue> current = judged.getGetResponses().get(0).getKvs();
                outcomes.add(new Outcome.Conflict(current.isEmpty() ? 0 : current.get(0).getModRevision()));
            }
        }
        return outcomes;
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

    private static boolean guarded(Op op) {
        return !(op instanceof Op.Put);
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
