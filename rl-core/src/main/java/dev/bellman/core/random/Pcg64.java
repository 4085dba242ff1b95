package dev.bellman.core.random;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * NumPy's {@code PCG64} bit generator: a 128-bit linear congruential generator whose output is
 * the XSL-RR permutation of the new state (the xor of its two halves, rotated right by its top six
 * bits). {@link #seeded(long)} reproduces {@code np.random.Generator(np.random.PCG64(seed))} (and so
 * Gymnasium's {@code reset(seed=k)} stream) bit for bit for {@link #nextLong()},
 * {@link #nextDouble()} and {@link #uniform(double, double)}. The other {@link RandomGenerator}
 * methods use the interface's own derivations from {@code nextLong}, not NumPy's.
 *
 * <p>Not thread-safe: give each thread or environment its own generator.
 */
public final class Pcg64 implements RandomGenerator {

    /** PCG's default 128-bit multiplier, high and low halves. */
    private static final long MULT_HI = 0x2360ed051fc65da4L;
    private static final long MULT_LO = 0x4385df649fccf645L;

    private long stateHi;
    private long stateLo;
    private final long incHi;
    private final long incLo;

    private Pcg64(long stateHi, long stateLo, long incHi, long incLo) {
        this.stateHi = stateHi;
        this.stateLo = stateLo;
        this.incHi = incHi;
        this.incLo = incLo;
    }

    /**
     * As NumPy's {@code PCG64(SeedSequence(seed))}: four 64-bit words from the seed sequence give
     * the initial state (words 0, 1 as high, low) and the stream (words 2, 3).
     *
     * @param seed a non-negative integer seed
     * @return a new generator
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public static Pcg64 seeded(long seed) {
        return seeded(new SeedSequence(seed));
    }

    /**
     * As NumPy's {@code PCG64(SeedSequence(seed))} for a seed of any size.
     *
     * @param seed a non-negative integer seed
     * @return a new generator
     * @throws IllegalArgumentException if {@code seed} is null or negative
     */
    public static Pcg64 seeded(BigInteger seed) {
        return seeded(new SeedSequence(seed));
    }

    /**
     * As NumPy's {@code PCG64(seedSequence)}.
     *
     * @param seedSequence the seed sequence to draw four 64-bit words from
     * @return a new generator
     * @throws IllegalArgumentException if {@code seedSequence} is null
     */
    public static Pcg64 seeded(SeedSequence seedSequence) {
        if (seedSequence == null) {
            throw new IllegalArgumentException("seedSequence is null; expected a SeedSequence");
        }
        long[] words = seedSequence.generateState64(4);
        return fromSeed(words[0], words[1], words[2], words[3]);
    }

    /**
     * PCG's {@code srandom}: starts from state 0 with increment {@code 2 * initseq + 1} (mod 2^128),
     * steps once, adds {@code initstate}, steps again.
     *
     * @param initStateHi high 64 bits of the initial state
     * @param initStateLo low 64 bits of the initial state
     * @param initSeqHi   high 64 bits of the stream selector
     * @param initSeqLo   low 64 bits of the stream selector
     * @return a new generator
     */
    public static Pcg64 fromSeed(long initStateHi, long initStateLo, long initSeqHi, long initSeqLo) {
        long incHi = (initSeqHi << 1) | (initSeqLo >>> 63);
        long incLo = (initSeqLo << 1) | 1L;
        Pcg64 g = new Pcg64(0, 0, incHi, incLo);
        g.advance();
        long lo = g.stateLo + initStateLo;
        g.stateHi = g.stateHi + initStateHi + (Long.compareUnsigned(lo, initStateLo) < 0 ? 1 : 0);
        g.stateLo = lo;
        g.advance();
        return g;
    }

    /**
     * @return {@code {stateHigh, stateLow, incrementHigh, incrementLow}}: what {@link #fromState}
     *         needs to continue this stream
     */
    public long[] state() {
        return new long[] {stateHi, stateLo, incHi, incLo};
    }

    /**
     * Continues the stream whose {@link #state()} is given.
     *
     * @param state the four longs {@link #state()} returned
     * @return a generator that continues that stream
     * @throws IllegalArgumentException if {@code state} is not four longs with an odd increment
     */
    public static Pcg64 fromState(long[] state) {
        if (state == null || state.length != 4 || (state[3] & 1L) == 0) {
            throw new IllegalArgumentException("a Pcg64 state is four longs {state high, state low, increment high,"
                    + " odd increment low}; got " + java.util.Arrays.toString(state));
        }
        return new Pcg64(state[0], state[1], state[2], state[3]);
    }

    /** @return the current 128-bit state as 32 lower-case hex digits */
    public String stateHex() {
        return hex(stateHi, stateLo);
    }

    /** @return the 128-bit increment (always odd) as 32 lower-case hex digits */
    public String incrementHex() {
        return hex(incHi, incLo);
    }

    private static String hex(long hi, long lo) {
        return String.format("%016x%016x", hi, lo);
    }

    /** state = state * MULT + inc (mod 2^128). */
    private void advance() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
        long newLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0);
        stateLo = newLo;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * NumPy's {@code next_uint64}: advances the state and returns its XSL-RR output.
     *
     * @return 64 random bits (read as unsigned to compare with NumPy)
     */
    @Override
    public long nextLong() {
        advance();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    /**
     * NumPy's {@code Generator.random()}: {@code (nextLong() >>> 11) * 2^-53}, in {@code [0, 1)}.
     *
     * @return a uniform double in {@code [0, 1)}
     */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * NumPy's {@code Generator.uniform(low, high)}: {@code low + (high - low) * nextDouble()}, with
     * {@code high - low} computed in double. As in NumPy, {@code low > high} is allowed (the draw
     * then lies in {@code (high, low]}).
     *
     * @param low  the lower bound
     * @param high the upper bound
     * @return the draw
     * @throws IllegalArgumentException if a bound is NaN or {@code high - low} is not finite
     */
    public double uniform(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException("uniform range [" + low + ", " + high
                    + ") is invalid; expected finite bounds whose difference is finite");
        }
        return low + range * nextDouble();
    }

    @Override
    public String toString() {
        return "Pcg64(state=0x" + stateHex() + ", inc=0x" + incrementHex() + ")";
    }
}
