package dev.bellman.core.wrappers;

import dev.bellman.core.Step;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.env.toytext.RandomWalk;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationWrappersTest {

    private static ScriptedBoxEnvironment boxEnv(BoxSpace observations, double[]... script) {
        return new ScriptedBoxEnvironment(observations, new BoxSpace(new double[] {0}, new double[] {1}),
                script, new double[] {0}, 0);
    }

    @Test
    void transformObservationAppliesTheFunctionOnResetAndStep() {
        RandomWalk walk = RandomWalk.fiveStates();
        TransformObservation<double[], Integer, Integer> env = new TransformObservation<>(walk,
                s -> new double[] {s / 6.0}, new BoxSpace(new double[] {0}, new double[] {1}));
        assertArrayEquals(new double[] {3 / 6.0}, env.reset(3));
        Step<double[]> step = env.step(0);
        double[] expected = {(step.observation()[0] * 6 == 2 ? 2 : 4) / 6.0};
        assertArrayEquals(expected, step.observation(), 1e-15);
        assertTrue(env.observationSpace().contains(step.observation()));
        assertEquals(walk.actionSpace(), env.actionSpace());
    }

    @Test
    void discretizeObservationIndexesBinsRowMajor() {
        BoxSpace box = new BoxSpace(new double[] {0, -1}, new double[] {1, 1});
        DiscretizeObservation<double[]> env = new DiscretizeObservation<>(boxEnv(box,
                new double[] {0.3, 0.6}, new double[] {0.75, -0.6}, new double[] {2, -5}, new double[] {1, 1},
                new double[] {0, -1}), new int[] {2, 4});
        assertEquals(new DiscreteSpace(8), env.observationSpace());
        // 0.3 -> floor(0.6) = 0; 0.6 -> floor(1.6 / 2 * 4) = 3; index 0 * 4 + 3
        assertEquals(3, env.reset());
        // 0.75 -> 1; -0.6 -> floor(0.4 / 2 * 4) = 0; index 1 * 4 + 0
        assertEquals(4, env.step(new double[] {0}).observation());
        // out of range to the edge bins: 2 -> 1, -5 -> 0
        assertEquals(4, env.step(new double[] {0}).observation());
        // the upper bounds belong to the last bins
        assertEquals(7, env.step(new double[] {0}).observation());
        assertEquals(0, env.step(new double[] {0}).observation());
    }

    @Test
    void discretizeObservationOverGivenIntervalsForUnboundedSpaces() {
        BoxSpace unbounded = new BoxSpace(new double[] {Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiscretizeObservation<>(boxEnv(unbounded, new double[] {0}), new int[] {3}));
        assertTrue(e.getMessage().contains("bounded"), e.getMessage());
        DiscretizeObservation<double[]> env = new DiscretizeObservation<>(boxEnv(unbounded, new double[] {-0.1}),
                new int[] {3}, new double[] {-3}, new double[] {3});
        // -0.1 + 3 = 2.9 of 6 -> floor(1.45) = 1
        assertEquals(1, env.reset());
        assertEquals(0, env.bin(0, Double.NEGATIVE_INFINITY));
        assertEquals(2, env.bin(0, 1e9));
        assertThrows(IllegalStateException.class, () -> env.bin(0, Double.NaN));
    }

    @Test
    void discretizeObservationRejectsBadBins() {
        BoxSpace box = new BoxSpace(new double[] {0, 0}, new double[] {1, 1});
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new DiscretizeObservation<>(boxEnv(box, new double[] {0, 0}), new int[] {2, 0}));
        assertTrue(zero.getMessage().contains("bins[1] = 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new DiscretizeObservation<>(boxEnv(box, new double[] {0, 0}), new int[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> new DiscretizeObservation<>(boxEnv(box, new double[] {0, 0}), new int[] {65536, 65536}));
    }

    @Test
    void normalizeObservationFollowsRunningMeanStd() {
        BoxSpace line = new BoxSpace(new double[] {-10}, new double[] {10});
        NormalizeObservation<double[]> env = new NormalizeObservation<>(
                boxEnv(line, new double[] {2}, new double[] {4}, new double[] {-1}));
        // Gymnasium's RunningMeanStd: count 1e-4, mean 0, var 1; each observation a batch of one.
        // After 2: mean = 2 / 1.0001, var = (1e-4 + 4 * 1e-4 / 1.0001) / 1.0001.
        double mean = 2 / 1.0001;
        double var = (1e-4 + 4 * 1e-4 / 1.0001) / 1.0001;
        double expected = (2 - mean) / Math.sqrt(var + 1e-8);
        assertEquals(expected, env.reset()[0], 1e-15);
        assertEquals(0.008944093012040463, expected, 1e-15);
        // values from a NumPy transcription of RunningMeanStd for the observations 4 then -1
        assertEquals(0.9999250521616136, env.step(new double[] {0}).observation()[0], 1e-12);
        assertEquals(-1.2977466086558067, env.step(new double[] {0}).observation()[0], 1e-12);
        assertEquals(1.66661111, env.statistics().mean()[0], 1e-8);
        assertEquals(4.2222074, env.statistics().var()[0], 1e-7);
        assertEquals(3.0001, env.statistics().count(), 1e-12);
        assertTrue(env.observationSpace().contains(new double[] {1e300}));
    }

    @Test
    void normalizeObservationWithFrozenStatistics() {
        BoxSpace line = new BoxSpace(new double[] {-10}, new double[] {10});
        NormalizeObservation<double[]> env = new NormalizeObservation<>(boxEnv(line, new double[] {3}));
        env.setUpdateRunningMean(false);
        // mean 0, var 1: (3 - 0) / sqrt(1 + 1e-8)
        assertEquals(3 / Math.sqrt(1 + 1e-8), env.reset()[0], 1e-15);
        assertEquals(1e-4, env.statistics().count());
    }

    @Test
    void runningMeanStdOfManyEqualValuesConverges() {
        RunningMeanStd stats = new RunningMeanStd(2);
        for (int i = 0; i < 1000; i++) {
            stats.update(new double[] {i % 2, 5});
        }
        // population mean 0.5 and variance 0.25, pulled slightly by the initial pseudo-count
        assertEquals(0.5, stats.mean()[0], 1e-6);
        assertEquals(0.25, stats.var()[0], 1e-6);
        assertEquals(5, stats.mean()[1], 1e-6);
        // the pseudo-count's variance 1 weighs 1e-4 / 1000: 25 * 1e-4 / 1000 + 1e-7 = 2.6e-6
        assertEquals(2.6e-6, stats.var()[1], 1e-8);
        assertThrows(IllegalArgumentException.class, () -> stats.update(new double[] {1}));
    }
}
