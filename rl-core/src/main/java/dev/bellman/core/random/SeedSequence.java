package dev.bellman.core.random;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * NumPy's {@code SeedSequence} for a non-negative integer seed and no spawn key: hashes the seed's
 * 32-bit words into a pool of four words, from which {@link #generateState(int)} draws well-mixed
 * words. {@code new SeedSequence(k).generateState64(4)} gives the same words as NumPy's
 * {@code SeedSequence(k).generate_state(4, np.uint64)}, which is how {@code PCG64(k)} is seeded.
 *
 * <p>All arithmetic is unsigned 32-bit, held in {@code int}s.
 */
public final class SeedSequence {

    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;

    private final BigInteger seed;
    private final int[] pool = new int[POOL_SIZE];

    /**
     * @param seed the entropy, a non-negative integer (NumPy splits it into little-endian 32-bit words)
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public SeedSequence(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /**
     * For seeds of any size, as Python's unbounded integers.
     *
     * @param seed the entropy, a non-negative integer (NumPy splits it into little-endian 32-bit words)
     * @throws IllegalArgumentException if {@code seed} is null or negative
     */
    public SeedSequence(BigInteger seed) {
        if (seed == null || seed.signum() < 0) {
            throw new IllegalArgumentException("seed " + seed + " is invalid; expected a non-negative integer");
        }
        this.seed = seed;
        mixEntropy(entropyWords(seed));
    }

    /** @return the seed this sequence was built from */
    public BigInteger seed() {
        return seed;
    }

    /** The seed as NumPy coerces it: its 32-bit words, least significant first; 0 gives one word. */
    private static int[] entropyWords(BigInteger seed) {
        int count = Math.max(1, (seed.bitLength() + 31) / 32);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = seed.shiftRight(32 * i).intValue();
        }
        return words;
    }

    private void mixEntropy(int[] entropy) {
        int[] hashConst = {INIT_A};
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashMix(i < entropy.length ? entropy[i] : 0, hashConst);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashMix(pool[src], hashConst));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashMix(entropy[src], hashConst));
            }
        }
    }

    private static int hashMix(int value, int[] hashConst) {
        int v = value ^ hashConst[0];
        hashConst[0] *= MULT_A;
        v *= hashConst[0];
        return v ^ (v >>> XSHIFT);
    }

    private static int mix(int x, int y) {
        int r = MIX_MULT_L * x - MIX_MULT_R * y;
        return r ^ (r >>> XSHIFT);
    }

    /**
     * NumPy's {@code generate_state(n, np.uint32)}.
     *
     * @param words how many 32-bit words, at least 0
     * @return the words, each an unsigned 32-bit value held in an {@code int}
     * @throws IllegalArgumentException if {@code words} is negative
     */
    public int[] generateState(int words) {
        if (words < 0) {
            throw new IllegalArgumentException("word count " + words + " is negative; expected at least 0");
        }
        int[] state = new int[words];
        int hashConst = INIT_B;
        for (int i = 0; i < words; i++) {
            int v = pool[i % POOL_SIZE] ^ hashConst;
            hashConst *= MULT_B;
            v *= hashConst;
            state[i] = v ^ (v >>> XSHIFT);
        }
        return state;
    }

    /**
     * NumPy's {@code generate_state(n, np.uint64)}: twice as many 32-bit words, paired little-endian
     * (the first word of each pair is the low half).
     *
     * @param words how many 64-bit words, at least 0
     * @return the words, each an unsigned 64-bit value held in a {@code long}
     * @throws IllegalArgumentException if {@code words} is negative or too large
     */
    public long[] generateState64(int words) {
        if (words < 0 || words > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("word count " + words + " is out of range; expected 0 to "
                    + Integer.MAX_VALUE / 2);
        }
        int[] halves = generateState(2 * words);
        long[] state = new long[words];
        for (int i = 0; i < words; i++) {
            state[i] = Integer.toUnsignedLong(halves[2 * i]) | ((long) halves[2 * i + 1] << 32);
        }
        return state;
    }

    @Override
    public String toString() {
        return "SeedSequence(" + seed + ", pool=" + Arrays.toString(pool) + ")";
    }
}
