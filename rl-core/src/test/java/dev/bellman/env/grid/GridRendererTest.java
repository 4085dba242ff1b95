package dev.bellman.env.grid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridRendererTest {

    @Test
    void valuesAreRightAlignedWithFixedDecimalsAndWallsDrawn() {
        GridWorld world = GridWorld.builder(".W\n#T").build();

        String text = GridRenderer.values(world, new double[] {1.5, 0, -0.25, 10}, 2);

        assertEquals(" 1.50      \u2588\n-0.25  10.00\n", text);
    }

    @Test
    void valuesNeverPrintNegativeZero() {
        GridWorld world = GridWorld.builder("..\n.T").build();

        String text = GridRenderer.values(world, new double[] {-0.0, 0.0, -0.004, 3.14159}, 1);

        assertEquals("0.0  0.0\n0.0  3.1\n", text);
    }

    @Test
    void valuesWithZeroDecimalsRoundToIntegers() {
        GridWorld world = GridWorld.builder("T.").build();

        assertEquals("13  -3\n", GridRenderer.values(world, new double[] {12.6, -3.2}, 0));
    }

    @Test
    void valuesOfZhaoThreeByThreeOptimum() {
        // v* of the book's 3x3 world (zhao_small_examples.json, "L1_slides_3x3_reward_table").
        GridWorld world = GridWorld.builder("...\n..#\n#.T").build();
        double[] v = {7.29, 8.1, 8.0, 8.1, 9.0, 10.0, 9.0, 10.0, 10.0};

        assertEquals(" 7.3   8.1   8.0\n 8.1   9.0  10.0\n 9.0  10.0  10.0\n", GridRenderer.values(world, v, 1));
    }

    @Test
    void valuesRejectWrongLengthAndNegativeDecimals() {
        GridWorld world = GridWorld.builder(".T").build();

        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> GridRenderer.values(world, new double[3], 1));
        assertTrue(length.getMessage().contains("3 values for 2 states"), length.getMessage());
        IllegalArgumentException decimals = assertThrows(IllegalArgumentException.class,
                () -> GridRenderer.values(world, new double[2], -1));
        assertTrue(decimals.getMessage().contains("decimals -1"), decimals.getMessage());
    }

    @Test
    void policyDrawsOneArrowPerAction() {
        GridWorld world = GridWorld.builder("..\n.T").build();
        int[] actions = {GridAction.UP.ordinal(), GridAction.RIGHT.ordinal(), GridAction.LEFT.ordinal(),
                GridAction.STAY.ordinal()};

        assertEquals("\u2191 \u2192\n\u2190 \u25cb\n", GridRenderer.policy(world, actions));
        assertEquals("↓ ↓\n→ ○\n", GridRenderer.policy(world, new int[] {2, 2, 1, 4}));
    }

    @Test
    void policyDrawsWallsAndTerminalCellsWhateverTheirAction() {
        GridWorld world = GridWorld.builder("W.\n.T").targetTerminal(true).build();

        // actions of the wall and the terminal target are ignored, even out of range
        assertEquals("\u2588 \u2190\n\u2191 \u25a0\n", GridRenderer.policy(world, new int[] {99, 3, 0, -7}));
    }

    @Test
    void policyRejectsOutOfRangeActionAndWrongLength() {
        GridWorld world = GridWorld.builder("..\n.T").withStay(false).build();

        IllegalArgumentException action = assertThrows(IllegalArgumentException.class,
                () -> GridRenderer.policy(world, new int[] {0, 4, 0, 0}));
        assertTrue(action.getMessage().contains("action of state 1 4"), action.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> GridRenderer.policy(world, new int[] {0, 0}));
        assertTrue(length.getMessage().contains("2 actions for 4 states"), length.getMessage());
    }

    @Test
    void mapDrawsSymbolsAndWalls() {
        GridWorld world = GridWorld.builder("S#.\nWXT").build();

        assertEquals("S # .\n\u2588 X T\n", GridRenderer.map(world));
    }
}
