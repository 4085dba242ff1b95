package dev.bellman.env.grid;

import dev.bellman.core.Step;
import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cliff cells and the {@code cliff-walking} preset (Sutton &amp; Barto Example 6.6). */
class GridWorldCliffTest {

    private static final int UP = GridAction.UP.ordinal();
    private static final int RIGHT = GridAction.RIGHT.ordinal();
    private static final int DOWN = GridAction.DOWN.ordinal();
    private static final int LEFT = GridAction.LEFT.ordinal();

    private static Transition onlyOutcome(GridWorld world, int state, int action) {
        List<Transition> outcomes = world.transitions(state, action);
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }

    @Test
    void cliffWalkingPresetHasTheLayoutOfExample6_6() {
        GridWorld world = GridWorldPreset.CLIFF_WALKING.build();

        assertEquals(4, world.rows());
        assertEquals(12, world.cols());
        assertEquals(4, world.actionCount());
        assertEquals(1.0, GridWorldPreset.CLIFF_WALKING.gamma(), 0.0);
        assertEquals(world.state(3, 0), world.startState());
        assertEquals(CellType.TARGET, world.cell(world.state(3, 11)));
        assertTrue(world.isTerminal(world.state(3, 11)));
        for (int col = 1; col <= 10; col++) {
            assertEquals(CellType.CLIFF, world.cell(world.state(3, col)), "column " + col);
            assertTrue(world.isTerminal(world.state(3, col)), "a cliff is never stood on");
        }
        assertEquals(-100.0, world.rewardCliff(), 0.0);
        assertTrue(world.cliffReturnsToStart());
        assertEquals(48 - 10 - 1, world.startStates().size());
    }

    @Test
    void steppingIntoTheCliffCostsHundredAndReturnsToStart() {
        GridWorld world = GridWorldPreset.CLIFF_WALKING.build();
        int start = world.startState();

        assertEquals(new Transition(start, 1.0, -100.0), onlyOutcome(world, start, RIGHT));
        assertEquals(new Transition(start, 1.0, -100.0), onlyOutcome(world, world.state(2, 5), DOWN));
        world.reset(3);
        world.step(UP);
        world.step(RIGHT);
        Step<Integer> fall = world.step(DOWN);
        assertEquals(start, fall.observation());
        assertEquals(-100.0, fall.reward(), 0.0);
        assertFalse(fall.terminated(), "the episode goes on after a fall");
        assertEquals(world.state(2, 0), world.step(UP).observation());
    }

    @Test
    void everyOtherStepCostsOneAndTheGoalEndsTheEpisode() {
        GridWorld world = GridWorldPreset.CLIFF_WALKING.build();

        assertEquals(new Transition(world.state(2, 0), 1.0, -1.0), onlyOutcome(world, world.startState(), UP));
        assertEquals(new Transition(world.startState(), 1.0, -1.0), onlyOutcome(world, world.startState(), LEFT));
        assertEquals(new Transition(0, 1.0, -1.0), onlyOutcome(world, 0, UP));
        int aboveGoal = world.state(2, 11);
        assertEquals(new Transition(world.state(3, 11), 1.0, -1.0), onlyOutcome(world, aboveGoal, DOWN));
        world.resetTo(aboveGoal);
        Step<Integer> last = world.step(DOWN);
        assertTrue(last.terminated());
        assertEquals(-1.0, last.reward(), 0.0);
    }

    @Test
    void optimalPathRunsAlongTheCliffIn13Steps() {
        // Sutton & Barto Example 6.6: the optimal path, along the edge of the cliff, has 13 steps (return -13).
        GridWorld world = GridWorldPreset.CLIFF_WALKING.build();

        double[] v = ShortestPaths.optimalValues(world);

        assertEquals(-13.0, v[world.startState()], 0.0);
        assertEquals(13, ShortestPaths.greedyPathLength(world, v, world.startState()));
        assertEquals(-1, TabularModel.of(world).firstStateNotReachingTerminal(null));
    }

    @Test
    void cliffCellsAreTerminalSelfLoopsLikeWalls() {
        GridWorld world = GridWorldPreset.CLIFF_WALKING.build();
        int cliff = world.state(3, 4);

        for (int a = 0; a < 4; a++) {
            assertEquals(List.of(new Transition(cliff, 1.0, 0.0)), world.transitions(cliff, a));
        }
        assertFalse(world.startStates().contains(cliff));
    }

    @Test
    void cliffThatDoesNotReturnToStartEndsTheEpisode() {
        GridWorld world = GridWorld.builder("SCT").rewardCliff(-7).cliffReturnsToStart(false).build();
        world.reset(0);

        Step<Integer> fall = world.step(RIGHT);

        assertEquals(1, fall.observation());
        assertEquals(-7.0, fall.reward(), 0.0);
        assertTrue(fall.terminated());
        assertEquals(new Transition(1, 1.0, -7.0), onlyOutcome(world, 0, RIGHT));
    }

    @Test
    void cliffWithoutStartIsRejectedUnlessItEndsTheEpisode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridWorld.builder(".CT").build());
        assertTrue(e.getMessage().contains("no start cell 'S'"), e.getMessage());

        GridWorld world = GridWorld.builder(".CT").cliffReturnsToStart(false).build();
        assertTrue(world.isTerminal(1));
    }

    @Test
    void builderCliffMarksCellAsC() {
        GridWorld world = GridWorld.builder("S..\n..T").cliff(1, 1).build();

        assertEquals(CellType.CLIFF, world.cell(4));
        assertEquals(new Transition(0, 1.0, -100.0), onlyOutcome(world, 1, DOWN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridWorld.builder("S.T").cliff(2, 0));
        assertTrue(e.getMessage().contains("cliff cell (2, 0)"), e.getMessage());
    }

    @Test
    void slipIntoTheCliffIsModelledWithItsProbability() {
        GridWorld world = GridWorld.builder("S..\nCCT").withStay(false).slip(0.4).build();

        // From (0,1) going RIGHT: kept with 0.6 + 0.1 slip; DOWN (cliff) with 0.1; UP (bump) 0.1; LEFT 0.1.
        List<Transition> outcomes = world.transitions(1, RIGHT);
        double toStartByCliff = 0;
        for (Transition t : outcomes) {
            if (t.reward() == -100.0) {
                toStartByCliff += t.probability();
                assertEquals(0, t.nextState());
            }
        }
        assertEquals(0.1, toStartByCliff, 1e-12);
    }

    @Test
    void cliffRewardMustBeFiniteAndTeleportsMustAvoidCliffs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridWorld.builder("SCT").rewardCliff(Double.NaN));
        assertTrue(e.getMessage().contains("rewardCliff NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GridWorld.builder("S.CT").teleport(0, 1, 0, 2, 1).build());
        assertTrue(e.getMessage().contains("cliff"), e.getMessage());
    }

    @Test
    void renderedPolicyAndMapShowCliffsAsC() {
        GridWorld world = GridWorld.builder("S.\nCT").withStay(false).targetTerminal(true).build();

        assertEquals("S .\nC T\n", GridRenderer.map(world));
        assertEquals("\u2192 \u2193\nC \u25a0\n", GridRenderer.policy(world, new int[] {RIGHT, DOWN, 0, 0}));
    }
}
