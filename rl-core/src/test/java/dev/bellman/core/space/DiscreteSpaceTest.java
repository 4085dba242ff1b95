package dev.bellman.core.space;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscreteSpaceTest {

    @Test
    void containsExactlyZeroToNMinusOne() {
        DiscreteSpace space = new DiscreteSpace(3);

        assertTrue(space.contains(0));
        assertTrue(space.contains(2));
        assertFalse(space.contains(3));
        assertFalse(space.contains(-1));
        assertFalse(space.contains(null));
    }

    @Test
    void samplesCoverEveryMemberAndNothingElse() {
        DiscreteSpace space = new DiscreteSpace(4);
        SplittableRandom rng = new SplittableRandom(3);
        int[] counts = new int[4];
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            int x = space.sample(rng);
            assertTrue(space.contains(x), "sample " + x);
            counts[x]++;
        }
        for (int a = 0; a < 4; a++) {
            // five binomial standard deviations around 1/4
            assertEquals(0.25, counts[a] / (double) n, 5 * Math.sqrt(0.25 * 0.75 / n), "member " + a);
        }
    }

    @Test
    void sizeBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DiscreteSpace(0));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DiscreteSpace(-2));
    }

    @Test
    void requireNamesValueAndSpace() {
        DiscreteSpace space = new DiscreteSpace(5);

        assertEquals(4, space.require(4, "action"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.require(5, "action"));
        assertEquals("action 5 is outside Discrete(5) (expected an integer in [0, 4])", e.getMessage());
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> space.require(null, "action"));
        assertTrue(nul.getMessage().startsWith("action null is outside Discrete(5)"), nul.getMessage());
    }

    @Test
    void toStringNamesSize() {
        assertEquals("Discrete(7)", new DiscreteSpace(7).toString());
    }
}
