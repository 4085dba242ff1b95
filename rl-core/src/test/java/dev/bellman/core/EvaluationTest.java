package dev.bellman.core;

import dev.bellman.env.classic.Environments;
import dev.bellman.env.grid.GridWorld;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluationTest {

    @Test
    void coastingNeverClimbsTheHillSoEveryEpisodeIsCutAtTheLimit() {
        Evaluation evaluation = Evaluation.run(Environments.make("MountainCar-v0", Integer.class), (observation, rng) -> 1,
                3, 5, 1_000_000);
        assertArrayEquals(new double[] {-200, -200, -200}, evaluation.returns(), 0.0);
        assertArrayEquals(new long[] {200, 200, 200}, evaluation.lengths());
        assertEquals(-200, evaluation.meanReturn(), 0.0);
        assertEquals(0, evaluation.standardDeviation(), 0.0);
        assertEquals(200, evaluation.meanLength(), 0.0);
    }

    @Test
    void maxLengthCutsAnEnvironmentWithoutATimeLimit() {
        // Zhao's grid has no terminal cell: staying put forever earns 0 per step away from the target.
        GridWorld world = GridWorld.builder(".T").build();
        Evaluation evaluation = Evaluation.run(world, (state, rng) -> 1, 2, 0, 10);
        assertArrayEquals(new long[] {10, 10}, evaluation.lengths());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.run(world, (state, rng) -> 1, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.run(world, null, 1, 0, 10));
    }
}
