package dev.bellman.env.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bellman.core.CompactModel;
import dev.bellman.core.CompactModel.Precision;
import dev.bellman.core.CompactModelFiles;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZigZagGridTest {

    private static final double GAMMA = 0.99;

    @Test
    void gridsTooSmallForAPathAreRejectedNamingN() {
        // n = 3: the second wall (x = 2, y in [1, 2]) covers the goal (2, 2). n = 4: the walls are the
        // adjacent columns 1 and 2, so the top gap of the first leads only into the second.
        for (int n : new int[] {3, 4, 0, -1, 46_341}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ZigZagGrid.model(n, Precision.FLOAT));
            assertTrue(error.getMessage().contains("n = " + n), error.getMessage());
            assertTrue(error.getMessage().contains("[5, 46340]"), error.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.distances(n));
            assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.isWall(n, 0, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.model(23_171, Precision.FLOAT),
                "4·23171² pairs do not fit a model");
        assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.state(10, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.isWall(10, 0, -1));
    }

    @Test
    void wallsFillTheTwoColumnsWithOppositeGaps() {
        int n = 10; // walls at x = 3 (y 0..8, gap at the top) and x = 6 (y 1..9, gap at the bottom)
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                boolean expected = (x == 3 && y <= 8) || (x == 6 && y >= 1);
                assertEquals(expected, ZigZagGrid.isWall(n, x, y), "(" + x + ", " + y + ")");
            }
        }
        assertEquals(37, ZigZagGrid.state(n, 3, 7));
        // n = 31: columns 10 and 20.
        assertTrue(ZigZagGrid.isWall(31, 10, 29));
        assertFalse(ZigZagGrid.isWall(31, 10, 30));
        assertFalse(ZigZagGrid.isWall(31, 20, 0));
        assertTrue(ZigZagGrid.isWall(31, 20, 1));
    }

    @Test
    void modelMovesStopAtEdgesAndWallsAndCostOne() {
        int n = 10;
        CompactModel model = ZigZagGrid.model(n, Precision.DOUBLE);
        assertTrue(model.isDeterministic());
        assertEquals(100, model.stateCount());
        assertEquals(4, model.actionCount());
        int start = ZigZagGrid.state(n, 0, 0);
        assertEquals(ZigZagGrid.state(n, 0, 1), next(model, start, ZigZagGrid.NORTH));
        assertEquals(start, next(model, start, ZigZagGrid.SOUTH));
        assertEquals(ZigZagGrid.state(n, 1, 0), next(model, start, ZigZagGrid.EAST));
        assertEquals(start, next(model, start, ZigZagGrid.WEST));
        int beforeWall = ZigZagGrid.state(n, 2, 0);
        assertEquals(beforeWall, next(model, beforeWall, ZigZagGrid.EAST), "a move into a wall stays put");
        int gap = ZigZagGrid.state(n, 3, 9);
        assertEquals(gap, next(model, gap, ZigZagGrid.SOUTH));
        assertEquals(ZigZagGrid.state(n, 4, 9), next(model, gap, ZigZagGrid.EAST));
        for (int a = 0; a < 4; a++) {
            assertEquals(-1.0, model.reward(start, a));
        }
        for (int s = 0; s < model.stateCount(); s++) {
            boolean wallOrGoal = ZigZagGrid.isWall(n, s / n, s % n) || s == n * n - 1;
            assertEquals(wallOrGoal, model.isTerminal(s), "state " + s + " is terminal exactly if a wall or the goal");
            if (wallOrGoal) {
                assertEquals(s, next(model, s, ZigZagGrid.NORTH));
                assertEquals(0.0, model.reward(s, ZigZagGrid.EAST));
            }
        }
    }

    private static int next(CompactModel model, int state, int action) {
        return model.nextState(model.outcomeStart(state, action));
    }

    @Test
    void distancesOfHandCheckedCells() {
        // The shortest path goes up to the first wall's top gap, down to the second wall's bottom gap
        // and up to the goal: 3(n-1) vertical steps and n-1 horizontal ones, 4(n-1) in all.
        // n = 5: walls x = 1 (y 0..3), x = 3 (y 1..4): (0,0) up 4, east 2, down 4, east 2, up 4 = 16.
        int[] five = ZigZagGrid.distances(5);
        assertEquals(16, five[ZigZagGrid.state(5, 0, 0)]);
        assertEquals(4, five[ZigZagGrid.state(5, 4, 0)]);
        // n = 10: walls x = 3 (gap (3, 9)), x = 6 (gap (6, 0)). From (6, 0): 3 east + 9 north = 12.
        // From (3, 9): 2 east to (5, 9), 9 south, 1 east to (6, 0): 12, then 12 more = 24.
        // From (0, 0): 9 north + 3 east to (3, 9) = 12, then 24: 36 = 4 * 9.
        int[] ten = ZigZagGrid.distances(10);
        assertEquals(0, ten[ZigZagGrid.state(10, 9, 9)]);
        assertEquals(12, ten[ZigZagGrid.state(10, 6, 0)]);
        assertEquals(24, ten[ZigZagGrid.state(10, 3, 9)]);
        assertEquals(36, ten[ZigZagGrid.state(10, 0, 0)]);
        assertEquals(14, ten[ZigZagGrid.state(10, 4, 0)]); // 2 east to (6, 0), then 12
        assertEquals(-1, ten[ZigZagGrid.state(10, 3, 0)]);
        assertEquals(-1, ten[ZigZagGrid.state(10, 6, 9)]);
        // n = 31: walls x = 10 and x = 20; 4 * 30 = 120 from the start, 30 + 10 = 40 from (20, 0).
        int[] big = ZigZagGrid.distances(31);
        assertEquals(120, big[0]);
        assertEquals(40, big[ZigZagGrid.state(31, 20, 0)]);
        assertEquals(80, big[ZigZagGrid.state(31, 10, 30)]);
    }

    @Test
    void distancesAreShortestPaths() {
        // d(goal) = 0 and d(s) = 1 + min over open neighbours d(s') for every other open cell
        // characterise the shortest-path distances; every open cell is reachable.
        for (int n : new int[] {5, 6, 7, 8, 10, 31}) {
            int[] distance = ZigZagGrid.distances(n);
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    int d = distance[ZigZagGrid.state(n, x, y)];
                    if (ZigZagGrid.isWall(n, x, y)) {
                        assertEquals(-1, d);
                        continue;
                    }
                    if (x == n - 1 && y == n - 1) {
                        assertEquals(0, d);
                        continue;
                    }
                    int best = Integer.MAX_VALUE;
                    int[][] moves = {{0, 1}, {0, -1}, {1, 0}, {-1, 0}};
                    for (int[] move : moves) {
                        int nx = x + move[0];
                        int ny = y + move[1];
                        if (nx >= 0 && nx < n && ny >= 0 && ny < n && !ZigZagGrid.isWall(n, nx, ny)) {
                            best = Math.min(best, distance[ZigZagGrid.state(n, nx, ny)]);
                        }
                    }
                    assertEquals(best + 1, d, "n = " + n + ", (" + x + ", " + y + ")");
                }
            }
            assertEquals(4 * (n - 1), distance[0], "n = " + n);
        }
    }

    @Test
    void closedFormValuesSatisfyTheBellmanOptimalityEquation() {
        for (int n : new int[] {10, 31}) {
            int[] distance = ZigZagGrid.distances(n);
            double[] optimal = new double[n * n];
            for (int s = 0; s < optimal.length; s++) {
                optimal[s] = distance[s] < 0 ? 0 : ZigZagGrid.optimalValue(distance[s], GAMMA);
            }
            for (Precision precision : Precision.values()) {
                CompactModel model = ZigZagGrid.model(n, precision);
                for (int s = 0; s < optimal.length; s++) {
                    if (model.isTerminal(s)) {
                        continue;
                    }
                    assertEquals(optimal[s], model.optimalBackup(s, GAMMA, optimal), 1e-9, "n = " + n + ", state " + s);
                    int greedy = model.greedyAction(s, GAMMA, optimal);
                    assertEquals(distance[s] - 1, distance[next(model, s, greedy)], "the greedy move gets closer");
                }
            }
        }
    }

    @Test
    void optimalValueIsTheDiscountedCostOfTheSteps() {
        assertEquals(0.0, ZigZagGrid.optimalValue(0, GAMMA));
        assertEquals(-1.0, ZigZagGrid.optimalValue(1, GAMMA), 1e-15);
        assertEquals(-1 - GAMMA - GAMMA * GAMMA, ZigZagGrid.optimalValue(3, GAMMA), 1e-12);
        assertEquals(-36.0, ZigZagGrid.optimalValue(36, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.optimalValue(-1, GAMMA));
        assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.optimalValue(3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> ZigZagGrid.optimalValue(3, Double.NaN));
    }

    @Test
    void millionStateGridFitsEightBytesAPairAndSurvivesAFileRoundTrip(@TempDir Path dir) throws IOException {
        int n = 1000;
        CompactModel model = ZigZagGrid.model(n, Precision.FLOAT);
        // 4·10⁶ pairs × (4-byte next state + 4-byte float reward) + 10⁶ terminal flags.
        assertEquals(4_000_000L * 8 + 1_000_000L, model.bytes());
        assertEquals(8.25, model.bytesPerStateAction(), 1e-12);
        Path file = dir.resolve("zigzag-1000.mdp");
        CompactModelFiles.write(model, file);
        CompactModel read = CompactModelFiles.read(file);
        assertEquals(model.bytes(), read.bytes());
        int[] distance = ZigZagGrid.distances(n);
        assertEquals(3996, distance[0]);
        double[] values = new double[n * n];
        for (int s = 0; s < values.length; s++) {
            values[s] = distance[s] < 0 ? 0 : ZigZagGrid.optimalValue(distance[s], GAMMA);
        }
        for (int s = 0; s < values.length; s += 997) {
            assertEquals(model.isTerminal(s), read.isTerminal(s));
            for (int a = 0; a < 4; a++) {
                assertEquals(next(model, s, a), next(read, s, a));
                assertEquals(model.backup(s, a, GAMMA, values), read.backup(s, a, GAMMA, values));
            }
        }
        assertEquals(values[0], read.optimalBackup(0, GAMMA, values), 1e-9);
    }
}
