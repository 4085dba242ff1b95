package dev.bellman.examples.api;

import dev.bellman.env.grid.GridRenderer;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.ValueIteration;

/**
 * Value iteration on Zhao's 5×5 grid world (<em>Mathematical Foundations of Reinforcement
 * Learning</em>, Fig. 3.4 (a)): prints the optimal state values and the greedy policy as arrows.
 * Run it with
 * {@code java -cp rl-examples/target/bellman.jar dev.bellman.examples.api.GridWorldValueIteration [tolerance]}.
 */
public final class GridWorldValueIteration {

    /** The book's discount. */
    public static final double GAMMA = 0.9;
    /** Stop when a sweep changes no value by more than this; far below the book's printed digits. */
    public static final double TOLERANCE = 1e-10;

    private GridWorldValueIteration() {
    }

    /**
     * Solves the world and prints what the book prints.
     *
     * @param args optionally the tolerance of the stopping test (default {@value #TOLERANCE})
     */
    public static void main(String[] args) {
        double tolerance = args.length > 0 ? Double.parseDouble(args[0]) : TOLERANCE;

        // The preset is the book's world: forbidden cells that may be entered at a cost of -1, bumping
        // the boundary -1, the target +1, and the agent keeps acting at the target (a continuing task).
        // The same world from a map: GridWorld.builder(".....\n.##..\n..#..\n.#T#.\n.#...\n").build().
        GridWorld world = GridWorldPreset.ZHAO_5X5.build();
        PlanningResult result = new ValueIteration(GAMMA, tolerance).solve(world);

        System.out.printf("Zhao's 5x5 grid world, gamma %s: value iteration converged after %d sweeps%n",
                GAMMA, result.iterations());
        System.out.println();
        System.out.print(GridRenderer.map(world));

        // Three decimals show the exact fixed point. Staying at the target is worth 1 / (1 - 0.9) = 10;
        // a forbidden cell costs only -1, so the best path cuts through one: 8 = -1 + 0.9 * 10 next to
        // it, and the top-left corner, three moves further, gets 0.9^3 * 8 = 5.832.
        double[] values = result.stateValues().toArray();
        System.out.println();
        System.out.println("Optimal state values v*(s) (Zhao Fig. 3.4 (a))");
        System.out.print(GridRenderer.values(world, values, 3));

        // Ties go to the lowest action index (UP, RIGHT, DOWN, LEFT, STAY), so the arrows are repeatable;
        // the book draws one of the optimal actions where several are equally good.
        System.out.println();
        System.out.println("Greedy policy (\u25cb = stay at the target)");
        System.out.print(GridRenderer.policy(world, result.policy()));

        System.out.println();
        System.out.printf("v*(top-left) = %.3f: the discounted reward of the best path from the corner%n", values[0]);
    }
}
