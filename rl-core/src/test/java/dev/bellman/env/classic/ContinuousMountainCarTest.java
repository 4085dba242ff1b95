package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.Environment;
import dev.bellman.core.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ContinuousMountainCar against Gymnasium 1.4.0's traces
 * ({@code reference/gym-traces/MountainCarContinuous.json}; tolerances from the reference README)
 * and against SPECS.md §3 for the float32 rules, walls, clipping and the goal.
 */
class ContinuousMountainCarTest {

    @Test
    void stateBecomesFloat32AfterAStepAndSetStateChoosesThePrecision() {
        ContinuousMountainCar env = new ContinuousMountainCar();
        env.reset(0);
        assertFalse(env.stateIsFloat32());
        env.step(new double[] {0.5});
        assertTrue(env.stateIsFloat32());
        double[] s = env.state();
        assertEquals((float) s[0], s[0], 0.0);
        assertEquals((float) s[1], s[1], 0.0);
        env.setState(new double[] {-0.5, 0.01});
        assertFalse(env.stateIsFloat32(), "0.01 is not a float");
        env.setState(new double[] {-0.5, 0.0});
        assertTrue(env.stateIsFloat32());
    }

    @Test
    void float32PositionOnTheFlagTerminates() {
        // A float32 state reaching exactly f32(0.45) < 0.45 terminates: compared in float32.
        ContinuousMountainCar env = new ContinuousMountainCar();
        env.reset(0);
        float target = (float) 0.45;
        float v = 0.01f;
        env.setState(new double[] {target - v, v});
        // With zero force the velocity changes by the gravity term; search a start that lands on it.
        boolean found = false;
        for (float p0 = target - 0.02f; p0 < target; p0 = Math.nextUp(p0)) {
            env.setState(new double[] {p0, v});
            double c = Math.cos(3f * p0);
            float v1 = v + (0.0f * (float) 0.0015 - (float) (0.0025 * c));
            if (p0 + v1 == target) {
                Step<double[]> step = env.step(new double[] {0.0});
                assertEquals(target, env.state()[0], 0.0);
                assertTrue(step.terminated());
                assertEquals(100.0, step.reward(), 0.0);
                found = true;
                break;
            }
        }
        assertTrue(found);
        assertTrue(target < 0.45);
    }

    @Test
    void leftWallStopsACarMovingLeft() {
        ContinuousMountainCar env = new ContinuousMountainCar();
        env.reset(0);
        env.setState(new double[] {-1.19, -0.05});
        Step<double[]> step = env.step(new double[] {-1.0});
        assertArrayEquals(new double[] {(float) -1.2, 0.0}, env.state(), 0.0);
        assertEquals(0L, Double.doubleToRawLongBits(env.state()[1]), "velocity is +0");
        assertFalse(step.terminated());
        assertEquals(-0.1, step.reward(), 0.0);
        // At the wall the slope (0.0025 |cos 3.6| ~ 0.00224) beats full left force (0.0015).
        env.step(new double[] {-1.0});
        assertTrue(env.state()[0] > -1.2 && env.state()[1] > 0, "the slope pushes the car off the wall");
    }

    @Test
    void speedAndRightEndAreClipped() {
        ContinuousMountainCar env = new ContinuousMountainCar();
        env.reset(0);
        env.setState(new double[] {-0.5, 0.0699});
        env.step(new double[] {1.0});
        assertEquals((float) 0.07, env.state()[1], 0.0);
        env.setState(new double[] {-0.5, -0.0699});
        env.step(new double[] {-1.0});
        assertEquals((float) -0.07, env.state()[1], 0.0);
        env.setState(new double[] {0.59, 0.06});
        Step<double[]> step = env.step(new double[] {1.0});
        assertEquals((float) 0.6, env.state()[0], 0.0);
        assertTrue(env.state()[1] > 0.05, "no wall rule at the right end");
        assertTrue(step.terminated());
        assertEquals(100.0 - 0.1, step.reward(), 0.0);
    }

    @Test
    void goalNeedsPositionAndVelocityAtLeastTheGoal() {
        ContinuousMountainCar env = new ContinuousMountainCar();
        env.reset(0);
        env.setState(new double[] {0.5, -0.02});
        assertFalse(env.step(new double[] {0.0}).terminated());
        ContinuousMountainCar fast = new ContinuousMountainCar(0.05);
        fast.reset(0);
        fast.setState(new double[] {0.47, 0.01});
        assertFalse(fast.step(new double[] {1.0}).terminated(), "too slow for goal velocity 0.05");
        fast.setState(new double[] {0.47, 0.06});
        assertTrue(fast.step(new double[] {1.0}).terminated());
    }

    @Test
    void misuseIsRejectedWithAClearMessage() {
        ContinuousMountainCar env = new ContinuousMountainCar();
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0.0}));
        env.reset(0);
        for (double bad : new double[] {1.7, -1.0000001, Double.NaN, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> env.step(new double[] {bad}));
            assertTrue(e.getMessage().contains(String.valueOf(bad)) && e.getMessage().contains("Box"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> env.step(null));
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[0]));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[4]));
        assertTrue(len.getMessage().contains("length 4") && len.getMessage().contains("2"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContinuousMountainCar(Double.NaN));
        env.setState(new double[] {0.55, 0.05});
        assertTrue(env.step(new double[] {1.0}).terminated());
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0.0}));
    }

    @Test
    void observationSpaceHasFloat32Bounds() {
        ContinuousMountainCar env = new ContinuousMountainCar();
        assertArrayEquals(new double[] {(float) -1.2, (float) -0.07}, env.observationSpace().low(), 0.0);
        assertArrayEquals(new double[] {(float) 0.6, (float) 0.07}, env.observationSpace().high(), 0.0);
        env.reset(9);
        for (int i = 0; i < 300; i++) {
            Step<double[]> step = env.step(new double[] {i % 40 < 20 ? 1.0 : -1.0});
            assertTrue(env.observationSpace().contains(step.observation()));
            if (step.terminated()) {
                env.reset();
            }
        }
    }

    @Test
    void registeredFormIsTruncatedOnStep999WithThreshold90() {
        assertEquals(999, Environments.maxEpisodeSteps("MountainCarContinuous-v0"));
        assertEquals(90.0, Environments.rewardThreshold("MountainCarContinuous-v0").getAsDouble(), 0.0);
        Environment<double[], double[]> env = Environments.make("MountainCarContinuous-v0", double[].class);
        assertTrue(((TimeLimit<?, ?>) env).inner() instanceof ContinuousMountainCar);
        double[] obs = env.reset(2);
        assertArrayEquals(new ContinuousMountainCar().reset(2), obs, 0.0);
        for (int t = 1; t <= 999; t++) {
            Step<double[]> step = env.step(new double[] {0.0});
            assertFalse(step.terminated());
            assertEquals(t == 999, step.truncated(), "step " + t);
        }
    }
}
