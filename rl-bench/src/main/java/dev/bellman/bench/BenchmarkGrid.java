package dev.bellman.bench;

import dev.bellman.env.grid.GridWorld;

/**
 * The square world of the value-iteration benchmarks: Zhao's 5×5 grid world grown to
 * {@code size × size} cells. Every cell is open except that the bottom-right corner is the one
 * target and that every seventh cell in row-major order (index {@code row * size + col} congruent to
 * {@value #FORBIDDEN_OFFSET} modulo {@value #FORBIDDEN_PERIOD}) is forbidden, a diagonal stripe
 * pattern that is the same on every run and for every library. Rewards are Zhao's: bumping the
 * boundary {@value #REWARD_BOUNDARY}, entering or staying in a forbidden cell
 * {@value #REWARD_FORBIDDEN}, entering or staying in the target {@value #REWARD_TARGET}, any other
 * move {@value #REWARD_STEP}; the task is continuing. Immutable.
 */
public final class BenchmarkGrid {

    /** One cell in this many is forbidden. */
    public static final int FORBIDDEN_PERIOD = 7;
    /** The row-major index of the first forbidden cell. */
    public static final int FORBIDDEN_OFFSET = 3;

    /** {@code r_boundary}: a move off the grid. */
    public static final double REWARD_BOUNDARY = -1;
    /** {@code r_forbidden}: entering or staying in a forbidden cell. */
    public static final double REWARD_FORBIDDEN = -1;
    /** {@code r_target}: entering or staying in the target. */
    public static final double REWARD_TARGET = 1;
    /** {@code r_step}: every other move. */
    public static final double REWARD_STEP = 0;

    private final int size;

    private BenchmarkGrid(int size) {
        this.size = size;
    }

    /**
     * @param size the number of rows and of columns, at least 2 and at most 10 000
     * @return the {@code size × size} benchmark grid
     * @throws IllegalArgumentException if {@code size} is outside {@code [2, 10000]}
     */
    public static BenchmarkGrid of(int size) {
        if (size < 2 || size > 10_000) {
            throw new IllegalArgumentException("grid size " + size + " is outside [2, 10000]");
        }
        return new BenchmarkGrid(size);
    }

    /** @return the number of rows, which is also the number of columns */
    public int size() {
        return size;
    }

    /** @return the number of cells, {@code size * size} */
    public int cellCount() {
        return size * size;
    }

    /**
     * @param row the row, 0 at the top
     * @param col the column, 0 at the left
     * @return whether {@code (row, col)} is the target, the bottom-right corner
     */
    public boolean isTarget(int row, int col) {
        return row == size - 1 && col == size - 1;
    }

    /**
     * @param row the row, 0 at the top
     * @param col the column, 0 at the left
     * @return whether {@code (row, col)} is forbidden; the target never is
     */
    public boolean isForbidden(int row, int col) {
        return !isTarget(row, col) && (row * size + col) % FORBIDDEN_PERIOD == FORBIDDEN_OFFSET;
    }

    /** @return the map in Bellman's ASCII format ({@code .} free, {@code #} forbidden, {@code T} target) */
    public String map() {
        StringBuilder map = new StringBuilder((size + 1) * size);
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                map.append(isTarget(row, col) ? 'T' : isForbidden(row, col) ? '#' : '.');
            }
            map.append('\n');
        }
        return map.toString();
    }

    /**
     * @param withStay five actions ({@code UP, RIGHT, DOWN, LEFT, STAY}) or the four moves only
     * @return this world as a Bellman {@link GridWorld}, continuing, with the rewards above
     */
    public GridWorld gridWorld(boolean withStay) {
        return GridWorld.builder(map())
                .rewardBoundary(REWARD_BOUNDARY)
                .rewardForbidden(REWARD_FORBIDDEN)
                .rewardTarget(REWARD_TARGET)
                .rewardStep(REWARD_STEP)
                .withStay(withStay)
                .targetTerminal(false)
                .build();
    }
}
