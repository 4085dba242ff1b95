package dev.bellman.deep.replay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * n-step transitions and the terminated-versus-truncated bootstrap, against returns computed by
 * hand from {@code R_t^(n) = sum_{k<n} gamma^k r_{t+k}} (Sutton &amp; Barto 2018, eq. 7.1) with
 * {@code gamma = 0.9}.
 */
class NStepReturnTest {

    private static final double GAMMA = 0.9;
    /** Float32 storage rounds each value once: relative error below 6e-8, so 1e-5 absolute is ample here. */
    private static final double FLOAT_TOLERANCE = 1e-5;

    /** Observation {@code {100 * episode + t}}: says which episode and step a stored vector is from. */
    private static double[] state(int episode, int t) {
        return new double[] {100 * episode + t};
    }

    private static void assertStored(ReplayBuffer buffer, int age, double observation, double nStepReturn,
                                     double nextObservation, double discount) {
        Batch row = new Batch(1, 1, 1);
        buffer.copyTo(buffer.storageIndex(age), row, 0);
        String where = "transition " + age + " from the oldest";
        assertEquals(observation, row.observations()[0], 0.0, where);
        assertEquals(nStepReturn, row.rewards()[0], FLOAT_TOLERANCE, where);
        assertEquals(nextObservation, row.nextObservations()[0], 0.0, where);
        assertEquals(discount, row.discounts()[0], FLOAT_TOLERANCE, where);
    }

    @Test
    void threeStepReturnsWithATerminationInTheMiddle() {
        ReplayBuffer buffer = new ReplayBuffer(20, 1, 1, GAMMA, 3);
        // Episode 1: four steps, rewards 1, 2, 3, 4; the fourth step terminates.
        double[] rewards = {1, 2, 3, 4};
        for (int t = 0; t < 4; t++) {
            buffer.add(state(1, t), t, rewards[t], state(1, t + 1), t == 3, false);
            if (t < 2) {
                assertEquals(0, buffer.size(), "a 3-step return needs three rewards before it is stored");
            }
        }
        assertEquals(4, buffer.size());
        assertEquals(0, buffer.pendingSteps());
        // s_0: full 3-step return 1 + 0.9*2 + 0.81*3 = 5.23, bootstrapping from s_3 with 0.9^3.
        assertStored(buffer, 0, 100, 5.23, 103, 0.729);
        // s_1: 2 + 0.9*3 + 0.81*4 = 7.94, but the episode terminated within the window: discount 0.
        assertStored(buffer, 1, 101, 7.94, 104, 0.0);
        // s_2 and s_3: the shorter tails 3 + 0.9*4 = 6.6 and 4, both terminal.
        assertStored(buffer, 2, 102, 6.6, 104, 0.0);
        assertStored(buffer, 3, 103, 4.0, 104, 0.0);

        // Episode 2 starts: its returns must not include episode 1's rewards, nor episode 1's
        // transitions episode 2's.
        buffer.add(state(2, 0), 0, 10, state(2, 1), false, false);
        buffer.add(state(2, 1), 0, 20, state(2, 2), false, false);
        assertEquals(4, buffer.size());
        assertEquals(2, buffer.pendingSteps());
        buffer.add(state(2, 2), 0, 30, state(2, 3), false, false);
        // 10 + 0.9*20 + 0.81*30 = 52.3
        assertStored(buffer, 4, 200, 52.3, 203, 0.729);
    }

    @Test
    void truncationFlushesTheTailsButKeepsTheBootstrap() {
        ReplayBuffer buffer = new ReplayBuffer(20, 1, 1, GAMMA, 3);
        // Episode 1: two steps with rewards 1 and 2, then the time limit truncates it.
        buffer.add(state(1, 0), 0, 1, state(1, 1), false, false);
        buffer.add(state(1, 1), 0, 2, state(1, 2), false, true);
        assertEquals(2, buffer.size());
        assertEquals(0, buffer.pendingSteps());
        // Both bootstrap from the final observation of the truncated episode, s_2, with gamma^k.
        assertStored(buffer, 0, 100, 1 + 0.9 * 2, 102, 0.81);
        assertStored(buffer, 1, 101, 2, 102, 0.9);
        // The next episode's first step is not summed into episode 1.
        buffer.add(state(2, 0), 0, 100, state(2, 1), false, false);
        assertEquals(2, buffer.size());
        assertEquals(1, buffer.pendingSteps());
    }

    @Test
    void truncationOfAFullWindowStoresEveryStepWithItsOwnDiscount() {
        ReplayBuffer buffer = new ReplayBuffer(20, 1, 1, GAMMA, 3);
        double[] rewards = {1, 2, 3, 4};
        for (int t = 0; t < 4; t++) {
            buffer.add(state(1, t), 0, rewards[t], state(1, t + 1), false, t == 3);
        }
        assertStored(buffer, 0, 100, 5.23, 103, 0.729);
        assertStored(buffer, 1, 101, 7.94, 104, 0.729);
        assertStored(buffer, 2, 102, 6.6, 104, 0.81);
        assertStored(buffer, 3, 103, 4.0, 104, 0.9);
    }

    @Test
    void terminationWinsWhenBothFlagsAreSet() {
        // Gymnasium's TimeLimit can report both when the terminal state is reached on the last step.
        ReplayBuffer buffer = new ReplayBuffer(20, 1, 1, GAMMA, 2);
        buffer.add(state(1, 0), 0, 1, state(1, 1), false, false);
        buffer.add(state(1, 1), 0, 2, state(1, 2), true, true);
        assertStored(buffer, 0, 100, 2.8, 102, 0.0);
        assertStored(buffer, 1, 101, 2, 102, 0.0);
    }

    @Test
    void oneStepTransitionsBootstrapOnTruncationButNotOnTermination() {
        ReplayBuffer buffer = new ReplayBuffer(20, 1, 1, GAMMA, 1);
        buffer.add(state(1, 0), 0, 1, state(1, 1), false, false);
        buffer.add(state(1, 1), 0, 1, state(1, 2), false, true);
        buffer.add(state(2, 0), 0, 1, state(2, 1), true, false);
        assertEquals(0, buffer.pendingSteps());
        assertStored(buffer, 0, 100, 1, 101, 0.9);
        assertStored(buffer, 1, 101, 1, 102, 0.9);
        assertStored(buffer, 2, 200, 1, 201, 0.0);
    }

    @Test
    void endEpisodeFlushesPendingStepsAsATruncation() {
        ReplayBuffer buffer = new ReplayBuffer(20, 1, 1, GAMMA, 3);
        buffer.add(state(1, 0), 0, 1, state(1, 1), false);
        buffer.add(state(1, 1), 0, 2, state(1, 2), false);
        buffer.endEpisode();
        assertEquals(0, buffer.pendingSteps());
        assertStored(buffer, 0, 100, 2.8, 102, 0.81);
        assertStored(buffer, 1, 101, 2, 102, 0.9);
        buffer.endEpisode();
        assertEquals(2, buffer.size(), "ending an episode twice stores nothing more");
    }

    @Test
    void nStepReturnsAreSummedInDoubleAndRoundedOnce() {
        ReplayBuffer buffer = new ReplayBuffer(4, 1, 1, 0.99, 2);
        buffer.add(state(1, 0), 0, 0.1, state(1, 1), false);
        buffer.add(state(1, 1), 0, 0.2, state(1, 2), false);
        Batch row = new Batch(1, 1, 1);
        buffer.copyTo(0, row, 0);
        assertEquals((float) (0.1 + 0.99 * 0.2), row.rewards()[0]);
        assertEquals((float) (0.99 * 0.99), row.discounts()[0]);
    }

    @Test
    void continuousActionsTravelWithTheirNStepTransitions() {
        ReplayBuffer buffer = new ReplayBuffer(4, 1, 2, GAMMA, 2);
        buffer.add(state(1, 0), new double[] {0.5, -0.5}, 1, state(1, 1), false, false);
        buffer.add(state(1, 1), new double[] {0.25, -0.25}, 1, state(1, 2), true, false);
        Batch row = new Batch(1, 1, 2);
        buffer.copyTo(buffer.storageIndex(0), row, 0);
        assertArrayEquals(new float[] {0.5f, -0.5f}, row.continuousActions());
        buffer.copyTo(buffer.storageIndex(1), row, 0);
        assertArrayEquals(new float[] {0.25f, -0.25f}, row.continuousActions());
    }

    @Test
    void nStepTransitionsWrapAroundLikeOneStepOnes() {
        ReplayBuffer buffer = new ReplayBuffer(3, 1, 1, GAMMA, 2);
        for (int t = 0; t < 8; t++) {
            buffer.add(state(1, t), 0, 1, state(1, t + 1), false, false);
        }
        // Steps 0..6 have complete 2-step returns (step 7 is pending); the last three are 4, 5, 6.
        assertEquals(7, buffer.added());
        assertEquals(1, buffer.pendingSteps());
        for (int age = 0; age < 3; age++) {
            assertStored(buffer, age, 104 + age, 1.9, 106 + age, 0.81);
        }
    }
}
