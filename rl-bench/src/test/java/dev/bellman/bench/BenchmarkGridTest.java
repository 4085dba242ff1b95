package dev.bellman.bench;

import dev.bellman.env.grid.CellType;
import dev.bellman.env.grid.GridWorld;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchmarkGridTest {

    @Test
    void oneCellInSevenIsForbiddenAndTheTargetIsTheBottomRightCorner() {
        BenchmarkGrid grid = BenchmarkGrid.of(100);
        GridWorld world = grid.gridWorld(true);
        int forbidden = 0;
        for (int s = 0; s < world.stateCount(); s++) {
            if (world.cell(s) == CellType.FORBIDDEN) {
                forbidden++;
            }
        }
        // Indices 3, 10, ..., 9999 are 1429 cells, but the last is the target, which stays a target.
        assertEquals(1428, forbidden);
        assertEquals(CellType.TARGET, world.cell(world.state(99, 99)));
        assertFalse(grid.isForbidden(99, 99));
    }

    @Test
    void theWorldHasFiveActionsOrFourAndIsContinuing() {
        assertEquals(5, BenchmarkGrid.of(10).gridWorld(true).actionCount());
        assertEquals(4, BenchmarkGrid.of(10).gridWorld(false).actionCount());
        assertFalse(BenchmarkGrid.of(10).gridWorld(true).targetTerminal());
    }

    @Test
    void aSizeOutsideTheRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkGrid.of(1));
        assertEquals("grid size 1 is outside [2, 10000]", e.getMessage());
    }
}
