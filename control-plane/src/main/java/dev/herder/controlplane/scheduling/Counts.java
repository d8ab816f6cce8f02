package dev.herder.controlplane.scheduling;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable multiset in an open-addressing hash table (linear probing, at most half full). A
 * lookup is one hash and an equals or two, with no allocation: the scheduler asks it once per node
 * per pod. Adding or removing copies two small arrays (a node holds about a hundred pods), which
 * keeps {@link NodeInfo#withPod} cheap.
 */
final class Counts<K> {
    private static final int MIN_CAPACITY = 4;
    /** Fibonacci hashing: spreads near-equal hash codes (sequential names) over the table. */
    private static final int HASH_SPREAD = 0x9E3779B9;
    private static final Counts<?> EMPTY = new Counts<>(new Object[MIN_CAPACITY], new int[MIN_CAPACITY], 0);

    private final Object[] keys;
    private final int[] counts;
    private final int size;

    private Counts(Object[] keys, int[] counts, int size) {
        this.keys = keys;
        this.counts = counts;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K> Counts<K> empty() {
        return (Counts<K>) EMPTY;
    }

    /** How many times {@code key} was added and not removed; 0 when absent. */
    int get(K key) {
        if (size == 0) {
            return 0;
        }
        int i = slot(keys, key);
        return keys[i] == null ? 0 : counts[i];
    }

    Counts<K> plus(K key) {
        int i = slot(keys, key);
        if (keys[i] != null) {
            int[] c = counts.clone();
            c[i]++;
            return new Counts<>(keys, c, size);
        }
        if (2 * (size + 1) > keys.length) {
            return rehash(keys.length * 2, null).plus(key);
        }
        Object[] k = keys.clone();
        int[] c = counts.clone();
        k[i] = key;
        c[i] = 1;
        return new Counts<>(k, c, size + 1);
    }

    /** One fewer {@code key}; the key disappears at zero; removing an absent key changes nothing. */
    Counts<K> minus(K key) {
        int i = slot(keys, key);
        if (keys[i] == null) {
            return this;
        }
        if (counts[i] > 1) {
            int[] c = counts.clone();
            c[i]--;
            return new Counts<>(keys, c, size);
        }
        return size == 1 ? empty() : rehash(keys.length, key);
    }

    /** True when some key present matches; scans the table without allocating. */
    @SuppressWarnings("unchecked")
    boolean anyKey(Predicate<? super K> test) {
        for (Object key : keys) {
            if (key != null && test.test((K) key)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    Set<K> keys() {
        Set<K> set = new LinkedHashSet<>();
        for (Object key : keys) {
            if (key != null) {
                set.add((K) key);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** A table of this capacity holding every key but {@code dropped}. */
    private Counts<K> rehash(int capacity, Object dropped) {
        Object[] k = new Object[capacity];
        int[] c = new int[capacity];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !keys[i].equals(dropped)) {
                int j = slot(k, keys[i]);
                k[j] = keys[i];
                c[j] = counts[i];
                n++;
            }
        }
        return new Counts<>(k, c, n);
    }

    /** Where {@code key} is, or the empty slot where it would go. */
    private static int slot(Object[] table, Object key) {
        int mask = table.length - 1;
        int i = (key.hashCode() * HASH_SPREAD >>> Integer.SIZE / 2) & mask;
        while (table[i] != null && !table[i].equals(key)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Same keys with the same counts, whatever the table layout. */
    @Override
    @SuppressWarnings("unchecked")
    public boolean equals(Object o) {
        if (!(o instanceof Counts<?> other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && ((Counts<Object>) other).get(keys[i]) != counts[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                h += keys[i].hashCode() ^ counts[i];
            }
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                s.append(s.length() == 1 ? "" : ", ").append(keys[i]).append('=').append(counts[i]);
            }
        }
        return s.append('}').toString();
    }
}
