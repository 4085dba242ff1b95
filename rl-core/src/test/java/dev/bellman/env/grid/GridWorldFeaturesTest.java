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

/** Walls, terminal targets, terminal cells, teleports, four-action worlds and the presets. */
class GridWorldFeaturesTest {

    private static Transition onlyOutcome(GridWorld world, int state, int action) {
        List<Transition> outcomes = world.transitions(state, action);
        assertEquals(1, outcomes.size());
        assertEquals(1.0, outcomes.get(0).probability(), 0.0);
        return outcomes.get(0);
    }

    @Test
    void wallCannotBeEnteredAndBumpingItEarnsBoundaryReward() {
        GridWorld world = GridWorld.builder(".W.\n..T").rewardBoundary(-4).build();

        Transition right = onlyOutcome(world, 0, GridAction.RIGHT.ordinal());
        assertEquals(0, right.nextState());
        assertEquals(-4.0, right.reward(), 0.0);
        Transition up = onlyOutcome(world, world.state(1, 1), GridAction.UP.ordinal());
        assertEquals(world.state(1, 1), up.nextState());
        assertEquals(-4.0, up.reward(), 0.0);
        Transition left = onlyOutcome(world, 2, GridAction.LEFT.ordinal());
        assertEquals(2, left.nextState());
    }

    @Test
    void wallBumpFromForbiddenCellUnderSumAddsBothPenalties() {
        GridWorld world = GridWorld.builder("#W\n.T").rewardForbidden(-10).forbiddenBump(ForbiddenBump.SUM).build();

        Transition bump = onlyOutcome(world, 0, GridAction.RIGHT.ordinal());
        assertEquals(0, bump.nextState());
        assertEquals(-11.0, bump.reward(), 0.0);
    }

    @Test
    void wallsAreTerminalSelfLoopsAndNeverStarts() {
        GridWorld world = GridWorld.builder("W.\n.T").build();

        assertTrue(world.isTerminal(0));
        for (int a = 0; a < 5; a++) {
            assertEquals(List.of(new Transition(0, 1.0, 0.0)), world.transitions(0, a));
        }
        world.reset(17);
        for (int i = 0; i < 500; i++) {
            assertTrue(world.reset() != 0, "an episode never starts in a wall");
        }
    }

    @Test
    void terminalTargetIsSelfLoopWithZeroReward() {
        GridWorld world = GridWorld.builder("S.T").targetTerminal(true).rewardTarget(10).build();

        assertTrue(world.targetTerminal());
        assertTrue(world.isTerminal(2));
        assertFalse(world.isTerminal(1));
        for (int a = 0; a < 5; a++) {
            assertEquals(List.of(new Transition(2, 1.0, 0.0)), world.transitions(2, a), "action " + a);
        }
        Transition enter = onlyOutcome(world, 1, GridAction.RIGHT.ordinal());
        assertEquals(2, enter.nextState());
        assertEquals(10.0, enter.reward(), 0.0);
    }

    @Test
    void enteringTerminalTargetEndsTheEpisode() {
        GridWorld world = GridWorld.builder("ST").targetTerminal(true).build();
        world.reset(0);

        Step<Integer> step = world.step(GridAction.RIGHT.ordinal());

        assertEquals(1, step.observation());
        assertEquals(1.0, step.reward(), 0.0);
        assertTrue(step.terminated());
        assertFalse(step.truncated());
        assertThrows(IllegalStateException.class, () -> world.step(GridAction.STAY.ordinal()));
    }

    @Test
    void continuingTargetIsNotTerminalByDefault() {
        GridWorld world = GridWorld.builder("ST").build();

        assertFalse(world.targetTerminal());
        assertFalse(world.isTerminal(1));
        assertEquals(new Transition(1, 1.0, 1.0), onlyOutcome(world, 1, GridAction.STAY.ordinal()));
    }

    @Test
    void terminalCellsEarnStepRewardOnEntryAndEndTheEpisode() {
        GridWorld world = GridWorld.builder("SX").rewardStep(-1).build();
        world.reset(0);

        Step<Integer> step = world.step(GridAction.RIGHT.ordinal());

        assertEquals(CellType.TERMINAL, world.cell(1));
        assertEquals(-1.0, step.reward(), 0.0);
        assertTrue(step.terminated());
    }

    @Test
    void builderTerminalMarksCellAsX() {
        GridWorld world = GridWorld.builder("...\n...").requireTarget(true).terminal(1, 2).build();

        assertEquals(CellType.TERMINAL, world.cell(5));
        assertTrue(world.isTerminal(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridWorld.builder("..").terminal(1, 0));
        assertTrue(e.getMessage().contains("(1, 0)"), e.getMessage());
    }

    @Test
    void fourActionWorldHasNoStay() {
        GridWorld world = GridWorld.builder("..\n.T").withStay(false).build();

        assertEquals(4, world.actionCount());
        assertEquals(4, world.actionSpace().n());
        assertEquals(List.of(GridAction.UP, GridAction.RIGHT, GridAction.DOWN, GridAction.LEFT), world.actions());
        assertThrows(IllegalArgumentException.class, () -> world.transitions(0, 4));
        world.reset(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> world.step(4));
        assertTrue(e.getMessage().contains("action 4") && e.getMessage().contains("Discrete(4)"), e.getMessage());
    }

    @Test
    void fiveActionWorldListsActionsInZhaoOrder() {
        GridWorld world = GridWorld.builder(".T").build();

        assertEquals(List.of(GridAction.values()), world.actions());
        assertEquals(5, world.actionCount());
    }

    @Test
    void teleportMovesEveryActionToDestinationWithItsReward() {
        GridWorld world = GridWorld.builder("...\n..T").teleport(0, 0, 1, 1, 3.5).build();

        for (int a = 0; a < 5; a++) {
            assertEquals(new Transition(4, 1.0, 3.5), onlyOutcome(world, 0, a), "action " + a);
        }
    }

    @Test
    void suttonBartoExample3_5TeleportsFromAAndB() {
        // Sutton & Barto (2nd ed.) Example 3.5: A = (0,1) -> A' = (4,1) with +10; B = (0,3) -> B' = (2,3) with +5.
        GridWorld world = GridWorldPreset.SUTTON_BARTO_3_5.build();
        int a = world.state(0, 1);
        int aPrime = world.state(4, 1);
        int b = world.state(0, 3);
        int bPrime = world.state(2, 3);

        assertEquals(4, world.actionCount());
        for (int action = 0; action < 4; action++) {
            assertEquals(new Transition(aPrime, 1.0, 10.0), onlyOutcome(world, a, action));
            assertEquals(new Transition(bPrime, 1.0, 5.0), onlyOutcome(world, b, action));
        }
        // off-grid from a corner: -1 and stay; an ordinary move: 0
        assertEquals(new Transition(0, 1.0, -1.0), onlyOutcome(world, 0, GridAction.LEFT.ordinal()));
        assertEquals(new Transition(5, 1.0, 0.0), onlyOutcome(world, 0, GridAction.DOWN.ordinal()));
        assertEquals(0.9, GridWorldPreset.SUTTON_BARTO_3_5.gamma(), 0.0);
        for (int s = 0; s < 25; s++) {
            assertFalse(world.isTerminal(s));
        }
    }

    @Test
    void suttonBartoExample4_1HasTerminalCornersAndMinusOneEverywhere() {
        GridWorld world = GridWorldPreset.SUTTON_BARTO_4_1.build();

        assertEquals(16, world.stateCount());
        assertEquals(4, world.actionCount());
        assertEquals(1.0, GridWorldPreset.SUTTON_BARTO_4_1.gamma(), 0.0);
        for (int s = 0; s < 16; s++) {
            assertEquals(s == 0 || s == 15, world.isTerminal(s), "state " + s);
            for (int a = 0; a < 4; a++) {
                double expected = world.isTerminal(s) ? 0.0 : -1.0;
                assertEquals(expected, onlyOutcome(world, s, a).reward(), 0.0, "state " + s + " action " + a);
            }
        }
        assertEquals(0, onlyOutcome(world, 1, GridAction.LEFT.ordinal()).nextState());
        assertEquals(-1, TabularModel.of(world).firstStateNotReachingTerminal(null));
    }

    @Test
    void zhaoPresetMatchesBookLayout() {
        // Zhao Fig. 3.4: forbidden (2,2), (2,3), (3,3), (4,2), (4,4), (5,2); target (4,3), 1-based.
        GridWorld world = GridWorldPreset.ZHAO_5X5.build();
        int[][] forbidden = {{2, 2}, {2, 3}, {3, 3}, {4, 2}, {4, 4}, {5, 2}};
        int forbiddenCount = 0;
        for (int s = 0; s < 25; s++) {
            forbiddenCount += world.cell(s) == CellType.FORBIDDEN ? 1 : 0;
        }

        assertEquals(6, forbiddenCount);
        for (int[] cell : forbidden) {
            assertEquals(CellType.FORBIDDEN, world.cell(world.state(cell[0] - 1, cell[1] - 1)));
        }
        assertEquals(CellType.TARGET, world.cell(world.state(3, 2)));
        assertEquals(5, world.actionCount());
        assertFalse(world.targetTerminal());
        assertEquals(0.9, GridWorldPreset.ZHAO_5X5.gamma(), 0.0);
    }

    @Test
    void presetBuilderCanStillBeChanged() {
        GridWorld world = GridWorldPreset.ZHAO_5X5.builder().rewardForbidden(-10).build();

        // (1,2) 1-based -> down enters the forbidden cell (2,2)
        assertEquals(-10.0, onlyOutcome(world, world.state(0, 1), GridAction.DOWN.ordinal()).reward(), 0.0);
        assertEquals(-1.0, GridWorldPreset.ZHAO_5X5.build().transitions(1, GridAction.DOWN.ordinal()).get(0).reward(), 0.0);
    }

    @Test
    void presetsAreFoundByIdIgnoringCase() {
        assertEquals(GridWorldPreset.ZHAO_5X5, GridWorldPreset.byId("zhao-5x5"));
        assertEquals(GridWorldPreset.SUTTON_BARTO_4_1, GridWorldPreset.byId("SUTTON-BARTO-4.1"));
        assertEquals(GridWorldPreset.CLIFF_WALKING, GridWorldPreset.byId("cliff-walking"));
        assertEquals(GridWorldPreset.WINDY_GRIDWORLD, GridWorldPreset.byId("Windy-Gridworld"));
        assertEquals("zhao-5x5, sutton-barto-3.5, sutton-barto-4.1, cliff-walking, windy-gridworld",
                GridWorldPreset.ids());
    }

    @Test
    void unknownPresetIsRejectedListingKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridWorldPreset.byId("maze"));
        assertTrue(e.getMessage().contains("'maze'"), e.getMessage());
        assertTrue(e.getMessage().contains("zhao-5x5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GridWorldPreset.byId(null));
    }

    @Test
    void actionLettersRoundTrip() {
        for (GridAction action : GridAction.values()) {
            assertEquals(action, GridAction.fromLetter(action.letter()));
            assertEquals(action, GridAction.fromLetter(Character.toLowerCase(action.letter())));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridAction.fromLetter('Q'));
        assertTrue(e.getMessage().contains("'Q'"), e.getMessage());
    }
}
