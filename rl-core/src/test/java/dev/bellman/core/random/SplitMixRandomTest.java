package dev.bellman.core.random;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link SplitMixRandom} draws what {@link SplittableRandom} draws, and resumes from its state. */
class SplitMixRandomTest {

    private static final long[] SEEDS = {0, 1, 42, -7, Long.MIN_VALUE, 0x9e3779b97f4a7c15L};

    private static void assertSameDraws(ToDoubleFunction<RandomGenerator> draw, String what) {
        for (long seed : SEEDS) {
            SplittableRandom expected = new SplittableRandom(seed);
            SplitMixRandom actual = new SplitMixRandom(seed);
            for (int i = 0; i < 20_000; i++) {
                double want = draw.applyAsDouble(expected);
                double got = draw.applyAsDouble(actual);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                        () -> what + ", seed " + seed + ": " + want + " vs " + got);
            }
        }
    }

    @Test
    void everyDrawMatchesSplittableRandom() {
        assertSameDraws(r -> r.nextLong(), "nextLong");
        assertSameDraws(r -> r.nextInt(), "nextInt");
        assertSameDraws(r -> r.nextInt(7), "nextInt(7)");
        assertSameDraws(r -> r.nextInt(64), "nextInt(64)");
        assertSameDraws(r -> r.nextInt(1_000_000_007), "nextInt(1e9+7)");
        assertSameDraws(r -> r.nextInt(-3, 11), "nextInt(-3, 11)");
        assertSameDraws(r -> r.nextLong(1L << 40), "nextLong(2^40)");
        assertSameDraws(r -> r.nextDouble(), "nextDouble");
        assertSameDraws(r -> r.nextDouble(-1.0, 1.0), "nextDouble(-1, 1)");
        assertSameDraws(r -> r.nextFloat(), "nextFloat");
        assertSameDraws(r -> r.nextGaussian(), "nextGaussian");
        assertSameDraws(r -> r.nextExponential(), "nextExponential");
        assertSameDraws(r -> r.nextBoolean() ? 1 : 0, "nextBoolean");
    }

    @Test
    void splitStreamsMatchSplittableRandom() {
        for (long seed : SEEDS) {
            SplittableRandom expectedParent = new SplittableRandom(seed);
            SplitMixRandom actualParent = new SplitMixRandom(seed);
            for (int k = 0; k < 5; k++) {
                SplittableRandom expected = expectedParent.split();
                SplitMixRandom actual = actualParent.split();
                for (int i = 0; i < 1_000; i++) {
                    assertEquals(expected.nextLong(), actual.nextLong());
                    assertEquals(expected.nextGaussian(), actual.nextGaussian(), 0.0);
                }
                assertEquals(expectedParent.nextLong(), actualParent.nextLong());
            }
        }
    }

    @Test
    void aRestoredGeneratorContinuesTheStream() {
        SplitMixRandom original = new SplitMixRandom(2026).split();
        for (int i = 0; i < 137; i++) {
            original.nextGaussian();
        }
        SplitMixRandom restored = SplitMixRandom.fromState(original.state());
        long[] expected = new long[100];
        long[] actual = new long[100];
        for (int i = 0; i < 100; i++) {
            expected[i] = original.nextLong();
            actual[i] = restored.nextLong();
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void aStateMustBeTwoLongsWithAnOddGamma() {
        assertThrows(IllegalArgumentException.class, () -> SplitMixRandom.fromState(null));
        assertThrows(IllegalArgumentException.class, () -> SplitMixRandom.fromState(new long[] {1}));
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> SplitMixRandom.fromState(new long[] {1, 2}));
        assertEquals("a SplitMixRandom state is two longs {seed, odd gamma}; got [1, 2]", even.getMessage());
    }
}
