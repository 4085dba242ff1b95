package dev.bellman.env.grid;

import dev.bellman.core.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GridWorld as a Gymnasium-style {@link dev.bellman.core.Environment}. */
class GridWorldEnvironmentTest {

    /** No 'S': episodes start at a random non-terminal cell; slip makes steps random too. */
    private static GridWorld randomStartSlippery() {
        return GridWorld.builder("....\n.#W.\n...T").slip(0.5).build();
    }

    /** Start cells of 30 episodes and, in each, the observations and rewards of 15 fixed actions. */
    private static List<Object> rollout(GridWorld world, long seed) {
        List<Object> trace = new ArrayList<>();
        trace.add(world.reset(seed));
        for (int episode = 0; episode < 30; episode++) {
            if (episode > 0) {
                trace.add(world.reset());
            }
            for (int t = 0; t < 15; t++) {
                Step<Integer> step = world.step((episode + t) % 5);
                trace.add(step.observation());
                trace.add(step.reward());
            }
        }
        return trace;
    }

    @Test
    void sameSeedGivesSameStartsAndTrajectoriesUnderSlip() {
        GridWorld world = randomStartSlippery();

        List<Object> first = rollout(world, 123);
        List<Object> second = rollout(world, 123);
        List<Object> fresh = rollout(randomStartSlippery(), 123);

        assertEquals(first, second);
        assertEquals(first, fresh, "a new instance with the same seed repeats the run");
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        assertNotEquals(rollout(randomStartSlippery(), 1), rollout(randomStartSlippery(), 2));
    }

    @Test
    void randomStartsAreUniformOverNonTerminalCells() {
        // 4x3 map, wall at (1,2): 11 non-terminal cells (the continuing target included).
        GridWorld world = randomStartSlippery();
        int n = 55_000;
        int[] counts = new int[world.stateCount()];
        world.reset(8);
        for (int i = 0; i < n; i++) {
            counts[world.reset()]++;
        }
        assertEquals(0, counts[world.state(1, 2)], "never a wall");
        double p = 1.0 / 11;
        for (int s = 0; s < counts.length; s++) {
            if (s != world.state(1, 2)) {
                // five binomial standard deviations
                assertEquals(p, counts[s] / (double) n, 5 * Math.sqrt(p * (1 - p) / n), "state " + s);
            }
        }
    }

    @Test
    void resetReturnsStartCellWhenMapHasOne() {
        GridWorld world = GridWorld.builder("..\nST").build();

        assertEquals(2, world.startState());
        assertEquals(2, world.reset(99));
        assertEquals(2, world.reset());
    }

    @Test
    void mapWithoutStartReportsMinusOne() {
        assertEquals(-1, GridWorld.builder(".T").build().startState());
    }

    @Test
    void stepBeforeResetIsRejected() {
        GridWorld world = GridWorld.builder("S.T").build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> world.step(0));
        assertTrue(e.getMessage().contains("before reset"), e.getMessage());
    }

    @Test
    void stepAfterTerminationIsRejectedUntilReset() {
        GridWorld world = GridWorld.builder("ST").targetTerminal(true).build();
        world.reset(5);
        assertTrue(world.step(GridAction.RIGHT.ordinal()).terminated());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> world.step(0));
        assertTrue(e.getMessage().contains("terminated in state 1"), e.getMessage());
        assertTrue(e.getMessage().contains("reset"), e.getMessage());

        assertEquals(0, world.reset());
        assertFalse(world.step(GridAction.LEFT.ordinal()).done());
    }

    @Test
    void actionOutsideSpaceIsRejectedNamingValueAndSpace() {
        GridWorld world = GridWorld.builder("S.T").build();
        world.reset(0);

        for (Integer bad : new Integer[] {5, -1, null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> world.step(bad));
            assertTrue(e.getMessage().contains("action " + bad), e.getMessage());
            assertTrue(e.getMessage().contains("Discrete(5)"), e.getMessage());
        }
        // the rejected actions did not move the agent
        assertEquals(1, world.step(GridAction.RIGHT.ordinal()).observation());
    }

    @Test
    void transitionsRejectOutOfRangeStateAndAction() {
        GridWorld world = GridWorld.builder("S.T").build();

        IllegalArgumentException state = assertThrows(IllegalArgumentException.class, () -> world.transitions(3, 0));
        assertTrue(state.getMessage().contains("state 3"), state.getMessage());
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class, () -> world.transitions(0, 7));
        assertTrue(action.getMessage().contains("action 7"), action.getMessage());
        assertThrows(IllegalArgumentException.class, () -> world.isTerminal(-1));
        assertThrows(IllegalArgumentException.class, () -> world.state(0, 3));
    }

    @Test
    void spacesMatchGridSizeAndActionCount() {
        GridWorld world = GridWorld.builder("...\n..T").withStay(false).build();

        assertEquals(6, world.observationSpace().n());
        assertEquals(4, world.actionSpace().n());
        assertEquals(2, world.rows());
        assertEquals(3, world.cols());
    }

    @Test
    void deterministicStepMatchesTransitionModel() {
        GridWorld world = GridWorld.builder("S#.\n.W.\n..T").build();
        world.reset(0);
        int[] actions = {1, 1, 2, 2, 4, 0, 3, 3, 2, 2, 1, 1, 4};
        int state = 0;

        for (int a : actions) {
            var expected = world.transitions(state, a).get(0);
            Step<Integer> step = world.step(a);
            assertEquals(expected.nextState(), step.observation());
            assertEquals(expected.reward(), step.reward(), 0.0);
            assertTrue(step.info().isEmpty());
            state = step.observation();
        }
        assertEquals(8, state);
    }
}
