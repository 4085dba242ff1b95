package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.Pcg64;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CartPole against Gymnasium 1.4.0's traces ({@code reference/gym-traces/CartPole.json}; tolerances
 * from the reference README) and against SPECS.md §1 for the edge cases the traces do not reach.
 */
class CartPoleTest {

    @Test
    void resetDrawsFourUniformsFromThePcg64Stream() {
        CartPole env = new CartPole();
        env.reset(42);
        Pcg64 rng = Pcg64.seeded(42);
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = rng.uniform(-0.05, 0.05);
        }
        assertArrayEquals(expected, env.state(), 0.0);
        env.reset();
        for (int i = 0; i < 4; i++) {
            expected[i] = rng.uniform(-0.05, 0.05);
        }
        assertArrayEquals(expected, env.state(), 0.0, "an unseeded reset continues the stream");
    }

    @Test
    void resetBoundsReplaceTheDefaults() {
        CartPole env = new CartPole();
        env.reset(3, -0.2, 0.3);
        Pcg64 rng = Pcg64.seeded(3);
        for (double v : env.state()) {
            assertEquals(rng.uniform(-0.2, 0.3), v, 0.0);
        }
        env.reset(1, 0.01, 0.01);
        assertArrayEquals(new double[] {0.01, 0.01, 0.01, 0.01}, env.state(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.reset(1, 0.5, 0.1));
        assertTrue(e.getMessage().contains("0.5") && e.getMessage().contains("0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.reset(Double.NaN, 0.1));
    }

    @Test
    void observationIsTheFloat32CastOfTheState() {
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(new double[] {0.1, -0.2, 0.3, 1e-40});
        double[] obs = env.observation();
        assertArrayEquals(new double[] {(float) 0.1, (float) -0.2, (float) 0.3, (float) 1e-40}, obs, 0.0);
        assertArrayEquals(new double[] {0.1, -0.2, 0.3, 1e-40}, env.state(), 0.0);
    }

    @Test
    void terminationUsesStrictInequalitiesOnTheDoubleState() {
        CartPole env = new CartPole();
        env.reset(0);
        // x' = 2.38 + 0.02 * 1.0 = 2.4 exactly? Use xDot = 0 and x = 2.4: x' = 2.4, not beyond.
        env.setState(new double[] {2.4, 0.0, 0.0, 0.0});
        assertFalse(env.step(1).terminated(), "x exactly 2.4 is inside");
        env.setState(new double[] {Math.nextUp(2.4), 0.0, 0.0, 0.0});
        assertTrue(env.step(1).terminated());
        env.setState(new double[] {0.0, 0.0, CartPole.THETA_THRESHOLD, 0.0});
        assertFalse(env.step(0).terminated(), "theta exactly at the threshold is inside");
        env.setState(new double[] {0.0, 0.0, -Math.nextUp(CartPole.THETA_THRESHOLD), 0.0});
        Step<double[]> step = env.step(0);
        assertTrue(step.terminated());
        assertEquals(1.0, step.reward(), 0.0, "the terminating step also earns +1");
        // Observation rounds 2.4000000000000004 to the float 2.4f; termination still sees the double.
        env.setState(new double[] {-Math.nextUp(2.4), 0.0, 0.0, 0.0});
        Step<double[]> left = env.step(1);
        assertTrue(left.terminated());
        assertEquals((float) -2.4, (float) left.observation()[0]);
    }

    @Test
    void suttonBartoRewardIsZeroThenMinusOneOnFailure() {
        CartPole env = new CartPole(true, CartPole.Integrator.EULER);
        env.reset(0);
        Step<double[]> first = env.step(1);
        assertEquals(0.0, first.reward(), 0.0);
        assertFalse(first.terminated());
        env.setState(new double[] {2.45, 0.0, 0.0, 0.0});
        Step<double[]> last = env.step(1);
        assertTrue(last.terminated());
        assertEquals(-1.0, last.reward(), 0.0);
    }

    @Test
    void semiImplicitEulerUsesTheNewVelocities() {
        double[] start = {0.01, 0.2, -0.03, 0.4};
        CartPole euler = new CartPole();
        CartPole semi = new CartPole(false, CartPole.Integrator.SEMI_IMPLICIT_EULER);
        euler.reset(0);
        semi.reset(0);
        euler.setState(start);
        semi.setState(start);
        euler.step(0);
        semi.step(0);
        double[] e = euler.state();
        double[] s = semi.state();
        // Same accelerations: the velocities agree, positions differ by tau * (new - old velocity).
        assertEquals(e[1], s[1], 0.0);
        assertEquals(e[3], s[3], 0.0);
        assertEquals(0.01 + 0.02 * s[1], s[0], 0.0);
        assertEquals(-0.03 + 0.02 * s[3], s[2], 0.0);
        assertEquals(0.01 + 0.02 * 0.2, e[0], 0.0);
    }

    @Test
    void spacesAreGymnasiumsFloat32Bounds() {
        CartPole env = new CartPole();
        assertEquals(2, env.actionSpace().n());
        assertArrayEquals(new double[] {4.800000190734863, Double.POSITIVE_INFINITY, 0.41887903213500977,
                Double.POSITIVE_INFINITY}, env.observationSpace().high(), 0.0);
        assertArrayEquals(new double[] {-4.800000190734863, Double.NEGATIVE_INFINITY, -0.41887903213500977,
                Double.NEGATIVE_INFINITY}, env.observationSpace().low(), 0.0);
        env.reset(5);
        assertTrue(env.observationSpace().contains(env.observation()));
    }

    @Test
    void misuseIsRejectedWithAClearMessage() {
        CartPole env = new CartPole();
        IllegalStateException before = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(before.getMessage().contains("reset"), before.getMessage());
        assertThrows(IllegalStateException.class, () -> env.setState(new double[4]));
        env.reset(0);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> env.step(2));
        assertTrue(bad.getMessage().contains("2") && bad.getMessage().contains("Discrete(2)"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(-1));
        assertThrows(IllegalArgumentException.class, () -> env.step(null));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[3]));
        assertTrue(len.getMessage().contains("length 3") && len.getMessage().contains("4"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0, Double.NaN, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new CartPole(false, null));
        env.setState(new double[] {3.0, 0.0, 0.0, 0.0});
        assertTrue(env.step(0).terminated());
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(after.getMessage().contains("terminated"), after.getMessage());
        env.setState(new double[] {0.0, 0.0, 0.0, 0.0});
        assertFalse(env.step(0).terminated(), "setState after termination makes the state steppable again");
    }
}
