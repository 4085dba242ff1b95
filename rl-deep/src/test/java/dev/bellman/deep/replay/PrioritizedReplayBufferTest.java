package dev.bellman.deep.replay;

import dev.bellman.core.random.Pcg64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proportional prioritization (Schaul et al. 2016): priorities, sampling frequencies, stratified
 * segments and importance weights, on buffers small enough to check by hand.
 */
class PrioritizedReplayBufferTest {

    private static double[] observationOf(int t) {
        return new double[] {t};
    }

    /**
     * Four one-step transitions whose priorities are set to 1, 2, 3, 4: with {@code alpha = 1} and
     * {@code epsilon = 0.5}, {@code |tdError| + epsilon} is exactly the priority.
     */
    private static PrioritizedReplayBuffer bufferWithPriorities1To4(double beta) {
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(4, 1, 1, 0.99, 1, 1.0, beta, 0.5);
        for (int t = 0; t < 4; t++) {
            buffer.add(observationOf(t), 0, t, observationOf(t + 1), false);
        }
        buffer.updatePriorities(new int[] {0, 1, 2, 3}, new double[] {0.5, -1.5, 2.5, -3.5});
        return buffer;
    }

    @Test
    void newTransitionsGetTheLargestPrioritySeenSoFar() {
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(8, 1, 1, 0.99, 1, 1.0, 0.4, 0.5);
        buffer.add(observationOf(0), 0, 0.0, observationOf(1), false);
        assertEquals(1.0, buffer.priority(0), 0.0, "the initial maximum priority is 1, as in the reference implementations");
        buffer.updatePriorities(new int[] {0}, new double[] {4.5});
        buffer.add(observationOf(1), 0, 0.0, observationOf(2), false);
        assertEquals(5.0, buffer.priority(1), 0.0);
        buffer.updatePriorities(new int[] {0}, new double[] {0.0});
        buffer.add(observationOf(2), 0, 0.0, observationOf(3), false);
        assertEquals(0.5, buffer.priority(0), 0.0);
        assertEquals(5.0, buffer.priority(2), 0.0, "the maximum is over all priorities ever seen");
    }

    @Test
    void priorityIsTheTdErrorMagnitudePlusEpsilonToTheAlpha() {
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(4, 1, 1, 0.99, 1, 0.5, 0.4, 1.0);
        buffer.add(observationOf(0), 0, 0.0, observationOf(1), false);
        buffer.updatePriorities(new int[] {0}, new double[] {-3.0});
        assertEquals(2.0, buffer.priority(0), 1e-15); // (|-3| + 1)^0.5
    }

    @Test
    void everyTransitionAnNStepFlushStoresIsPrioritized() {
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(8, 1, 1, 0.9, 3);
        buffer.add(observationOf(0), 0, 1.0, observationOf(1), false, false);
        buffer.add(observationOf(1), 0, 1.0, observationOf(2), true, false);
        assertEquals(2, buffer.size());
        assertEquals(1.0, buffer.priority(0), 0.0);
        assertEquals(1.0, buffer.priority(1), 0.0);
        Batch batch = new Batch(2, 1, 1);
        buffer.sample(batch, Pcg64.seeded(3));
        for (int row = 0; row < 2; row++) {
            assertEquals(0.0f, batch.discounts()[row]);
        }
    }

    @Test
    void samplingFrequenciesAreProportionalToPriorities() {
        PrioritizedReplayBuffer buffer = bufferWithPriorities1To4(0.4);
        Batch batch = new Batch(2, 1, 1);
        Pcg64 rng = Pcg64.seeded(11);
        int[] counts = new int[4];
        int draws = 0;
        for (int b = 0; b < 20_000; b++) {
            buffer.sample(batch, rng);
            for (int row = 0; row < batch.batchSize(); row++) {
                counts[batch.indices()[row]]++;
                draws++;
            }
        }
        // Expected P(i) = p_i / 10. Pearson's chi-square with 3 degrees of freedom: 16.27 is the
        // 0.999 quantile for independent draws; stratified draws vary less, so the band is conservative.
        double chiSquare = 0.0;
        for (int i = 0; i < 4; i++) {
            double expected = draws * (i + 1) / 10.0;
            chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        assertTrue(chiSquare < 16.27, "chi-square " + chiSquare);
    }

    @Test
    void importanceWeightsMatchAHandComputation() {
        // N = 4, P = (0.1, 0.2, 0.3, 0.4), beta = 0.5: w_i = (4 P(i))^-0.5 = (1.5811, 1.1180, 0.9129, 0.7906),
        // divided by the largest, 1.5811 (index 0): (1, 1/sqrt 2, 1/sqrt 3, 1/2).
        PrioritizedReplayBuffer buffer = bufferWithPriorities1To4(0.5);
        double[] expected = {1.0, 1.0 / Math.sqrt(2.0), 1.0 / Math.sqrt(3.0), 0.5};
        Batch batch = new Batch(4, 1, 1);
        Pcg64 rng = Pcg64.seeded(5);
        boolean[] seen = new boolean[4];
        for (int b = 0; b < 50; b++) {
            buffer.sample(batch, rng);
            for (int row = 0; row < 4; row++) {
                int index = batch.indices()[row];
                seen[index] = true;
                assertEquals(expected[index], batch.weights()[row], 1e-6);
                assertEquals(index, batch.rewards()[row], 0.0, "the row holds the transition at its index");
            }
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, seen);
        // beta = 0 switches the correction off; beta = 1 corrects fully: (p_0 / p_i)^1.
        buffer.setBeta(0.0);
        buffer.sample(batch, rng);
        for (int row = 0; row < 4; row++) {
            assertEquals(1.0f, batch.weights()[row]);
        }
        buffer.setBeta(1.0);
        buffer.sample(batch, rng);
        for (int row = 0; row < 4; row++) {
            assertEquals(1.0 / (batch.indices()[row] + 1), batch.weights()[row], 1e-6);
        }
    }

    @Test
    void stratifiedSamplingDrawsOneTransitionPerSegment() {
        // Equal priorities and a batch as large as the buffer: each of the four segments of the
        // total holds exactly one transition, so every batch is 0, 1, 2, 3 in order (Appendix B.2.1).
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(4, 1, 1, 0.99, 1);
        for (int t = 0; t < 4; t++) {
            buffer.add(observationOf(t), 0, t, observationOf(t + 1), false);
        }
        Batch batch = new Batch(4, 1, 1);
        Pcg64 rng = Pcg64.seeded(9);
        for (int b = 0; b < 20; b++) {
            buffer.sample(batch, rng);
            assertArrayEquals(new int[] {0, 1, 2, 3}, batch.indices());
            assertArrayEquals(new float[] {1, 1, 1, 1}, batch.weights());
        }
    }

    @Test
    void unfilledSlotsAreNeverSampled() {
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(100, 1, 1, 0.99, 1);
        for (int t = 0; t < 3; t++) {
            buffer.add(observationOf(t), 0, t, observationOf(t + 1), false);
        }
        Batch batch = new Batch(3, 1, 1);
        Pcg64 rng = Pcg64.seeded(2);
        for (int b = 0; b < 200; b++) {
            buffer.sample(batch, rng);
            for (int index : batch.indices()) {
                assertTrue(index < 3, "sampled empty slot " + index);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        PrioritizedReplayBuffer buffer = bufferWithPriorities1To4(0.4);
        Batch first = new Batch(3, 1, 1);
        Batch second = new Batch(3, 1, 1);
        buffer.sample(first, Pcg64.seeded(21));
        buffer.sample(second, Pcg64.seeded(21));
        assertArrayEquals(first.indices(), second.indices());
        assertArrayEquals(first.weights(), second.weights());
    }

    @Test
    void batchLargerThanTheBufferIsAClearError() {
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(100, 1, 1, 0.99, 1);
        for (int t = 0; t < 10; t++) {
            buffer.add(observationOf(t), 0, 0.0, observationOf(t + 1), false);
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> buffer.sample(new Batch(64, 1, 1), Pcg64.seeded(0)));
        assertTrue(error.getMessage().startsWith("batch of 64 but the buffer holds 10 transitions"), error.getMessage());
    }

    @Test
    void settingsOutsideTheirRangesAreRejected() {
        assertEquals("alpha = -0.1 must be finite and at least 0", assertThrows(IllegalArgumentException.class,
                () -> new PrioritizedReplayBuffer(4, 1, 1, 0.99, 1, -0.1, 0.4, 1e-6)).getMessage());
        assertEquals("beta = 1.5 must be in [0, 1]", assertThrows(IllegalArgumentException.class,
                () -> new PrioritizedReplayBuffer(4, 1, 1, 0.99, 1, 0.6, 1.5, 1e-6)).getMessage());
        assertEquals("epsilon = 0.0 must be finite and greater than 0", assertThrows(IllegalArgumentException.class,
                () -> new PrioritizedReplayBuffer(4, 1, 1, 0.99, 1, 0.6, 0.4, 0.0)).getMessage());
        PrioritizedReplayBuffer buffer = new PrioritizedReplayBuffer(4, 1, 1, 0.99, 1);
        assertThrows(IllegalArgumentException.class, () -> buffer.setBeta(-0.01));
        assertThrows(IllegalArgumentException.class, () -> buffer.setBeta(Double.NaN));
        assertEquals(PrioritizedReplayBuffer.DEFAULT_BETA, buffer.beta(), 0.0);
    }

    @Test
    void aBadPriorityUpdateChangesNothing() {
        PrioritizedReplayBuffer buffer = bufferWithPriorities1To4(0.4);
        assertEquals("2 indices but 1 TD errors", assertThrows(IllegalArgumentException.class,
                () -> buffer.updatePriorities(new int[] {0, 1}, new double[] {9.0})).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> buffer.updatePriorities(new int[] {0, 1}, new double[] {9.0, Double.NaN}));
        assertThrows(IndexOutOfBoundsException.class,
                () -> buffer.updatePriorities(new int[] {0, 4}, new double[] {9.0, 9.0}));
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, buffer.priority(i), 0.0);
        }
    }
}
