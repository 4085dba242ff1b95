package dev.bellman.core.random;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SeedSequence against NumPy 2.4.6, printed by
 * {@code np.random.SeedSequence(s).generate_state(n, np.uint32 / np.uint64)}.
 */
class SeedSequenceTest {

    @Test
    void uint32WordsMatchNumpy() {
        assertArrayEquals(new int[] {0xb0f478be}, new SeedSequence(0).generateState(1));
        assertArrayEquals(new int[] {0xcd540ab7, 0x9f1e2e6d, 0x79fb94b6, 0xd57873dc, 0x64d420b7, 0x7d282a1b},
                new SeedSequence(42).generateState(6), "six words cycle the four-word pool");
    }

    @Test
    void uint64WordsPairTheUint32WordsLittleEndian() {
        SeedSequence s = new SeedSequence(42);
        int[] halves = s.generateState(8);
        long[] words = s.generateState64(4);
        for (int i = 0; i < 4; i++) {
            assertEquals(Integer.toUnsignedLong(halves[2 * i]) | ((long) halves[2 * i + 1] << 32), words[i]);
        }
        assertEquals(BigInteger.valueOf(42), s.seed());
        assertEquals(0, s.generateState(0).length);
    }
}
