package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.Pcg64;
import dev.bellman.core.Environment;
import dev.bellman.core.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acrobot against Gymnasium 1.4.0's traces ({@code reference/gym-traces/Acrobot.json}; tolerances
 * from the reference README) and against SPECS.md §5 for wrapping, clamping and termination.
 */
class AcrobotTest {

    @Test
    void resetDrawsFourFloat32Uniforms() {
        Acrobot env = new Acrobot();
        env.reset(11);
        Pcg64 rng = Pcg64.seeded(11);
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (float) rng.uniform(-0.1, 0.1);
        }
        assertArrayEquals(expected, env.state(), 0.0);
        env.reset();
        for (int i = 0; i < 4; i++) {
            expected[i] = (float) rng.uniform(-0.1, 0.1);
        }
        assertArrayEquals(expected, env.state(), 0.0);
        env.reset(11, 0.2, 0.3);
        assertEquals((float) Pcg64.seeded(11).uniform(0.2, 0.3), env.state()[0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> env.reset(11, 0.3, 0.2));
    }

    @Test
    void anglesAreWrappedAndSpeedsClamped() {
        Acrobot env = new Acrobot();
        env.reset(0);
        env.setState(new double[] {Math.PI - 0.01, -Math.PI + 0.01, 12.0, -28.0});
        env.step(1);
        double[] s = env.state();
        assertTrue(s[0] >= -Math.PI && s[0] <= Math.PI, "theta1 wrapped: " + s[0]);
        assertTrue(s[1] >= -Math.PI && s[1] <= Math.PI, "theta2 wrapped: " + s[1]);
        env.setState(new double[] {0.0, 0.0, 40.0, -100.0});
        env.step(1);
        // Such speeds overshoot the limits whichever way the dynamics turn them.
        assertEquals(4 * Math.PI, Math.abs(env.state()[2]), 0.0);
        assertEquals(9 * Math.PI, Math.abs(env.state()[3]), 0.0);
    }

    @Test
    void terminatesWithZeroRewardWhenTheTipIsHighEnough() {
        Acrobot env = new Acrobot();
        env.reset(0);
        // Both links straight up: the tip is two links above the pivot.
        env.setState(new double[] {Math.PI - 0.05, 0.0, 0.0, 0.0});
        Step<double[]> step = env.step(1);
        assertTrue(step.terminated());
        assertEquals(0.0, step.reward(), 0.0);
        assertThrows(IllegalStateException.class, () -> env.step(1));
        env.setState(new double[] {0.0, 0.0, 0.0, 0.0});
        Step<double[]> rest = env.step(1);
        assertFalse(rest.terminated());
        assertEquals(-1.0, rest.reward(), 0.0);
        // cos(-pi/2) is 6e-17, not 0, so the hanging acrobot drifts by rounding only.
        assertArrayEquals(new double[] {0.0, 0.0, 0.0, 0.0}, env.state(), 1e-15, "hanging at rest stays");
    }

    @Test
    void nipsDynamicsDropTheCentripetalTerm() {
        Acrobot book = new Acrobot();
        Acrobot nips = new Acrobot(Acrobot.Dynamics.NIPS);
        book.reset(0);
        nips.reset(0);
        double[] s = {0.3, 0.5, 2.0, -1.0};
        book.setState(s);
        nips.setState(s);
        book.step(2);
        nips.step(2);
        assertNotEquals(book.state()[3], nips.state()[3]);
        for (double x : nips.state()) {
            assertTrue(Double.isFinite(x));
        }
    }

    @Test
    void misuseIsRejectedWithAClearMessage() {
        Acrobot env = new Acrobot();
        assertThrows(IllegalStateException.class, () -> env.step(1));
        assertThrows(IllegalStateException.class, () -> env.setState(new double[4]));
        env.reset(0);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> env.step(3));
        assertTrue(bad.getMessage().contains("3") && bad.getMessage().contains("Discrete(3)"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(null));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[2]));
        assertTrue(len.getMessage().contains("length 2") && len.getMessage().contains("4"), len.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[] {Double.POSITIVE_INFINITY, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Acrobot(null));
    }

    @Test
    void observationsStayInTheFloat32Box() {
        Acrobot env = new Acrobot();
        assertEquals((float) (4 * Math.PI), env.observationSpace().high()[4], 0.0);
        assertEquals((float) (9 * Math.PI), env.observationSpace().high()[5], 0.0);
        env.reset(9);
        for (int i = 0; i < 500; i++) {
            Step<double[]> step = env.step(i % 3);
            assertTrue(env.observationSpace().contains(step.observation()));
            if (step.terminated()) {
                env.reset();
            }
        }
    }

    @Test
    void registeredFormIsTruncatedOnStep500WithThresholdMinus100() {
        assertEquals(500, Environments.maxEpisodeSteps("Acrobot-v1"));
        assertEquals(-100.0, Environments.rewardThreshold("Acrobot-v1").getAsDouble(), 0.0);
        Environment<double[], Integer> env = Environments.make("Acrobot-v1", Integer.class);
        assertTrue(((TimeLimit<?, ?>) env).inner() instanceof Acrobot);
        double[] obs = env.reset(1);
        assertArrayEquals(new Acrobot().reset(1), obs, 0.0);
        for (int t = 1; t <= 500; t++) {
            Step<double[]> step = env.step(1);
            assertFalse(step.terminated(), "a torque-free acrobot never swings up");
            assertEquals(t == 500, step.truncated(), "step " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> Environments.make("Acrobot-v1", double[].class));
    }
}
