package dev.bellman.bench;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.Space;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The helpers of {@link EnvironmentSteps}: raw environments, action cycles and action lists. Nothing timed. */
class EnvironmentStepsTest {

    private static final List<String> IDS = List.of("CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0",
            "Pendulum-v1", "Acrobot-v1");

    @Test
    void rawEnvironmentIsTheRegisteredOneWithoutItsTimeLimit() {
        for (String id : IDS) {
            Environment<double[], ?> raw = EnvironmentSteps.raw(id);
            Environment<double[], ?> registered = Environments.make(id);
            assertFalse(raw.toString().startsWith("TimeLimit"), raw::toString);
            assertEquals("TimeLimit(" + Environments.maxEpisodeSteps(id) + ")<" + raw + ">", registered.toString());
            assertArrayEquals(registered.reset(7), raw.reset(7), id);
        }
    }

    @Test
    void unknownIdIsRejectedWithTheRegisteredIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnvironmentSteps.raw("CartPole-v9"));
        assertTrue(e.getMessage().contains("CartPole-v9") && e.getMessage().contains("Acrobot-v1"), e.getMessage());
    }

    @Test
    void everyActionOfTheCycleIsInTheActionSpace() {
        for (String id : IDS) {
            Environment<double[], ?> env = EnvironmentSteps.raw(id);
            Object[] actions = EnvironmentSteps.actionCycle(env, EnvironmentSteps.ACTION_CYCLE, EnvironmentSteps.SEED);
            assertEquals(EnvironmentSteps.ACTION_CYCLE, actions.length);
            for (Object action : actions) {
                assertTrue(contains(env.actionSpace(), action), () -> id + " action " + action);
            }
        }
    }

    @Test
    void discreteActionsAreCachedIntegersAndContinuousOnesOneElementArrays() {
        Object[] cartPole = EnvironmentSteps.actionCycle(EnvironmentSteps.raw("CartPole-v1"), 256, 1);
        for (Object action : cartPole) {
            assertSame(Integer.valueOf((Integer) action), action);
        }
        Object[] pendulum = EnvironmentSteps.actionCycle(EnvironmentSteps.raw("Pendulum-v1"), 256, 1);
        double low = 0;
        double high = 0;
        for (Object action : pendulum) {
            double[] torque = assertInstanceOf(double[].class, action);
            assertEquals(1, torque.length);
            low = Math.min(low, torque[0]);
            high = Math.max(high, torque[0]);
        }
        // 256 uniform draws on [-2, 2] leave no gap wider than 0.25 at either end, except with
        // probability 2 * (15/16)^256, about 1e-7.
        assertTrue(low < -1.75 && high > 1.75, "torques span [" + low + ", " + high + "]");
    }

    @Test
    void cycleStepsEveryEnvironmentThroughResetsWithoutError() {
        for (String id : IDS) {
            Environment<double[], Object> env = untyped(Environments.make(id));
            Object[] actions = EnvironmentSteps.actionCycle(env, EnvironmentSteps.ACTION_CYCLE, EnvironmentSteps.SEED);
            env.reset(EnvironmentSteps.SEED);
            int episodes = 0;
            for (Object action : actions) {
                Step<double[]> step = env.step(action);
                if (step.done()) {
                    env.reset();
                    episodes++;
                }
            }
            // Every registered time limit is at most 999 steps, so 4096 steps end at least 4 episodes.
            assertTrue(episodes >= 4, id + " ended " + episodes + " episodes");
        }
    }

    @Test
    void sameSeedGivesTheSameCycle() {
        Object[] first = EnvironmentSteps.actionCycle(EnvironmentSteps.raw("Acrobot-v1"), 64, 5);
        Object[] second = EnvironmentSteps.actionCycle(EnvironmentSteps.raw("Acrobot-v1"), 64, 5);
        assertArrayEquals(first, second);
        Object[] torques = EnvironmentSteps.actionCycle(EnvironmentSteps.raw("Pendulum-v1"), 64, 5);
        Object[] again = EnvironmentSteps.actionCycle(EnvironmentSteps.raw("Pendulum-v1"), 64, 5);
        for (int i = 0; i < torques.length; i++) {
            assertArrayEquals((double[]) torques[i], (double[]) again[i]);
        }
    }

    @Test
    void actionListsSplitTheCycleInOrder() {
        Object[] actions = {0, 1, 2, 0, 1, 2, 2, 1};
        List<List<Object>> lists = EnvironmentSteps.actionLists(actions, 4);
        assertEquals(List.of(List.of(0, 1, 2, 0), List.of(1, 2, 2, 1)), lists);
        assertThrows(UnsupportedOperationException.class, () -> lists.get(0).set(0, 1));
        assertNotSame(lists.get(0), lists.get(1));
    }

    @Test
    void actionListsRejectASizeThatDoesNotDivideTheCycle() {
        assertThrows(IllegalArgumentException.class, () -> EnvironmentSteps.actionLists(new Object[10], 4));
        assertThrows(IllegalArgumentException.class, () -> EnvironmentSteps.actionLists(new Object[8], 0));
    }

    @Test
    void emptyCycleIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> EnvironmentSteps.actionCycle(EnvironmentSteps.raw("CartPole-v1"), 0, 1));
    }

    @SuppressWarnings("unchecked") // the action was sampled from this space
    private static boolean contains(Space<?> space, Object action) {
        return ((Space<Object>) space).contains(action);
    }

    @SuppressWarnings("unchecked") // the actions are sampled from the environment's own space
    private static Environment<double[], Object> untyped(Environment<double[], ?> env) {
        return (Environment<double[], Object>) env;
    }
}
