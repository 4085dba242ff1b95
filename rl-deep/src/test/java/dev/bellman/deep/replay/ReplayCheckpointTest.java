package dev.bellman.deep.replay;

import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.SplitMixRandom;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay buffers' checkpoints: a restored buffer samples and stores exactly as the original. */
class ReplayCheckpointTest {

    private static byte[] stateOf(Replay replay) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        replay.writeState(new StateWriter(bytes));
        return bytes.toByteArray();
    }

    private static void restore(Replay replay, byte[] state) throws IOException {
        replay.readState(new StateReader(new ByteArrayInputStream(state)));
    }

    /** Steps of 5-step episodes with two-dimensional continuous actions, from step {@code first} on. */
    private static void addSteps(Replay replay, int first, int count) {
        for (int t = first; t < first + count; t++) {
            double[] observation = {t, -t, 0.5 * t};
            double[] next = {t + 1, -t - 1, 0.5 * (t + 1)};
            boolean end = t % 5 == 4;
            replay.add(observation, new double[] {Math.sin(t), Math.cos(t)}, 0.1 * t, next, end && t % 10 == 4, end && t % 10 == 9);
        }
    }

    private static void assertSameSamples(Replay expected, Replay actual, long seed) {
        Batch a = new Batch(16, 3, 2);
        Batch b = new Batch(16, 3, 2);
        expected.sample(a, new SplitMixRandom(seed));
        actual.sample(b, new SplitMixRandom(seed));
        assertArrayEquals(a.indices(), b.indices());
        assertArrayEquals(a.observations(), b.observations());
        assertArrayEquals(a.nextObservations(), b.nextObservations());
        assertArrayEquals(a.continuousActions(), b.continuousActions());
        assertArrayEquals(a.rewards(), b.rewards());
        assertArrayEquals(a.discounts(), b.discounts());
        assertArrayEquals(a.weights(), b.weights());
    }

    @Test
    void aRestoredPrioritizedBufferContinuesExactly() throws IOException {
        PrioritizedReplayBuffer original = new PrioritizedReplayBuffer(50, 3, 2, 0.9, 3, 0.6, 0.5, 1e-6);
        // 83 steps wrap the ring and stop mid-episode, with n-step steps pending.
        addSteps(original, 0, 83);
        Batch batch = new Batch(16, 3, 2);
        original.sample(batch, new SplitMixRandom(1));
        double[] errors = new double[16];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = 0.3 * i - 2;
        }
        original.updatePriorities(batch.indices(), errors);
        original.setBeta(0.7);
        assertTrue(original.pendingSteps() > 0, "nothing pending");

        PrioritizedReplayBuffer restored = new PrioritizedReplayBuffer(50, 3, 2, 0.9, 3, 0.6, 0.4, 1e-6);
        restore(restored, stateOf(original));
        assertEquals(original.added(), restored.added());
        assertEquals(original.pendingSteps(), restored.pendingSteps());
        assertEquals(0.7, restored.beta());
        assertSameSamples(original, restored, 2);

        addSteps(original, 83, 20);
        addSteps(restored, 83, 20);
        assertSameSamples(original, restored, 3);
        assertArrayEquals(stateOf(original), stateOf(restored));
    }

    @Test
    void aRestoredUniformBufferHoldsOnlyWhatIsInUse() throws IOException {
        ReplayBuffer small = new ReplayBuffer(1_000, 3, 2, 0.99, 1);
        addSteps(small, 0, 30);
        ReplayBuffer restored = new ReplayBuffer(1_000, 3, 2, 0.99, 1);
        restore(restored, stateOf(small));
        assertSameSamples(small, restored, 4);
        // 30 transitions of 3 + 3 + 2 floats, a reward, a flag and a horizon: far less than 1000 slots.
        assertTrue(stateOf(small).length < 3_000, stateOf(small).length + " bytes");
    }

    @Test
    void aBufferOfOtherSettingsIsRejected() throws IOException {
        ReplayBuffer buffer = new ReplayBuffer(100, 3, 2, 0.99, 3);
        addSteps(buffer, 0, 12);
        byte[] state = stateOf(buffer);
        InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                () -> restore(new ReplayBuffer(200, 3, 2, 0.99, 3), state));
        assertTrue(e.getMessage().contains("capacity=100"), e.getMessage());
    }
}
