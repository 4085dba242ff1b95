package dev.bellman.env.grid;

import dev.bellman.core.CompactModel;

import java.util.Arrays;

/**
 * The zig-zag grid, the planning benchmark of issue 10: an {@code n × n} grid whose two walls force
 * the shortest path from the start to the goal up, down and up again across the whole grid, so that
 * value information must travel about {@code 4n} steps.
 *
 * <p>Cells are {@code (x, y)} with {@code 0 ≤ x, y < n}; state {@code s = x·n + y}. The start is
 * {@code (0, 0)}, the goal {@code (n−1, n−1)}. Walls fill column {@code x = ⌊n/3⌋} for
 * {@code 0 ≤ y ≤ n−2} (open at the top) and column {@code x = ⌊2n/3⌋} for {@code 1 ≤ y ≤ n−1}
 * (open at the bottom). Actions, in this order: {@link #NORTH} 0 ({@code y+1}), {@link #SOUTH} 1
 * ({@code y−1}), {@link #EAST} 2 ({@code x+1}), {@link #WEST} 3 ({@code x−1}). A move off the grid
 * or into a wall leaves the agent in place. Every action from a non-terminal cell earns −1.
 *
 * <p>The goal is terminal. <b>Wall cells are terminal too</b>: they are states (so that
 * {@code s = x·n + y} covers the grid) but can never be entered, and making them terminal gives them
 * value 0 and keeps planners from sweeping them, where a −1 self-loop would give them
 * {@code −1/(1−γ)}, a value of no meaning that dominates the max-norm of the values. Every action of
 * a terminal cell loops to itself with reward 0 (planners ignore terminal pairs anyway).
 *
 * <p>With {@code d} the number of steps of the shortest path to the goal ({@link #distances(int)}),
 * the optimal value is {@code v*(s) = −(1 − γ^d)/(1 − γ)} ({@link #optimalValue(int, double)}); from
 * the start, {@code d = 4(n−1)}.
 *
 * <p>The smallest grid is {@code n = 5}: for {@code n = 3} the second wall covers the goal, for
 * {@code n = 4} the walls are adjacent columns with no corridor between them, so that the goal cannot
 * be reached. The model needs {@code 4n² < 2³¹} pairs, so {@code n ≤ 23170} (5.4·10⁸ states);
 * {@code n = 3163} gives 10⁷ states, about 330 MB in single precision.
 */
public final class ZigZagGrid {

    /** Action 0: {@code y + 1}. */
    public static final int NORTH = 0;
    /** Action 1: {@code y − 1}. */
    public static final int SOUTH = 1;
    /** Action 2: {@code x + 1}. */
    public static final int EAST = 2;
    /** Action 3: {@code x − 1}. */
    public static final int WEST = 3;
    /** The number of actions. */
    public static final int ACTIONS = 4;
    /** The smallest side for which the goal can be reached. */
    public static final int MIN_SIZE = 5;
    /** The largest side for which {@code n·n} fits in an {@code int}. */
    public static final int MAX_SIZE = 46_340;

    private static final int[] DX = {0, 0, 1, -1};
    private static final int[] DY = {1, -1, 0, 0};

    private ZigZagGrid() {
    }

    /**
     * Builds the grid's model directly in compact form (no per-state lists): {@code n²} states,
     * four actions, deterministic.
     *
     * @param n         the side, in {@code [5, 23170]}
     * @param precision the storage of the rewards (−1 and 0 are exact in both)
     * @return the model; the goal and the wall cells are terminal
     * @throws IllegalArgumentException if {@code n} is out of range (above 23170 the {@code 4n²} pairs
     *                                  do not fit the model)
     * @throws NullPointerException     if {@code precision} is null
     */
    public static CompactModel model(int n, CompactModel.Precision precision) {
        checkSize(n);
        CompactModel.DeterministicBuilder builder = CompactModel.deterministic(n * n, ACTIONS, precision);
        int wall1 = n / 3;
        int wall2 = 2 * n / 3;
        int goal = n * n - 1;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                int s = x * n + y;
                if (s == goal || isWall(n, wall1, wall2, x, y)) {
                    builder.terminal(s);
                    for (int a = 0; a < ACTIONS; a++) {
                        builder.set(s, a, s, 0.0);
                    }
                    continue;
                }
                for (int a = 0; a < ACTIONS; a++) {
                    int nx = x + DX[a];
                    int ny = y + DY[a];
                    boolean blocked = nx < 0 || nx >= n || ny < 0 || ny >= n || isWall(n, wall1, wall2, nx, ny);
                    builder.set(s, a, blocked ? s : nx * n + ny, -1.0);
                }
            }
        }
        return builder.build();
    }

    /**
     * @param n the grid's side, in [5, 23170]
     * @param x the cell's column (horizontal coordinate), in [0, n)
     * @param y the cell's vertical coordinate, in [0, n); {@link #NORTH} increases it
     * @return the state of cell {@code (x, y)}: {@code x·n + y}
     * @throws IllegalArgumentException if {@code n} or the cell is out of range
     */
    public static int state(int n, int x, int y) {
        checkCell(n, x, y);
        return x * n + y;
    }

    /**
     * @param n the grid's side, in [5, 23170]
     * @param x the cell's column (horizontal coordinate), in [0, n)
     * @param y the cell's vertical coordinate, in [0, n); {@link #NORTH} increases it
     * @return whether cell {@code (x, y)} is a wall
     * @throws IllegalArgumentException if {@code n} or the cell is out of range
     */
    public static boolean isWall(int n, int x, int y) {
        checkCell(n, x, y);
        return isWall(n, n / 3, 2 * n / 3, x, y);
    }

    private static boolean isWall(int n, int wall1, int wall2, int x, int y) {
        return (x == wall1 && y <= n - 2) || (x == wall2 && y >= 1);
    }

    /**
     * The exact number of steps of the shortest path from every cell to the goal, by breadth-first
     * search over the grid.
     *
     * @param n the side, in {@code [5, 46340]}
     * @return one distance per state ({@code x·n + y}): 0 at the goal, −1 for walls
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public static int[] distances(int n) {
        checkSize(n);
        int wall1 = n / 3;
        int wall2 = 2 * n / 3;
        int[] distance = new int[n * n];
        Arrays.fill(distance, -1);
        int[] queue = new int[n * n];
        int head = 0;
        int tail = 0;
        int goal = n * n - 1;
        distance[goal] = 0;
        queue[tail++] = goal;
        // Moves are symmetric (a free cell is entered from each free neighbour), so the search runs
        // outward from the goal.
        while (head < tail) {
            int s = queue[head++];
            int x = s / n;
            int y = s % n;
            for (int a = 0; a < ACTIONS; a++) {
                int nx = x + DX[a];
                int ny = y + DY[a];
                if (nx < 0 || nx >= n || ny < 0 || ny >= n || isWall(n, wall1, wall2, nx, ny)) {
                    continue;
                }
                int next = nx * n + ny;
                if (distance[next] < 0) {
                    distance[next] = distance[s] + 1;
                    queue[tail++] = next;
                }
            }
        }
        return distance;
    }

    /**
     * The optimal value of a cell {@code distance} steps from the goal: {@code −(1 − γ^d)/(1 − γ)},
     * or {@code −d} when {@code γ = 1}.
     *
     * @param distance the shortest-path steps to the goal, at least 0
     * @param gamma    the discount factor, in {@code [0, 1]}
     * @return the value
     * @throws IllegalArgumentException if the distance is negative (a wall: its value is 0) or gamma
     *                                  is outside {@code [0, 1]}
     */
    public static double optimalValue(int distance, double gamma) {
        if (distance < 0) {
            throw new IllegalArgumentException("distance " + distance + " is negative; walls, marked -1, are terminal"
                    + " with value 0");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma " + gamma + " is outside [0, 1]");
        }
        if (gamma == 1) {
            return -distance;
        }
        return (Math.pow(gamma, distance) - 1) / (1 - gamma); // = −(1 − γ^d)/(1 − γ), and +0 at the goal
    }

    private static void checkSize(int n) {
        if (n < MIN_SIZE || n > MAX_SIZE) {
            throw new IllegalArgumentException("zig-zag grid side n = " + n + " is outside [" + MIN_SIZE + ", "
                    + MAX_SIZE + "]: below " + MIN_SIZE + " the walls cut the start off the goal, above " + MAX_SIZE
                    + " n·n does not fit in an int");
        }
    }

    private static void checkCell(int n, int x, int y) {
        checkSize(n);
        if (x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("cell (" + x + ", " + y + ") is outside the " + n + "×" + n + " grid");
        }
    }
}
