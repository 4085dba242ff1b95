package dev.bellman.env.classic;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registered forms: time limits and thresholds from SPECS.md §0. */
class EnvironmentsTest {

    @Test
    void registryHoldsGymnasiumsLimitsAndThresholds() {
        assertEquals(List.of("CartPole-v1", "CartPole-v0", "MountainCar-v0", "MountainCarContinuous-v0",
                "Pendulum-v1", "Acrobot-v1"), Environments.ids());
        assertEquals(500, Environments.maxEpisodeSteps("CartPole-v1"));
        assertEquals(200, Environments.maxEpisodeSteps("CartPole-v0"));
        assertEquals(200, Environments.maxEpisodeSteps("MountainCar-v0"));
        assertEquals(475.0, Environments.rewardThreshold("CartPole-v1").getAsDouble(), 0.0);
        assertEquals(195.0, Environments.rewardThreshold("CartPole-v0").getAsDouble(), 0.0);
        assertEquals(-110.0, Environments.rewardThreshold("MountainCar-v0").getAsDouble(), 0.0);
        TimeLimit<?, ?> limit = assertInstanceOf(TimeLimit.class, Environments.make("CartPole-v1"));
        assertEquals(500, limit.maxEpisodeSteps());
        assertInstanceOf(CartPole.class, limit.inner());
    }

    @Test
    void mountainCarIsTruncatedOnTheTwoHundredthStep() {
        Environment<double[], Integer> env = Environments.make("MountainCar-v0", Integer.class);
        double[] obs = env.reset(0);
        MountainCar raw = new MountainCar();
        assertArrayEquals(raw.reset(0), obs, 0.0, "the wrapper passes the seeded reset through");
        for (int t = 1; t <= 200; t++) {
            Step<double[]> step = env.step(1);
            assertFalse(step.terminated());
            assertEquals(t == 200, step.truncated(), "step " + t);
        }
        assertThrows(IllegalStateException.class, () -> env.step(1));
        env.reset();
        assertFalse(env.step(1).truncated(), "reset restarts the step count");
    }

    @Test
    void balancedCartPoleIsTruncatedOnTheFiveHundredthStep() {
        Environment<double[], Integer> env = Environments.make("CartPole-v1", Integer.class);
        double[] obs = env.reset(0);
        int steps = 0;
        Step<double[]> step;
        do {
            // Push towards the side the pole is falling to (a linear controller that balances).
            double push = obs[2] + 0.5 * obs[3] + 0.01 * obs[0] + 0.1 * obs[1];
            step = env.step(push > 0 ? 1 : 0);
            obs = step.observation();
            steps++;
        } while (!step.done());
        assertEquals(500, steps);
        assertTrue(step.truncated());
        assertFalse(step.terminated());
    }

    @Test
    void unknownIdsAndWrongActionTypesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Environments.make("Pong-v5"));
        assertTrue(e.getMessage().contains("Pong-v5") && e.getMessage().contains("CartPole-v1"), e.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> Environments.make("CartPole-v1", double[].class));
        assertTrue(type.getMessage().contains("Integer"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Environments.make(null));
    }
}
