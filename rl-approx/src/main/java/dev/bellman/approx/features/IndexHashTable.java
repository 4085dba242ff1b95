package dev.bellman.approx.features;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;

/**
 * The index hash table ({@code IHT}) of Sutton's {@code tiles3}: it gives each distinct tile (a
 * tuple of integer coordinates) the next free index, {@code 0, 1, 2, ...}, in the order tiles are
 * first seen, up to {@link #size()} tiles. Once full, an unseen tile gets Python's
 * {@code hash(tile) % size} instead, which may collide with another tile's index, and
 * {@link #overfullCount()} counts those lookups ({@code tiles3} also prints "IHT full, starting to
 * allow collisions" the first time; we do not print).
 *
 * <p>The table is <b>stateful</b>: the index of a tile depends on which tiles were seen before it,
 * so a feature map built on it is deterministic only given the same sequence of lookups (the same
 * seed, environment and learner). Share one table between the feature maps that should share
 * indices, and use it from one thread only.
 *
 * <p>Lookups allocate nothing: tiles are keys in an open-addressing table over primitive int
 * arrays, not boxed tuples. Adding a new tile may grow the key storage (amortised, by doubling).
 *
 * <p>A checkpoint holds the whole table (its tiles, their indices and the overfull count), so that a
 * learner resumed from it gives every tile the index it had.
 */
public final class IndexHashTable implements Checkpointable {

    private final int size;
    /** Open addressing with linear probing: entry index + 1, or 0 for an empty slot. */
    private final int[] slots;
    private final int mask;
    private final long[] entryHashes;
    private final int[] keyStart;
    private final int[] keyLength;
    private int[] keys = new int[64];
    private int keysUsed;
    private int count;
    private long overfullCount;
    /** Scratch for the coordinates of one tile, lent to {@link TileCoding}; grows to the longest tile seen. */
    private int[] coordinateBuffer = new int[8];

    /**
     * @param size the number of indices, {@code [0, size)}, in {@code [1, 2^24]}
     * @throws IllegalArgumentException if the size is not positive or exceeds 2^24
     */
    public IndexHashTable(int size) {
        this.size = Checks.positive(size, "index hash table size");
        if (size > Checks.MAX_DIMENSION) {
            throw new IllegalArgumentException("index hash table size " + size + " exceeds " + Checks.MAX_DIMENSION);
        }
        // At most half the slots are ever used, so probes stay short.
        int capacity = Integer.highestOneBit(size) << 2;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.entryHashes = new long[size];
        this.keyStart = new int[size];
        this.keyLength = new int[size];
    }

    /** @return the number of indices: every index lies in {@code [0, size)} */
    public int size() {
        return size;
    }

    /** @return the number of distinct tiles that have an index of their own ({@code tiles3}'s {@code count()}) */
    public int count() {
        return count;
    }

    /** @return whether every index is taken ({@code tiles3}'s {@code fullp()}) */
    public boolean isFull() {
        return count >= size;
    }

    /** @return how many lookups of an unseen tile found the table full and fell back to the hash */
    public long overfullCount() {
        return overfullCount;
    }

    /**
     * {@code tiles3}'s {@code getindex(tuple(coordinates))}.
     *
     * @param coordinates the tile's integer coordinates, any length including 0
     * @return the tile's index in {@code [0, size)}
     * @throws IllegalArgumentException if {@code coordinates} is null
     */
    public int index(int... coordinates) {
        Checks.notNull(coordinates, "coordinates");
        return index(coordinates, coordinates.length, false);
    }

    /**
     * {@code tiles3}'s {@code getindex(tuple(coordinates[0:length]), readonly)}: the tile's index if
     * it has one; otherwise, read-only, -1 ({@code tiles3}'s {@code None}); otherwise the next free
     * index if there is one, else {@code hash(tile) % size} (counted in {@link #overfullCount()}).
     *
     * @param coordinates the buffer holding the tile's coordinates
     * @param length      how many leading entries of {@code coordinates} form the tile
     * @param readOnly    whether to leave the table unchanged
     * @return the index in {@code [0, size)}, or -1 for an unseen tile in read-only mode
     * @throws IllegalArgumentException if {@code coordinates} is null or {@code length} is outside it
     */
    public int index(int[] coordinates, int length, boolean readOnly) {
        Checks.notNull(coordinates, "coordinates");
        if (length < 0 || length > coordinates.length) {
            throw new IllegalArgumentException("length " + length + " is outside [0, " + coordinates.length + "]");
        }
        long hash = PythonHash.ofTuple(coordinates, length);
        int slot = spread(hash) & mask;
        for (int entry = slots[slot] - 1; entry >= 0; entry = slots[slot] - 1) {
            if (entryHashes[entry] == hash && sameKey(entry, coordinates, length)) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
        if (readOnly) {
            return -1;
        }
        if (count >= size) {
            overfullCount++;
            return PythonHash.modulo(hash, size);
        }
        int entry = count++;
        store(entry, coordinates, length);
        entryHashes[entry] = hash;
        slots[slot] = entry + 1;
        return entry;
    }

    private boolean sameKey(int entry, int[] coordinates, int length) {
        if (keyLength[entry] != length) {
            return false;
        }
        int start = keyStart[entry];
        for (int i = 0; i < length; i++) {
            if (keys[start + i] != coordinates[i]) {
                return false;
            }
        }
        return true;
    }

    private void store(int entry, int[] coordinates, int length) {
        if (keysUsed + length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + length));
        }
        System.arraycopy(coordinates, 0, keys, keysUsed, length);
        keyStart[entry] = keysUsed;
        keyLength[entry] = length;
        keysUsed += length;
    }

    /** Mixes the high bits of the 64-bit hash into the slot number (Fibonacci hashing). */
    private static int spread(long hash) {
        long mixed = (hash ^ (hash >>> 32)) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32);
    }

    /** @return a scratch buffer of at least {@code length} ints for one tile's coordinates */
    int[] coordinateBuffer(int length) {
        if (coordinateBuffer.length < length) {
            coordinateBuffer = new int[Math.max(length, coordinateBuffer.length * 2)];
        }
        return coordinateBuffer;
    }

    @Override
    public String toString() {
        return "IndexHashTable[size " + size + ", count " + count + ", overfullCount " + overfullCount + "]";
    }

    /**
     * Writes the size, the tiles with their indices and the overfull count.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.section("index-hash-table");
        out.writeLong(size);
        out.writeInt(count);
        out.writeLong(overfullCount);
        out.writeInts(Arrays.copyOf(keys, keysUsed));
        out.writeInts(keyStart);
        out.writeInts(keyLength);
        out.writeLongs(entryHashes);
        out.writeInts(slots);
    }

    /**
     * Replaces the table with the one {@link #writeState} wrote.
     *
     * @throws InvalidCheckpointException if the checkpoint's table has another size or is inconsistent
     * @throws IOException                if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.section("index-hash-table");
        in.expectLong("index hash table size", size);
        int savedCount = in.readInt();
        if (savedCount < 0 || savedCount > size) {
            throw new InvalidCheckpointException("the checkpoint's index hash table holds " + savedCount
                    + " tiles; expected 0 to " + size);
        }
        count = savedCount;
        overfullCount = in.readLong();
        int[] savedKeys = in.readInts("tile coordinates");
        in.readInts(keyStart, "tile starts");
        in.readInts(keyLength, "tile lengths");
        in.readLongs(entryHashes, "tile hashes");
        in.readInts(slots, "hash slots");
        keysUsed = savedKeys.length;
        keys = Arrays.copyOf(savedKeys, Math.max(64, keysUsed));
    }
}
