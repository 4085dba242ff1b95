package dev.bellman.core.random;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The generator of {@link java.util.SplittableRandom} (SplitMix64, Steele, Lea &amp; Flood 2014),
 * re-implemented so that its state can be read and restored: a checkpoint stores
 * {@link #state()} and a resumed run continues the same stream. For the same seed it gives the same
 * numbers as {@code SplittableRandom} from every method of {@link RandomGenerator} and from
 * {@link #split()} (tested draw for draw), so code can move from one to the other without changing
 * a result.
 *
 * <p>The state is two longs: the current seed, advanced by the odd increment {@code gamma} at every
 * draw, and {@code gamma} itself. Not thread-safe.
 */
public final class SplitMixRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private long gamma;

    /**
     * Starts the stream {@code new SplittableRandom(seed)} starts.
     *
     * @param seed any value
     */
    public SplitMixRandom(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private SplitMixRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /**
     * Restores a generator from {@link #state()}.
     *
     * @param state the two longs {@link #state()} returned
     * @return a generator that continues that stream
     * @throws IllegalArgumentException if {@code state} is not two longs with an odd second one
     */
    public static SplitMixRandom fromState(long[] state) {
        if (state == null || state.length != 2 || (state[1] & 1L) == 0) {
            throw new IllegalArgumentException("a SplitMixRandom state is two longs {seed, odd gamma}; got "
                    + Arrays.toString(state));
        }
        return new SplitMixRandom(state[0], state[1]);
    }

    /**
     * Continues, in this generator, the stream whose {@link #state()} is given: for restoring a
     * generator other objects hold a reference to.
     *
     * @param state the two longs {@link #state()} returned
     * @throws IllegalArgumentException if {@code state} is not two longs with an odd second one
     */
    public void restore(long[] state) {
        SplitMixRandom checked = fromState(state);
        this.seed = checked.seed;
        this.gamma = checked.gamma;
    }

    /** @return {@code {seed, gamma}}: what {@link #fromState(long[])} needs to continue this stream */
    public long[] state() {
        return new long[] {seed, gamma};
    }

    /**
     * A new generator whose stream is independent of this one's, as {@code SplittableRandom.split()}
     * makes it; this generator advances by two draws.
     *
     * @return the new generator
     */
    public SplitMixRandom split() {
        return new SplitMixRandom(nextLong(), mixGamma(nextSeed()));
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd increment with enough bit transitions for a well-mixed split stream. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
