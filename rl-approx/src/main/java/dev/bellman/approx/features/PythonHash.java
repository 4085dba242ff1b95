package dev.bellman.approx.features;

/**
 * CPython's {@code hash} of a tuple of small integers (CPython 3.8 and later on 64-bit platforms:
 * {@code tuplehash} in {@code Objects/tupleobject.c}, an xxHash64-style accumulation), which
 * {@code tiles3} uses when its index hash table is full or when it is given a plain size. Reproducing
 * it makes our tile indices equal to {@code tiles3}'s in those cases too.
 *
 * <p>The hash of an int {@code n} with {@code |n| < 2^61 - 1} is {@code n} itself, except that
 * {@code hash(-1) == -2} (−1 signals an error in CPython's C API).
 */
final class PythonHash {

    private static final long PRIME_1 = 0x9E3779B185EBCA87L; // 11400714785074694791
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL; // 14029467366897019727
    private static final long PRIME_5 = 0x27D4EB2F165667C5L; // 2870177450012600261

    private PythonHash() {
    }

    /** @return {@code hash(tuple(items[0:length]))} as CPython computes it */
    static long ofTuple(int[] items, int length) {
        long accumulator = PRIME_5;
        for (int i = 0; i < length; i++) {
            long lane = items[i] == -1 ? -2 : items[i];
            accumulator += lane * PRIME_2;
            accumulator = Long.rotateLeft(accumulator, 31);
            accumulator *= PRIME_1;
        }
        // CPython mangles the length in so that hash(()) keeps its historical value.
        accumulator += length ^ (PRIME_5 ^ 3527539L);
        return accumulator == -1 ? 1546275796L : accumulator;
    }

    /** @return Python's {@code hash % size}: never negative for a positive size */
    static int modulo(long hash, int size) {
        return (int) Math.floorMod(hash, (long) size);
    }
}
