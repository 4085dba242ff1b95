package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.Pcg64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MountainCar against Gymnasium 1.4.0's traces ({@code reference/gym-traces/MountainCar.json};
 * tolerances from the reference README) and against SPECS.md §2 for walls, clipping and the goal.
 */
class MountainCarTest {

    /** Both cars share {@link MountainCarTrack}'s reset: one position draw, velocity 0. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"discrete", "continuous"})
    void resetDrawsOnePositionAndZeroVelocity(String kind) {
        MountainCarTrack<?> env = kind.equals("discrete") ? new MountainCar() : new ContinuousMountainCar();
        env.reset(11);
        Pcg64 rng = Pcg64.seeded(11);
        assertArrayEquals(new double[] {rng.uniform(-0.6, -0.4), 0.0}, env.state(), 0.0);
        env.reset();
        assertArrayEquals(new double[] {rng.uniform(-0.6, -0.4), 0.0}, env.state(), 0.0);
        env.reset(11, -0.3, -0.1);
        assertEquals(Pcg64.seeded(11).uniform(-0.3, -0.1), env.state()[0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> env.reset(11, 0.2, 0.1));
    }

    @Test
    void leftWallStopsACarMovingLeft() {
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {-1.19, -0.05});
        Step<double[]> step = env.step(0);
        assertArrayEquals(new double[] {-1.2, 0.0}, env.state(), 0.0);
        assertEquals(0L, Double.doubleToRawLongBits(env.state()[1]), "velocity is +0");
        assertFalse(step.terminated());
        assertEquals(-1.0, step.reward(), 0.0);
    }

    @Test
    void rightEndClipsPositionButKeepsVelocity() {
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {0.59, 0.06});
        Step<double[]> step = env.step(2);
        double[] s = env.state();
        assertEquals(0.6, s[0], 0.0);
        assertTrue(s[1] > 0.05, "no wall rule at the right end");
        assertTrue(step.terminated());
    }

    @Test
    void speedIsClippedToTheLimit() {
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {-0.5, 0.0699});
        env.step(2);
        assertEquals(0.07, env.state()[1], 0.0);
        env.setState(new double[] {-0.5, -0.0699});
        env.step(0);
        assertEquals(-0.07, env.state()[1], 0.0);
        assertEquals(-0.57, env.state()[0], 1e-15);
    }

    @Test
    void goalNeedsPositionAndVelocityAtLeastTheGoal() {
        MountainCar env = new MountainCar();
        env.reset(0);
        // Past the flag but moving left: not terminated.
        env.setState(new double[] {0.55, -0.02});
        assertFalse(env.step(1).terminated());
        MountainCar fast = new MountainCar(0.05);
        fast.reset(0);
        fast.setState(new double[] {0.52, 0.01});
        assertFalse(fast.step(2).terminated(), "too slow for goal velocity 0.05");
        fast.setState(new double[] {0.52, 0.06});
        assertTrue(fast.step(2).terminated());
    }

    @Test
    void misuseIsRejectedWithAClearMessage() {
        MountainCar env = new MountainCar();
        assertThrows(IllegalStateException.class, () -> env.step(1));
        env.reset(0);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> env.step(3));
        assertTrue(bad.getMessage().contains("3") && bad.getMessage().contains("Discrete(3)"), bad.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[4]));
        assertTrue(len.getMessage().contains("length 4") && len.getMessage().contains("2"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MountainCar(Double.NaN));
        env.setState(new double[] {0.55, 0.05});
        assertTrue(env.step(2).terminated());
        assertThrows(IllegalStateException.class, () -> env.step(1));
    }

    @Test
    void observationSpaceHasFloat32Bounds() {
        MountainCar env = new MountainCar();
        assertArrayEquals(new double[] {(float) -1.2, (float) -0.07}, env.observationSpace().low(), 0.0);
        assertArrayEquals(new double[] {(float) 0.6, (float) 0.07}, env.observationSpace().high(), 0.0);
        env.reset(9);
        for (int i = 0; i < 300; i++) {
            Step<double[]> step = env.step(i % 3);
            assertTrue(env.observationSpace().contains(step.observation()));
            if (step.terminated()) {
                env.reset();
            }
        }
    }
}
