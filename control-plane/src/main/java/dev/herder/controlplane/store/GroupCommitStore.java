package dev.herder.controlplane.store;

import com.typesafe.config.Config;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ddata.DurableStore;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/**
 * Distributed Data's durable store with group commit: every write is on disk before it is acknowledged, as with
 * Pekko's LmdbDurableStore, but the writes that arrive while one commit runs are written together in the next
 * transaction, one fsync for all of them. Pekko's store commits each write alone, so a node could store only as
 * many writes a second as its disk can sync (about 150 here, shared by every bucket), and its write-behind mode,
 * which batches, acknowledges writes before they are on disk.
 *
 * <p>Plugged in through {@code pekko.cluster.distributed-data.durable.store-actor-class}; it speaks Pekko's
 * DurableStore protocol and keeps Pekko's on-disk format (same folder, database name, keys and values), so a data
 * folder written by either store is read by the other.
 */
public final class GroupCommitStore extends AbstractActor {
    private static final String DATABASE = "ddata";
    private static final int LOAD_CHUNK = 100;
    private static final Object FLUSH = "flush";

    private final LoggingAdapter log = Logging.getLogger(getContext().getSystem(), this);
    private final Config config;
    private final Serialization serialization;
    private final Serializer serializer;
    private String manifest;
    private Env<ByteBuffer> env;
    private Dbi<ByteBuffer> dbi;
    private ByteBuffer keyBuffer;
    private ByteBuffer valueBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Map<String, DurableStore.DurableDataEnvelope> pending = new LinkedHashMap<>();
    /**
     * Per key, the value last written. The replicator asks to store a key after every gossip or delta it merges,
     * also when the merge changed nothing (it then hands over the very value it handed before), and those writes
     * are skipped. Weak: the store keeps no old value alive.
     */
    private final Map<String, java.lang.ref.WeakReference<org.apache.pekko.cluster.ddata.ReplicatedData>> written =
            new HashMap<>();
    private final List<DurableStore.StoreReply> replies = new ArrayList<>();
    private boolean flushQueued;

    /** Pekko creates the store with the {@code durable} section of the Distributed Data config. */
    public GroupCommitStore(Config config) throws java.io.NotSerializableException {
        this.config = config;
        this.serialization = SerializationExtension.get(getContext().getSystem());
        this.serializer = serialization.serializerFor(DurableStore.DurableDataEnvelope.class);
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(DurableStore.LoadAll$.class, l -> loadAll())
                .match(DurableStore.Store.class, this::onStore)
                .matchEquals(FLUSH, f -> flush())
                .build();
    }

    private void loadAll() {
        long started = System.nanoTime();
        int count = 0;
        try {
            open();
            Map<String, DurableStore.DurableDataEnvelope> chunk = new HashMap<>();
            try (Txn<ByteBuffer> txn = env.txnRead(); CursorIterable<ByteBuffer> all = dbi.iterate(txn)) {
                for (CursorIterable.KeyVal<ByteBuffer> kv : all) {
                    String key = StandardCharsets.UTF_8.decode(kv.key()).toString();
                    byte[] value = new byte[kv.val().remaining()];
                    kv.val().get(value);
                    chunk.put(key, (DurableStore.DurableDataEnvelope) serialization.deserialize(value, serializer.identifier(),
                            manifest()).get());
                    count++;
                    if (chunk.size() == LOAD_CHUNK) {
                        sendLoaded(chunk);
                        chunk = new HashMap<>();
                    }
                }
            }
            if (!chunk.isEmpty()) {
                sendLoaded(chunk);
            }
        } catch (RuntimeException e) {
            throw new DurableStore.LoadFailed("could not load the durable store in " + directory(), e);
        }
        getSender().tell(DurableStore.LoadAllCompleted$.MODULE$, getSelf());
        log.info("loaded {} durable entries from {} in {} ms", count, directory(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void sendLoaded(Map<String, DurableStore.DurableDataEnvelope> chunk) {
        scala.collection.immutable.Map<String, DurableStore.DurableDataEnvelope> data =
                scala.collection.immutable.Map$.MODULE$.from(scala.jdk.javaapi.CollectionConverters.asScala(chunk));
        getSender().tell(new DurableStore.LoadData(data), getSelf());
    }

    private void onStore(DurableStore.Store store) {
        var last = written.get(store.key());
        if (last != null && last.get() == store.data().data() && !pending.containsKey(store.key())) {
            if (store.reply().isDefined()) {
                store.reply().get().replyTo().tell(store.reply().get().successMsg(), getSelf());
            }
            return;
        }
        pending.put(store.key(), store.data());
        if (store.reply().isDefined()) {
            replies.add(store.reply().get());
        }
        if (!flushQueued) {
            flushQueued = true;
            // Queued behind the writes already waiting in the mailbox: they all go into the next commit.
            getSelf().tell(FLUSH, ActorRef.noSender());
        }
    }

    private void flush() {
        flushQueued = false;
        if (pending.isEmpty()) {
            return;
        }
        boolean ok;
        try {
            open();
            long started = System.nanoTime();
            long bytes = 0;
            try (Txn<ByteBuffer> txn = env.txnWrite()) {
                for (var entry : pending.entrySet()) {
                    byte[] value = serializer.toBinary(entry.getValue());
                    bytes += value.length;
                    put(txn, entry.getKey(), value);
                }
                txn.commit();
            }
            pending.forEach((key, value) -> written.put(key, new java.lang.ref.WeakReference<>(value.data())));
            if (log.isDebugEnabled()) {
                log.debug("committed {} keys ({} KiB) for {} writes in {} ms", pending.size(), bytes / 1024,
                        replies.size(), (System.nanoTime() - started) / 1_000_000);
            }
            ok = true;
        } catch (RuntimeException e) {
            log.error(e, "could not write {} entries to the durable store in {}", pending.size(), directory());
            ok = false;
        }
        // Sent from this store: a write's aggregator on another node counts the acknowledgement by its sender's address.
        for (DurableStore.StoreReply reply : replies) {
            reply.replyTo().tell(ok ? reply.successMsg() : reply.failureMsg(), getSelf());
        }
        pending.clear();
        replies.clear();
    }

    private void put(Txn<ByteBuffer> txn, String key, byte[] value) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        keyBuffer.clear();
        keyBuffer.put(keyBytes).flip();
        if (valueBuffer.capacity() < value.length) {
            valueBuffer = ByteBuffer.allocateDirect(Math.max(value.length, valueBuffer.capacity() * 2));
        }
        valueBuffer.clear();
        valueBuffer.put(value).flip();
        dbi.put(txn, keyBuffer, valueBuffer);
    }

    private String manifest() {
        if (manifest == null) {
            manifest = Serializers.manifestFor(serializer, new DurableStore.DurableDataEnvelope(ObjectBucket.EMPTY));
        }
        return manifest;
    }

    private void open() {
        if (env != null) {
            return;
        }
        File dir = directory();
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create the durable store's folder " + dir);
        }
        env = Env.create().setMapSize(config.getBytes("lmdb.map-size")).setMaxDbs(1).open(dir);
        dbi = env.openDbi(DATABASE, DbiFlags.MDB_CREATE);
        keyBuffer = ByteBuffer.allocateDirect(env.getMaxKeySize());
    }

    /** Pekko's rule: a folder named ...ddata gets the system name, the replicator's name and the port appended. */
    private File directory() {
        String path = config.getString("lmdb.dir");
        if (path.endsWith("ddata")) {
            path = path + "-" + getContext().getSystem().name() + "-" + getSelf().path().parent().name() + "-"
                    + Cluster.get(getContext().getSystem()).selfAddress().port().get();
        }
        return new File(path);
    }

    @Override
    public void postStop() {
        flush();
        if (env != null) {
            env.close();
        }
    }
}
