package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.Pcg64;
import dev.bellman.core.Environment;
import dev.bellman.core.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pendulum against Gymnasium 1.4.0's traces ({@code reference/gym-traces/Pendulum.json}; tolerances
 * from the reference README) and against SPECS.md §4 for angle normalisation, clipping and resets.
 */
class PendulumTest {

    @Test
    void resetDrawsThetaThenThetaDot() {
        Pendulum env = new Pendulum();
        env.reset(11);
        Pcg64 rng = Pcg64.seeded(11);
        assertArrayEquals(new double[] {rng.uniform(-Math.PI, Math.PI), rng.uniform(-1, 1)}, env.state(), 0.0);
        env.reset();
        assertArrayEquals(new double[] {rng.uniform(-Math.PI, Math.PI), rng.uniform(-1, 1)}, env.state(), 0.0);
        env.reset(11, 0.5, 0.25);
        Pcg64 fresh = Pcg64.seeded(11);
        assertArrayEquals(new double[] {fresh.uniform(-0.5, 0.5), fresh.uniform(-0.25, 0.25)}, env.state(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> env.reset(11, -1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> env.reset(1.0, Double.NaN));
    }

    @Test
    void angleIsNormalisedIntoHalfOpenInterval() {
        assertEquals(-Math.PI, Pendulum.normalizeAngle(Math.PI), 0.0);
        assertEquals(0.0, Pendulum.normalizeAngle(0.0), 0.0);
        assertEquals(0.5, Pendulum.normalizeAngle(0.5 + 4 * Math.PI), 1e-12);
        assertEquals(-0.5, Pendulum.normalizeAngle(-0.5 - 6 * Math.PI), 1e-12);
        double n = Pendulum.normalizeAngle(-Math.PI);
        assertTrue(n >= -Math.PI && n < Math.PI);
    }

    @Test
    void upsideDownAtRestGivesNegativeZeroRewardAndStays() {
        Pendulum env = new Pendulum();
        env.reset(0);
        env.setState(new double[] {0.0, 0.0});
        Step<double[]> step = env.step(new double[] {0.0});
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(step.reward()), "reward is -0.0");
        assertArrayEquals(new double[] {0.0, 0.0}, env.state(), 0.0);
        assertArrayEquals(new double[] {1.0, 0.0, 0.0}, step.observation(), 0.0);
    }

    @Test
    void worstCostAndSpeedClip() {
        Pendulum env = new Pendulum();
        env.reset(0);
        // The cost uses the state before the step, here the unclipped speed -8 at norm(pi) = -pi.
        env.setState(new double[] {Math.PI, -8.0});
        Step<double[]> step = env.step(new double[] {2.0});
        assertEquals(-(Math.PI * Math.PI + 0.1 * 64 + 0.001f * 4f), step.reward(), 1e-12);
        env.setState(new double[] {Math.PI / 2, 7.9});
        env.step(new double[] {2.0});
        assertEquals(8.0, env.state()[1], 0.0);
        assertEquals(Math.PI / 2 + 8.0 * 0.05, env.state()[0], 0.0, "theta uses the clipped new speed");
        env.setState(new double[] {-Math.PI / 2, -7.9});
        env.step(new double[] {-2.0});
        assertEquals(-8.0, env.state()[1], 0.0);
    }

    @Test
    void thetaIsNeverWrapped() {
        Pendulum env = new Pendulum();
        env.reset(0);
        env.setState(new double[] {0.0, 8.0});
        for (int i = 0; i < 200; i++) {
            env.step(new double[] {2.0});
        }
        assertTrue(env.state()[0] > 20, "theta accumulates: " + env.state()[0]);
    }

    @Test
    void actionIsRoundedToFloat32() {
        Pendulum a = new Pendulum();
        Pendulum b = new Pendulum();
        a.reset(3);
        b.reset(3);
        double x = 0.1;
        Step<double[]> sa = a.step(new double[] {x});
        Step<double[]> sb = b.step(new double[] {(float) x});
        assertArrayEquals(a.state(), b.state(), 0.0);
        assertEquals(sa.reward(), sb.reward(), 0.0);
    }

    @Test
    void otherGravityChangesTheCoefficient() {
        Pendulum env = new Pendulum(9.81);
        env.reset(0);
        env.setState(new double[] {Math.PI / 2, 0.0});
        env.step(new double[] {0.0});
        assertEquals(((3 * 9.81) / 2.0) * Math.sin(Math.PI / 2) * 0.05, env.state()[1], 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Pendulum(Double.NaN));
    }

    @Test
    void misuseIsRejectedWithAClearMessage() {
        Pendulum env = new Pendulum();
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0.0}));
        assertThrows(IllegalStateException.class, () -> env.setState(new double[2]));
        env.reset(0);
        for (double bad : new double[] {2.5, -2.0000001, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> env.step(new double[] {bad}));
            assertTrue(e.getMessage().contains(String.valueOf(bad)) && e.getMessage().contains("Box"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> env.step(null));
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0.0, 0.0}));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[3]));
        assertTrue(len.getMessage().contains("length 3"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {Double.NaN, 0}));
        assertTrue(env.actionSpace().contains(new double[] {2.0}));
    }

    @Test
    void observationsStayInTheFloat32Box() {
        Pendulum env = new Pendulum();
        assertArrayEquals(new double[] {1.0, 1.0, 8.0}, env.observationSpace().high(), 0.0);
        env.reset(9);
        for (int i = 0; i < 300; i++) {
            Step<double[]> step = env.step(new double[] {i % 2 == 0 ? 2.0 : -1.5});
            assertTrue(env.observationSpace().contains(step.observation()));
            assertTrue(step.reward() <= 0 && step.reward() >= -16.2736045);
        }
    }

    @Test
    void registeredFormIsTruncatedOnTheTwoHundredthStepWithoutThreshold() {
        assertEquals(200, Environments.maxEpisodeSteps("Pendulum-v1"));
        assertTrue(Environments.rewardThreshold("Pendulum-v1").isEmpty());
        Environment<double[], double[]> env = Environments.make("Pendulum-v1", double[].class);
        TimeLimit<?, ?> limit = (TimeLimit<?, ?>) env;
        assertTrue(limit.inner() instanceof Pendulum);
        double[] obs = env.reset(4);
        assertArrayEquals(new Pendulum().reset(4), obs, 0.0);
        for (int t = 1; t <= 200; t++) {
            Step<double[]> step = env.step(new double[] {1.0});
            assertFalse(step.terminated());
            assertEquals(t == 200, step.truncated(), "step " + t);
        }
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> Environments.make("Pendulum-v1", Integer.class));
        assertTrue(type.getMessage().contains("double[]"), type.getMessage());
    }
}
