package dev.bellman.bench;

import burlap.behavior.singleagent.planning.stochastic.valueiteration.ValueIteration;
import dev.bellman.tabular.dp.PlanningResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The benchmark compares like with like only if BURLAP's world is Bellman's world: both planners,
 * run to convergence, must find the same optimal state values in every cell.
 */
class BurlapGridWorldTest {

    private static final double GAMMA = 0.9;
    /** Both planners stop when a sweep changes no value by this much; v* is then within 1e-11. */
    private static final double TOLERANCE = 1e-12;

    @Test
    void burlapFindsBellmansOptimalValuesWithFiveActions() {
        assertSameOptimalValues(BenchmarkGrid.of(12), true);
    }

    @Test
    void burlapFindsBellmansOptimalValuesWithFourActions() {
        assertSameOptimalValues(BenchmarkGrid.of(9), false);
    }

    @Test
    void burlapEnumeratesEveryCell() {
        BenchmarkGrid grid = BenchmarkGrid.of(10);
        BurlapGridWorld world = BurlapGridWorld.of(grid, true);
        ValueIteration planner = world.valueIteration(GAMMA, TOLERANCE, 1);
        planner.performReachabilityFrom(world.initialState());
        assertEquals(grid.cellCount(), planner.getAllStates().size());
    }

    private static void assertSameOptimalValues(BenchmarkGrid grid, boolean withStay) {
        PlanningResult bellman = new dev.bellman.tabular.dp.ValueIteration(GAMMA, TOLERANCE)
                .solve(grid.gridWorld(withStay));
        BurlapGridWorld world = BurlapGridWorld.of(grid, withStay);
        ValueIteration burlap = world.valueIteration(GAMMA, TOLERANCE, 100_000);
        burlap.planFromState(world.initialState());
        assertArrayEquals(bellman.stateValues().toArray(), world.values(burlap), 1e-9);
    }
}
