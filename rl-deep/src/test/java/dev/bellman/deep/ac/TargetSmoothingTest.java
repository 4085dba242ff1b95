package dev.bellman.deep.ac;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TD3's target policy smoothing: clipped noise, then actions clipped to [−1, 1]. */
class TargetSmoothingTest {

    @Test
    void noiseIsClippedToItsBoundAndOtherwiseNormal() {
        double[] noise = new double[200_000];
        DeterministicActorCritic.drawSmoothingNoise(new SplittableRandom(3), 0.2, 0.5, noise);
        int clipped = 0;
        double sum = 0;
        for (double value : noise) {
            assertTrue(value >= -0.5 && value <= 0.5, () -> "noise " + value + " outside [-0.5, 0.5]");
            clipped += Math.abs(value) == 0.5 ? 1 : 0;
            sum += value;
        }
        // P(|N(0, 0.2²)| > 0.5) = P(|Z| > 2.5) = 0.01242; binomial standard error over 200 000 draws ≈ 0.00025.
        assertEquals(0.01242, clipped / (double) noise.length, 0.0013);
        assertEquals(0.0, sum / noise.length, 0.003);
    }

    @Test
    void noiseFollowsTheGeneratorsNormalDrawsInOrder() {
        double[] noise = new double[4];
        DeterministicActorCritic.drawSmoothingNoise(new SplittableRandom(11), 0.2, 10.0, noise);
        SplittableRandom same = new SplittableRandom(11);
        for (double value : noise) {
            assertEquals(0.2 * same.nextGaussian(), value, 0.0);
        }
    }

    @Test
    void smoothedActionsStayInsideTheScaledBounds() {
        float[] actions = {0.9f, -0.9f, 0.0f, 1.0f, -1.0f};
        double[] noise = {0.5, -0.5, 0.25, 0.3, -0.3};
        DeterministicActorCritic.smoothTargetActions(actions, noise);
        assertEquals(1.0f, actions[0]);
        assertEquals(-1.0f, actions[1]);
        assertEquals(0.25f, actions[2]);
        assertEquals(1.0f, actions[3]);
        assertEquals(-1.0f, actions[4]);
    }
}
