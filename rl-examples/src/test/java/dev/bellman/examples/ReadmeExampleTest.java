package dev.bellman.examples;

import dev.bellman.env.grid.GridRenderer;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.ValueIteration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java snippet of README.md, as written there, gives the book's answer. */
class ReadmeExampleTest {

    @Test
    void readmeSnippetSolvesZhaosWorld() {
        GridWorld world = GridWorld.builder("""
                .....
                .##..
                ..#..
                .#T#.
                .#...
                """).rewardForbidden(-1).rewardTarget(1).build();
        PlanningResult result = new ValueIteration(0.9, 1e-10).solve(world);
        double[] values = result.stateValues().toArray();
        int action = result.policy().mostProbableAction(world.state(0, 0));

        assertEquals(5.832, values[0], 1e-4);
        assertEquals(2, action, "DOWN");
        assertTrue(GridRenderer.values(world, values, 1).startsWith(" 5.8   5.6   6.2   6.5   5.8\n"));
        assertTrue(GridRenderer.policy(world, result.policy()).startsWith("\u2193 \u2192 \u2193 \u2193 \u2193\n"));
    }
}
