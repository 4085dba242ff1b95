package dev.bellman.deep.replay;

import dev.bellman.core.random.Pcg64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage, wrap-around, uniform sampling and input validation of {@link ReplayBuffer}. */
class ReplayBufferTest {

    /** Observation {@code {t, -t}}, so every stored vector says which step it came from. */
    private static double[] observationOf(int t) {
        return new double[] {t, -t};
    }

    /** Reads the transition at {@code storageIndex} through the public sampling surface. */
    private static Batch read(ReplayBuffer buffer, int storageIndex) {
        Batch one = new Batch(1, buffer.observationSize(), buffer.actionSize());
        buffer.copyTo(storageIndex, one, 0);
        return one;
    }

    @Test
    void wrapAroundKeepsExactlyTheLastCapacityTransitionsInOrder() {
        ReplayBuffer buffer = new ReplayBuffer(5, 2, 1);
        for (int t = 0; t < 12; t++) {
            buffer.add(observationOf(t), t % 3, t, observationOf(t + 1), false);
        }
        assertEquals(5, buffer.size());
        assertEquals(5, buffer.capacity());
        assertEquals(12, buffer.added());
        // Steps 0..6 were overwritten; 7..11 remain, oldest first. Step t went to slot t mod 5.
        for (int age = 0; age < 5; age++) {
            int t = 7 + age;
            int index = buffer.storageIndex(age);
            assertEquals(t % 5, index);
            Batch row = read(buffer, index);
            assertArrayEquals(new float[] {t, -t}, row.observations());
            assertArrayEquals(new float[] {t + 1, -(t + 1)}, row.nextObservations());
            assertEquals(t % 3, row.actions()[0]);
            assertEquals(t, row.rewards()[0]);
            assertEquals(1.0f, row.discounts()[0]);
            assertEquals(index, row.indices()[0]);
            assertEquals(1.0f, row.weights()[0]);
        }
    }

    @Test
    void beforeWrappingTheBufferHoldsEverythingAdded() {
        ReplayBuffer buffer = new ReplayBuffer(5, 2, 1);
        for (int t = 0; t < 3; t++) {
            buffer.add(observationOf(t), 0, t, observationOf(t + 1), false);
        }
        assertEquals(3, buffer.size());
        for (int age = 0; age < 3; age++) {
            assertEquals(age, buffer.storageIndex(age));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.storageIndex(3));
    }

    @Test
    void uniformSamplingDrawsEveryIndexEquallyOften() {
        int capacity = 10;
        ReplayBuffer buffer = new ReplayBuffer(capacity, 2, 1);
        for (int t = 0; t < 25; t++) {
            buffer.add(observationOf(t), 0, t, observationOf(t + 1), false);
        }
        Batch batch = new Batch(10, 2, 1);
        Pcg64 rng = Pcg64.seeded(7);
        int[] counts = new int[capacity];
        int draws = 0;
        for (int b = 0; b < 10_000; b++) {
            buffer.sample(batch, rng);
            for (int row = 0; row < batch.batchSize(); row++) {
                int index = batch.indices()[row];
                counts[index]++;
                draws++;
                // The row is the transition at its index: reward t was stored at slot t mod 10.
                assertEquals(index, ((int) batch.rewards()[row]) % capacity);
                assertEquals(batch.rewards()[row], batch.observations()[2 * row]);
            }
        }
        // Pearson's chi-square against the uniform distribution, 9 degrees of freedom: 27.88 is the
        // 0.999 quantile, so a correct sampler fails with probability 0.001 (and never with this seed).
        double expected = draws / (double) capacity;
        double chiSquare = 0.0;
        for (int count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertTrue(chiSquare < 27.88, "chi-square " + chiSquare);
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2, 1);
        for (int t = 0; t < 100; t++) {
            buffer.add(observationOf(t), t % 4, t, observationOf(t + 1), t % 10 == 9);
        }
        Batch first = new Batch(32, 2, 1);
        Batch second = new Batch(32, 2, 1);
        buffer.sample(first, Pcg64.seeded(42));
        buffer.sample(second, Pcg64.seeded(42));
        assertArrayEquals(first.indices(), second.indices());
        assertArrayEquals(first.observations(), second.observations());
        assertArrayEquals(first.discounts(), second.discounts());
    }

    @Test
    void valuesAreRoundedOnceToFloat32() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2, 2, 0.99, 1);
        buffer.add(new double[] {0.1, 1.0 / 3.0}, new double[] {Math.PI, -Math.E}, 0.7, new double[] {1e-10, 123456789.0}, false);
        Batch row = read(buffer, 0);
        // Each value is the nearest float to the double given (Java's narrowing is round-to-nearest-even).
        assertArrayEquals(new float[] {0.1f, (float) (1.0 / 3.0)}, row.observations());
        assertArrayEquals(new float[] {(float) Math.PI, (float) -Math.E}, row.continuousActions());
        assertArrayEquals(new float[] {1e-10f, 123456792.0f}, row.nextObservations());
        assertEquals(0.7f, row.rewards()[0]);
        assertEquals((float) 0.99, row.discounts()[0]);
        // Rounding error is at most half a float ulp, about 6e-8 relative.
        assertEquals(Math.PI, row.continuousActions()[0], Math.ulp((float) Math.PI) / 2);
    }

    @Test
    void valuesBeyondFloat32RangeAreRejectedRatherThanStoredAsInfinity() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2, 1);
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new double[] {0.0, 1e39}, 0, 0.0, observationOf(1), false));
        assertTrue(tooLarge.getMessage().contains("observation[1] = 1.0E39"), tooLarge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> buffer.add(observationOf(0), 0, -1e39, observationOf(1), false));
        assertEquals(0, buffer.size());
    }

    @Test
    void continuousActionsAreStoredAndSampledAsVectors() {
        ReplayBuffer buffer = new ReplayBuffer(3, 2, 2);
        for (int t = 0; t < 3; t++) {
            buffer.add(observationOf(t), new double[] {t, 10 * t}, t, observationOf(t + 1), false);
        }
        Batch batch = new Batch(3, 2, 2);
        buffer.sample(batch, Pcg64.seeded(1));
        for (int row = 0; row < 3; row++) {
            int t = batch.indices()[row];
            assertEquals(t, batch.continuousActions()[2 * row]);
            assertEquals(10 * t, batch.continuousActions()[2 * row + 1]);
        }
    }

    @Test
    void batchLargerThanTheBufferIsAClearError() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2, 1);
        for (int t = 0; t < 10; t++) {
            buffer.add(observationOf(t), 0, 0.0, observationOf(t + 1), false);
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> buffer.sample(new Batch(64, 2, 1), Pcg64.seeded(0)));
        assertTrue(error.getMessage().startsWith("batch of 64 but the buffer holds 10 transitions; wait for learning-starts"),
                error.getMessage());
    }

    @Test
    void samplingAnEmptyBufferIsAClearError() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2, 1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> buffer.sample(new Batch(1, 2, 1), Pcg64.seeded(0)));
        assertTrue(error.getMessage().contains("holds 0 transitions"), error.getMessage());
    }

    @Test
    void aBatchOfOtherSizesIsRejected() {
        ReplayBuffer buffer = new ReplayBuffer(10, 2, 1);
        buffer.add(observationOf(0), 0, 0.0, observationOf(1), false);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> buffer.sample(new Batch(1, 3, 1), Pcg64.seeded(0)));
        assertTrue(error.getMessage().contains("observationSize 3"), error.getMessage());
    }

    @Test
    void anObservationOfTheWrongLengthNamesExpectedAndActual() {
        ReplayBuffer buffer = new ReplayBuffer(10, 4, 1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new double[3], 0, 0.0, new double[4], false));
        assertEquals("observation has length 3 but this buffer expects 4", error.getMessage());
        IllegalArgumentException next = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new double[4], 0, 0.0, new double[5], false));
        assertEquals("nextObservation has length 5 but this buffer expects 4", next.getMessage());
    }

    @Test
    void badStepsAreRejectedWithoutChangingTheBuffer() {
        ReplayBuffer buffer = new ReplayBuffer(10, 2, 1, 0.9, 3);
        buffer.add(observationOf(0), 0, 1.0, observationOf(1), false);
        IllegalArgumentException nanReward = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(observationOf(1), 0, Double.NaN, observationOf(2), false));
        assertTrue(nanReward.getMessage().startsWith("reward = NaN"), nanReward.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> buffer.add(new double[] {Double.NaN, 0.0}, 0, 0.0, observationOf(2), false));
        assertThrows(IllegalArgumentException.class, () -> buffer.add(observationOf(1), -1, 0.0, observationOf(2), false));
        assertThrows(IllegalStateException.class,
                () -> buffer.add(observationOf(1), new double[] {0.5}, 0.0, observationOf(2), false));
        assertEquals(1, buffer.pendingSteps());
        assertEquals(0, buffer.added());
    }

    @Test
    void discreteActionsNeedActionSizeOneAndContinuousOnesTheirLength() {
        ReplayBuffer vectorBuffer = new ReplayBuffer(10, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> vectorBuffer.add(observationOf(0), 1, 0.0, observationOf(1), false));
        IllegalArgumentException shortAction = assertThrows(IllegalArgumentException.class,
                () -> vectorBuffer.add(observationOf(0), new double[] {1.0}, 0.0, observationOf(1), false));
        assertEquals("action has length 1 but this buffer expects 2", shortAction.getMessage());
        ReplayBuffer discrete = new ReplayBuffer(10, 2, 1);
        discrete.add(observationOf(0), 1, 0.0, observationOf(1), false);
        assertThrows(IllegalStateException.class,
                () -> discrete.add(observationOf(0), new double[] {1.0}, 0.0, observationOf(1), false));
    }

    @Test
    void constructionRejectsOutOfRangeSettings() {
        assertEquals("capacity = 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 2, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(10, 2, 0));
        assertEquals("nSteps = 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(10, 2, 1, 0.9, 0)).getMessage());
        assertEquals("gamma = 1.5 must be in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(10, 2, 1, 1.5, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(10, 2, 1, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(10, 2, 1, Double.NaN, 1));
        assertEquals("batchSize = 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> new Batch(0, 2, 1)).getMessage());
    }
}
