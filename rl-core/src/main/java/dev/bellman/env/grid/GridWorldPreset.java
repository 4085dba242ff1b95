package dev.bellman.env.grid;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The grid worlds of the books, by name, each with the discount factor its figures use. A preset
 * gives a {@link GridWorld.Builder}, so its rewards and options can still be changed.
 */
public enum GridWorldPreset {

    /**
     * The 5×5 world of Zhao's book (Figs. 3.4, 4.4, ...): forbidden cells at (row, col) 1-based
     * (2,2), (2,3), (3,3), (4,2), (4,4), (5,2); target (4,3); rewards −1/−1/+1/0; five actions;
     * continuing at the target; γ = 0.9.
     */
    ZHAO_5X5("zhao-5x5", "Zhao's 5x5 grid world with forbidden cells (Mathematical Foundations of RL, Fig. 3.4)", 0.9,
            () -> GridWorld.builder("""
                    .....
                    .##..
                    ..#..
                    .#T#.
                    .#...
                    """)),

    /**
     * Sutton &amp; Barto Example 3.5 (Fig. 3.2): 5×5, four actions, −1 for bumping the edge, 0 for
     * other moves; every action in A = (0,1) moves to A' = (4,1) with +10, in B = (0,3) to
     * B' = (2,3) with +5 (0-based). γ = 0.9.
     */
    SUTTON_BARTO_3_5("sutton-barto-3.5", "Sutton & Barto Example 3.5: 5x5 grid with teleporting cells A and B", 0.9,
            () -> GridWorld.builder("""
                    .....
                    .....
                    .....
                    .....
                    .....
                    """)
                    .withStay(false)
                    .requireTarget(false)
                    .rewardBoundary(-1)
                    .rewardStep(0)
                    .teleport(0, 1, 4, 1, 10)
                    .teleport(0, 3, 2, 3, 5)),

    /**
     * Sutton &amp; Barto Example 4.1 (Fig. 4.1): 4×4, terminal corners, four actions, −1 on every
     * transition (bumps included), undiscounted (γ = 1).
     */
    SUTTON_BARTO_4_1("sutton-barto-4.1", "Sutton & Barto Example 4.1: 4x4 grid with terminal corners", 1.0,
            () -> GridWorld.builder("""
                    X...
                    ....
                    ....
                    ...X
                    """)
                    .withStay(false)
                    .rewardBoundary(-1)
                    .rewardStep(-1)),

    /**
     * Sutton &amp; Barto Example 6.6 (Fig. 6.4, Cliff Walking): 4×12, start at the bottom-left
     * (3,0), terminal goal at the bottom-right (3,11), the cliff (3,1)..(3,10) between them (0-based).
     * Entering the cliff earns −100 and sends the agent back to the start, the episode going on;
     * every other step earns −1, bumps and entering the goal included. Four actions; undiscounted
     * (γ = 1). The shortest path along the cliff takes 13 steps (return −13).
     */
    CLIFF_WALKING("cliff-walking", "Sutton & Barto Example 6.6: 4x12 cliff walking, -100 and back to the start "
            + "for the cliff", 1.0,
            () -> GridWorld.builder("""
                    ............
                    ............
                    ............
                    SCCCCCCCCCCT
                    """)
                    .withStay(false)
                    .targetTerminal(true)
                    .rewardBoundary(-1)
                    .rewardStep(-1)
                    .rewardTarget(-1)
                    .rewardCliff(-100)
                    .cliffReturnsToStart(true)),

    /**
     * Sutton &amp; Barto Example 6.5 (Windy Gridworld): 7×10, start (3,0), terminal goal (3,7)
     * (0-based); the wind of the column the agent leaves pushes it up by 0 0 0 1 1 1 2 2 1 0 cells
     * (columns 0..9), stopping at the top edge; −1 per step, bumps and entering the goal included.
     * Four actions; undiscounted (γ = 1). The shortest path takes 15 steps.
     */
    WINDY_GRIDWORLD("windy-gridworld", "Sutton & Barto Example 6.5: 7x10 windy gridworld", 1.0,
            () -> GridWorld.builder("""
                    ..........
                    ..........
                    ..........
                    S......T..
                    ..........
                    ..........
                    ..........
                    """)
                    .withStay(false)
                    .targetTerminal(true)
                    .rewardBoundary(-1)
                    .rewardStep(-1)
                    .rewardTarget(-1)
                    .wind(0, 0, 0, 1, 1, 1, 2, 2, 1, 0));

    private final String id;
    private final String description;
    private final double gamma;
    private final Supplier<GridWorld.Builder> builder;

    GridWorldPreset(String id, String description, double gamma, Supplier<GridWorld.Builder> builder) {
        this.id = id;
        this.description = description;
        this.gamma = gamma;
        this.builder = builder;
    }

    /** @return the name used on the command line, e.g. {@code zhao-5x5} */
    public String id() {
        return id;
    }

    /** @return a one-line description with the source */
    public String description() {
        return description;
    }

    /** @return the discount factor the book uses with this world */
    public double gamma() {
        return gamma;
    }

    /** @return a fresh builder configured as the preset */
    public GridWorld.Builder builder() {
        return builder.get();
    }

    /** @return the preset world as the book defines it */
    public GridWorld build() {
        return builder().build();
    }

    /**
     * @param id a preset name such as {@code zhao-5x5} (case-insensitive)
     * @return the preset
     * @throws IllegalArgumentException naming the known presets if there is none of that name
     */
    public static GridWorldPreset byId(String id) {
        for (GridWorldPreset preset : values()) {
            if (preset.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown grid world preset '" + id + "'; expected one of " + ids());
    }

    /**
     * @return the preset names, comma-separated, in declaration order: {@code zhao-5x5,
     *         sutton-barto-3.5, sutton-barto-4.1, cliff-walking, windy-gridworld}
     */
    public static String ids() {
        return List.of(values()).stream().map(GridWorldPreset::id).collect(Collectors.joining(", "));
    }
}
