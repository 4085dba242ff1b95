package dev.bellman.env.grid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Map text to cells, and the builder's errors. */
class GridWorldMapParsingTest {

    private static IllegalArgumentException rejected(Runnable build) {
        return assertThrows(IllegalArgumentException.class, build::run);
    }

    private static void assertMentions(IllegalArgumentException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void everySymbolMapsToItsCellType() {
        GridWorld world = GridWorld.builder(".#W\nTSX\nC..").build();

        assertEquals(CellType.FREE, world.cell(0));
        assertEquals(CellType.FORBIDDEN, world.cell(1));
        assertEquals(CellType.WALL, world.cell(2));
        assertEquals(CellType.TARGET, world.cell(3));
        assertEquals(CellType.START, world.cell(4));
        assertEquals(CellType.TERMINAL, world.cell(5));
        assertEquals(CellType.CLIFF, world.cell(6));
        for (CellType type : CellType.values()) {
            assertEquals(type, CellType.fromSymbol(type.symbol()));
        }
        assertEquals(null, CellType.fromSymbol('?'));
    }

    @Test
    void blankLinesAroundMapAndTrailingSpacesAreIgnored() {
        GridWorld world = GridWorld.builder("\n\n..  \r\n.T\n\n").build();

        assertEquals(2, world.rows());
        assertEquals(2, world.cols());
        assertEquals(CellType.TARGET, world.cell(3));
    }

    @Test
    void raggedMapIsRejectedNamingTheLine() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder("...\n..\n..T"));
        assertMentions(e, "line 2", "has 2 cells", "expected 3");
    }

    @Test
    void lineNumbersCountLeadingBlankLines() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder("\n\n..\n.T.\n"));
        assertMentions(e, "line 4", "as in line 3");
    }

    @Test
    void blankLineInsideMapIsRagged() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder("..\n\n.T"));
        assertMentions(e, "line 2", "has 0 cells");
    }

    @Test
    void unknownCharacterIsRejectedNamingLineColumnAndChar() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder("...\n.Z.\n..T"));
        assertEquals("map line 2, column 2: unknown cell 'Z'; expected one of . # W T S X C", e.getMessage());
    }

    @Test
    void leadingSpaceIsAnUnknownCharacter() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder(" .T"));
        assertMentions(e, "line 1, column 1", "' '");
    }

    @Test
    void secondStartIsRejected() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder("S..\n.ST"));
        assertMentions(e, "line 2, column 2", "second start");
    }

    @Test
    void emptyMapIsRejected() {
        assertMentions(rejected(() -> GridWorld.builder("")), "map is empty");
        assertMentions(rejected(() -> GridWorld.builder("\n  \n\t\n")), "map is empty");
        assertMentions(rejected(() -> GridWorld.builder(null)), "map must not be null");
    }

    @Test
    void missingTargetIsRejectedUnlessNotRequired() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder("..\n.#").build());
        assertMentions(e, "no target", "requireTarget(false)");

        GridWorld world = GridWorld.builder("..\n.#").requireTarget(false).build();
        assertEquals(4, world.stateCount());
    }

    @Test
    void terminalCellCountsAsTarget() {
        assertEquals(2, GridWorld.builder(".X").build().stateCount());
    }

    @Test
    void worldWithoutStandableCellIsRejected() {
        assertMentions(rejected(() -> GridWorld.builder("WT").targetTerminal(true).build()), "no cell an agent can stand on");
        assertMentions(rejected(() -> GridWorld.builder("WX").build()), "no cell an agent can stand on");
    }

    @Test
    void teleportIntoOrOutOfWallIsRejected() {
        IllegalArgumentException into = rejected(() -> GridWorld.builder("..W\n..T").teleport(0, 0, 0, 2, 5).build());
        assertMentions(into, "teleport from (0, 0) to (0, 2)", "wall");
        IllegalArgumentException outOf = rejected(() -> GridWorld.builder("..W\n..T").teleport(0, 2, 0, 0, 5).build());
        assertMentions(outOf, "teleport from (0, 2)", "wall");
    }

    @Test
    void teleportOutsideGridIsRejected() {
        IllegalArgumentException e = rejected(() -> GridWorld.builder("..\n.T").teleport(0, 0, 2, 0, 1));
        assertMentions(e, "teleport destination (2, 0)", "2x2");
        assertMentions(rejected(() -> GridWorld.builder("..\n.T").teleport(-1, 0, 0, 0, 1)), "teleport source (-1, 0)");
    }

    @Test
    void nonFiniteRewardsAreRejectedNamingTheSetting() {
        GridWorld.Builder builder = GridWorld.builder(".T");

        assertMentions(rejected(() -> builder.rewardTarget(Double.NaN)), "rewardTarget NaN");
        assertMentions(rejected(() -> builder.rewardBoundary(Double.NEGATIVE_INFINITY)), "rewardBoundary -Infinity");
        assertMentions(rejected(() -> builder.rewardForbidden(Double.POSITIVE_INFINITY)), "rewardForbidden Infinity");
        assertMentions(rejected(() -> builder.rewardStep(Double.NaN)), "rewardStep NaN");
        assertMentions(rejected(() -> builder.teleport(0, 0, 0, 1, Double.NaN)), "teleport reward NaN");
    }

    @Test
    void nullForbiddenBumpIsRejected() {
        assertMentions(rejected(() -> GridWorld.builder(".T").forbiddenBump(null)), "forbiddenBump");
    }
}
