package dev.bellman.env.grid;

import dev.bellman.core.Step;
import dev.bellman.core.Transition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wind and the {@code windy-gridworld} preset (Sutton &amp; Barto Example 6.5). */
class GridWorldWindTest {

    private static final int UP = GridAction.UP.ordinal();
    private static final int RIGHT = GridAction.RIGHT.ordinal();
    private static final int DOWN = GridAction.DOWN.ordinal();
    private static final int LEFT = GridAction.LEFT.ordinal();
    private static final int STAY = GridAction.STAY.ordinal();

    private static Transition onlyOutcome(GridWorld world, int state, int action) {
        List<Transition> outcomes = world.transitions(state, action);
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }

    @Test
    void windyPresetHasTheLayoutOfExample6_5() {
        GridWorld world = GridWorldPreset.WINDY_GRIDWORLD.build();

        assertEquals(7, world.rows());
        assertEquals(10, world.cols());
        assertEquals(4, world.actionCount());
        assertEquals(1.0, GridWorldPreset.WINDY_GRIDWORLD.gamma(), 0.0);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 1, 0}, world.wind());
        assertEquals(world.state(3, 0), world.startState());
        assertEquals(CellType.TARGET, world.cell(world.state(3, 7)));
        assertTrue(world.isTerminal(world.state(3, 7)));
    }

    @Test
    void windOfTheColumnBeingLeftPushesUp() {
        GridWorld world = GridWorldPreset.WINDY_GRIDWORLD.build();

        // Leaving column 6 (wind 2) to the right lands two rows above the goal, as in the book's code.
        assertEquals(new Transition(world.state(1, 7), 1.0, -1.0), onlyOutcome(world, world.state(3, 6), RIGHT));
        // Leaving column 5 (wind 1) to the right.
        assertEquals(new Transition(world.state(2, 6), 1.0, -1.0), onlyOutcome(world, world.state(3, 5), RIGHT));
        // Leaving column 7 (wind 2) to the left: the wind of column 6 does not count.
        assertEquals(new Transition(world.state(3, 6), 1.0, -1.0), onlyOutcome(world, world.state(5, 7), LEFT));
        // Leaving column 3 (wind 1) to the left, into the calm column 2: still pushed.
        assertEquals(new Transition(world.state(4, 2), 1.0, -1.0), onlyOutcome(world, world.state(5, 3), LEFT));
        // Down in column 8 (wind 1) stays in place.
        assertEquals(new Transition(world.state(4, 8), 1.0, -1.0), onlyOutcome(world, world.state(4, 8), DOWN));
        // Up from the bottom of column 7: one row by the move, two by the wind, onto the goal.
        assertEquals(new Transition(world.state(3, 7), 1.0, -1.0), onlyOutcome(world, world.state(6, 7), UP));
    }

    @Test
    void windIsClippedAtTheTopEdge() {
        GridWorld world = GridWorldPreset.WINDY_GRIDWORLD.build();

        assertEquals(new Transition(world.state(0, 7), 1.0, -1.0), onlyOutcome(world, world.state(1, 6), RIGHT));
        assertEquals(new Transition(world.state(0, 6), 1.0, -1.0), onlyOutcome(world, world.state(0, 6), UP));
        assertEquals(new Transition(world.state(0, 5), 1.0, -1.0), onlyOutcome(world, world.state(0, 6), LEFT));
    }

    @Test
    void optimalPathTakes15Steps() {
        // Sutton & Barto Example 6.5 / Fig. 6.3: the shortest path from S to G takes 15 time steps.
        GridWorld world = GridWorldPreset.WINDY_GRIDWORLD.build();

        double[] v = ShortestPaths.optimalValues(world);

        assertEquals(-15.0, v[world.startState()], 0.0);
        assertEquals(15, ShortestPaths.greedyPathLength(world, v, world.startState()));
    }

    @Test
    void stepFollowsTheSameWindAsTheModel() {
        GridWorld world = GridWorldPreset.WINDY_GRIDWORLD.build();
        world.reset(0);
        int[] rightNine = {RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT};
        int[] rows = {3, 3, 3, 2, 1, 0, 0, 0, 0};
        int[] cols = {1, 2, 3, 4, 5, 6, 7, 8, 9};

        for (int i = 0; i < rightNine.length; i++) {
            Step<Integer> step = world.step(rightNine[i]);
            assertEquals(world.state(rows[i], cols[i]), step.observation(), "step " + (i + 1));
            assertEquals(-1.0, step.reward(), 0.0);
        }
    }

    @Test
    void blockedMoveEarnsBoundaryRewardWhereverTheWindCarriesTheAgent() {
        GridWorld world = GridWorld.builder("...\n...\nS.T").wind(1, 0, 0).rewardBoundary(-5).rewardStep(-1).build();

        assertEquals(new Transition(world.state(1, 0), 1.0, -5.0), onlyOutcome(world, world.state(2, 0), LEFT));
        assertEquals(new Transition(world.state(1, 0), 1.0, -1.0), onlyOutcome(world, world.state(2, 0), STAY));
        // Down and blown back: not a bump, an ordinary step into the same cell.
        assertEquals(new Transition(world.state(1, 0), 1.0, -1.0), onlyOutcome(world, world.state(1, 0), DOWN));
    }

    @Test
    void negativeWindPushesDownAndWallsStopTheWind() {
        GridWorld down = GridWorld.builder("S..\n...\n..T").wind(0, -2, 0).build();
        assertEquals(down.state(2, 0), onlyOutcome(down, down.state(0, 1), LEFT).nextState());
        assertEquals(down.state(2, 1), onlyOutcome(down, down.state(0, 1), STAY).nextState());
        // Entering the windy column from a calm one: no push.
        assertEquals(down.state(0, 1), onlyOutcome(down, down.state(0, 0), RIGHT).nextState());

        GridWorld walled = GridWorld.builder(".W.\n...\nS.T").wind(0, 3, 0).build();
        assertEquals(walled.state(1, 1), onlyOutcome(walled, walled.state(2, 1), STAY).nextState());
    }

    @Test
    void windCanCarryTheAgentIntoTheCliffOrTheTarget() {
        GridWorld world = GridWorld.builder("T..\nC..\n..S").wind(0, 0, -1).build();

        // Leaving column 2 (wind -1 pushes down): LEFT from (0,2) lands at (1,1).
        assertEquals(world.state(1, 1), onlyOutcome(world, world.state(0, 2), LEFT).nextState());
        GridWorld up = GridWorld.builder("T..\nC..\n..S").wind(1, 0, 0).build();
        // UP from (2,0) enters the cliff at (1,0), but the wind of column 0 lifts on to the target
        // (0,0): only the cell where the agent ends counts, so it earns r_target.
        assertEquals(new Transition(up.state(0, 0), 1.0, 1.0), onlyOutcome(up, up.state(2, 0), UP));
        // RIGHT from (2,0) moves to (2,1), and the wind of column 0 lifts it to (1,1).
        assertEquals(up.state(1, 1), onlyOutcome(up, up.state(2, 0), RIGHT).nextState());
        // STAY at (2,0) is blown into the cliff at (1,0): back to the start with r_cliff.
        assertEquals(new Transition(up.startState(), 1.0, -100.0), onlyOutcome(up, up.state(2, 0), STAY));
    }

    @Test
    void windMustGiveOneStrengthPerColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridWorld.builder("S..T").wind(0, 1));
        assertTrue(e.getMessage().contains("2 column strengths") && e.getMessage().contains("expected 4"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GridWorld.builder("S..T").wind((int[]) null));
    }

    @Test
    void windlessWorldReportsNoWindAndTeleportsIgnoreWind() {
        assertArrayEquals(new int[4], GridWorld.builder("S..T").build().wind());
        GridWorld world = GridWorld.builder("...\n..T").wind(2, 2, 2).teleport(1, 0, 1, 1, 3).build();
        assertEquals(new Transition(world.state(1, 1), 1.0, 3.0), onlyOutcome(world, world.state(1, 0), UP));
    }
}
