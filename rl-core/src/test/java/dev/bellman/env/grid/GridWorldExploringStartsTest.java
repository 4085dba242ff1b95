package dev.bellman.env.grid;

import dev.bellman.core.ExploringStarts;
import dev.bellman.core.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GridWorld as {@link ExploringStarts}: every non-wall, non-terminal cell can begin an episode. */
class GridWorldExploringStartsTest {

    @Test
    void startStatesAreEveryNonWallNonTerminalCellInStateOrder() {
        assertEquals(IntStream.range(0, 25).boxed().toList(), GridWorldPreset.ZHAO_5X5.build().startStates());
        assertEquals(IntStream.range(1, 15).boxed().toList(), GridWorldPreset.SUTTON_BARTO_4_1.build().startStates());
        assertEquals(List.of(0, 2, 5), GridWorld.builder(".W.\nXWT").targetTerminal(false).build().startStates());
    }

    @Test
    void startStatesCannotBeModified() {
        List<Integer> starts = GridWorldPreset.ZHAO_5X5.build().startStates();
        assertThrows(UnsupportedOperationException.class, () -> starts.add(99));
    }

    @Test
    void resetToStartsAnEpisodeInTheGivenState() {
        GridWorld world = GridWorldPreset.SUTTON_BARTO_4_1.build();

        assertEquals(6, world.resetTo(6));
        Step<Integer> step = world.step(GridAction.UP.ordinal());
        assertEquals(2, step.observation());
        assertFalse(step.done());
    }

    @Test
    void resetToRestartsAnEndedEpisode() {
        GridWorld world = GridWorldPreset.SUTTON_BARTO_4_1.build();
        world.resetTo(1);
        assertTrue(world.step(GridAction.LEFT.ordinal()).terminated());

        assertEquals(1, world.resetTo(1));
        assertTrue(world.step(GridAction.LEFT.ordinal()).terminated());
    }

    @Test
    void resetToDoesNotUseTheRandomStream() {
        // No 'S': reset() draws its start from the stream.
        GridWorld first = GridWorld.builder("....\n...T").build();
        GridWorld second = GridWorld.builder("....\n...T").build();
        first.reset(11);
        second.reset(11);

        first.resetTo(3);

        for (int i = 0; i < 20; i++) {
            assertEquals(second.reset(), first.reset());
        }
    }

    @Test
    void resetToRejectsWallsTerminalsAndOutsideStatesNamingThem() {
        GridWorld world = GridWorld.builder("SW\n.X").cliff(1, 0).cliffReturnsToStart(true).build();

        assertRejected(world, 1, "start state 1", "a wall");
        assertRejected(world, 3, "start state 3", "a terminal cell");
        assertRejected(world, 2, "start state 2", "a cliff");
        assertRejected(world, 4, "start state 4", "outside [0, 3]");
        assertRejected(world, -1, "start state -1", "outside [0, 3]");
        assertRejected(world, null, "start state null");
        GridWorld terminalTarget = GridWorld.builder("ST").targetTerminal(true).build();
        assertRejected(terminalTarget, 1, "start state 1", "terminal target");
    }

    private static void assertRejected(GridWorld world, Integer state, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> world.resetTo(state));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }
}
