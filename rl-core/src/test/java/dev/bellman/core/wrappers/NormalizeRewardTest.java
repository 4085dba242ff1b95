package dev.bellman.core.wrappers;

import dev.bellman.core.space.BoxSpace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizeRewardTest {

    private static ScriptedBoxEnvironment env(double[] rewards, int terminateAt) {
        BoxSpace unit = new BoxSpace(new double[] {0}, new double[] {1});
        return new ScriptedBoxEnvironment(unit, unit, new double[][] {{0}}, rewards, terminateAt);
    }

    @Test
    void scalesByTheStdOfTheDiscountedReturn() {
        NormalizeReward<double[], double[]> env = new NormalizeReward<>(env(new double[] {1, 1}, 2), 0.5, 1e-8);
        env.reset();
        // G = 1: mean = 1 / 1.0001, var = (1e-4 + 1e-4 / 1.0001) / 1.0001; reward 1 / sqrt(var + 1e-8)
        double var = (1e-4 + 1e-4 / 1.0001) / 1.0001;
        double first = env.step(new double[] {0}).reward();
        assertEquals(1 / Math.sqrt(var + 1e-8), first, 1e-12);
        // the literals below come from a NumPy transcription of Gymnasium's RunningMeanStd and NormalizeReward
        assertEquals(70.71421321062337, first, 1e-10);
        // the step terminates: as in Gymnasium, (1 - terminated) drops the past, G = 0 + 1
        double second = env.step(new double[] {0}).reward();
        assertEquals(99.998749773462, second, 1e-9);
        assertEquals(1.0, env.discountedReturn());
        // reset keeps G; the script restarts with reward 1: G = 1 * 0.5 + 1
        env.reset();
        double third = env.step(new double[] {0}).reward();
        assertEquals(1.5, env.discountedReturn());
        assertEquals(4.239709009196026, third, 1e-12);
    }

    @Test
    void defaultsAreGymnasiums() {
        NormalizeReward<double[], double[]> env = new NormalizeReward<>(env(new double[] {1, 1}, 0));
        env.reset();
        env.step(new double[] {0});
        env.step(new double[] {0});
        assertEquals(1 * 0.99 + 1, env.discountedReturn(), 1e-15);
    }

    @Test
    void frozenStatisticsScaleByTheInitialVariance() {
        NormalizeReward<double[], double[]> env = new NormalizeReward<>(env(new double[] {3}, 0));
        env.setUpdateRunningMean(false);
        env.reset();
        assertEquals(3 / Math.sqrt(1 + 1e-8), env.step(new double[] {0}).reward(), 1e-15);
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
                () -> new NormalizeReward<>(env(new double[] {1}, 0), 1.5, 1e-8));
        assertTrue(gamma.getMessage().contains("gamma = 1.5"), gamma.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NormalizeReward<>(env(new double[] {1}, 0), 0.9, -1));
    }
}
