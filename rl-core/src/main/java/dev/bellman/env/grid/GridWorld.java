package dev.bellman.env.grid;

import dev.bellman.core.Environment;
import dev.bellman.core.ExploringStarts;
import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Step;
import dev.bellman.core.Transition;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.SplitMixRandom;
import dev.bellman.core.space.DiscreteSpace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A grid world built from an ASCII map: both a {@link FiniteMdp} for the planners and an
 * {@link Environment} for the learners.
 *
 * <p>States are the cells in row-major order, {@code s = row * cols + col} (0-based, row 0 at the
 * top); actions are {@link GridAction} ordinals ({@code UP, RIGHT, DOWN, LEFT[, STAY]}). The rewards
 * follow Zhao's book: a move off the grid or into a wall leaves the agent in place and earns
 * {@code r_boundary} (plus {@code r_forbidden} from a forbidden cell under {@link ForbiddenBump#SUM});
 * otherwise entering (or staying in) a target earns {@code r_target}, a forbidden cell
 * {@code r_forbidden}, and any other cell {@code r_step}. A teleporting cell sends every action to
 * its destination with its own reward (Sutton &amp; Barto Example 3.5). With slip probability
 * {@code p}, the chosen action is replaced by a uniformly random one with probability {@code p}.
 *
 * <p>Cliff cells ({@code C}, or {@link Builder#cliff(int, int)}; Sutton &amp; Barto Example 6.6) earn
 * {@code r_cliff} (default -100) when entered and send the agent back to the start cell, the episode
 * going on; with {@link Builder#cliffReturnsToStart(boolean) cliffReturnsToStart(false)} entering one
 * ends the episode instead. Wind ({@link Builder#wind(int...)}; Sutton &amp; Barto Example 6.5)
 * shifts the agent after its move by the strength of the column it was in <em>before</em> the move:
 * that many cells up (down for a negative strength), one cell at a time, stopping at the edge of the
 * grid or below a wall. Only the cell where the move and the wind leave the agent counts: a cliff
 * there earns {@code r_cliff}; otherwise a blocked move earns {@code r_boundary}, and an unblocked
 * one the reward of that cell.
 *
 * <p>Terminal states (cells {@code X}, targets when the target is terminal, and walls and cliffs,
 * which the agent never stands on) have value 0. When the target is not terminal the task is
 * continuing, as in Zhao's book: the agent keeps acting and earns {@code r_target} for each step it
 * stays.
 *
 * <p>As {@link ExploringStarts}, an episode can start in any cell that is neither a wall nor terminal.
 *
 * <p>See {@code docs/gridworld.md} for the map format. Build one with {@link #builder(String)}.
 */
public final class GridWorld implements FiniteMdp, Environment<Integer, Integer>, ExploringStarts<Integer>, Checkpointable {

    /** The moves, indexed by action; {@code values()} would copy the array on every call. */
    private static final GridAction[] MOVES = GridAction.values();

    private final int rows;
    private final int cols;
    private final CellType[] cells;
    private final int actionCount;
    private final double rewardBoundary;
    private final double rewardForbidden;
    private final double rewardTarget;
    private final double rewardStep;
    private final ForbiddenBump forbiddenBump;
    private final boolean targetTerminal;
    private final boolean[] terminal;
    private final int[] teleportDestination;
    private final double[] teleportReward;
    private final double slip;
    private final double rewardCliff;
    private final boolean cliffReturnsToStart;
    private final int[] wind;
    private final int startState;
    private final int[] startCandidates;
    private final List<Integer> startStates;
    private final DiscreteSpace observationSpace;
    private final DiscreteSpace actionSpace;

    private SplitMixRandom rng = new SplitMixRandom(0);
    private int state = -1;
    private boolean done = true;

    private GridWorld(Builder b) {
        this.rows = b.rows;
        this.cols = b.cols;
        this.cells = b.cells.clone();
        this.actionCount = b.withStay ? 5 : 4;
        this.rewardBoundary = b.rewardBoundary;
        this.rewardForbidden = b.rewardForbidden;
        this.rewardTarget = b.rewardTarget;
        this.rewardStep = b.rewardStep;
        this.forbiddenBump = b.forbiddenBump;
        this.targetTerminal = b.targetTerminal;
        this.slip = b.slip;
        this.teleportDestination = b.teleportDestination.clone();
        this.teleportReward = b.teleportReward.clone();
        this.rewardCliff = b.rewardCliff;
        this.cliffReturnsToStart = b.cliffReturnsToStart;
        this.wind = b.wind.clone();
        int n = rows * cols;
        this.terminal = new boolean[n];
        int start = -1;
        List<Integer> candidates = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            CellType type = cells[s];
            terminal[s] = type == CellType.WALL || type == CellType.TERMINAL || type == CellType.CLIFF
                    || (type == CellType.TARGET && targetTerminal);
            if (type == CellType.START) {
                start = s;
            }
            if (!terminal[s]) {
                candidates.add(s);
            }
        }
        this.startState = start;
        this.startCandidates = candidates.stream().mapToInt(Integer::intValue).toArray();
        this.startStates = List.copyOf(candidates);
        this.observationSpace = new DiscreteSpace(n);
        this.actionSpace = new DiscreteSpace(actionCount);
    }

    /**
     * Starts a grid world from an ASCII map: one line per row, one character per cell —
     * {@code .} free, {@code #} forbidden, {@code W} wall, {@code T} target, {@code S} start,
     * {@code X} terminal, {@code C} cliff. Blank lines before and after the map are ignored, as is
     * trailing whitespace on each line.
     *
     * <p>Defaults are the seed's world: five actions, {@code r_boundary = -1},
     * {@code r_forbidden = -1}, {@code r_target = +1}, {@code r_step = 0}, continuing at the target,
     * a target required.
     *
     * @param map the map text
     * @return a builder to configure and {@link Builder#build() build} the world
     * @throws IllegalArgumentException naming the line and column, if the map is empty, ragged or
     *                                  holds an unknown character or more than one start
     */
    public static Builder builder(String map) {
        return new Builder(map);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /**
     * @param row the row, 0 at the top
     * @param col the column, 0 at the left
     * @return the state index of the cell at {@code (row, col)}, 0-based
     * @throws IllegalArgumentException if the cell is outside the grid
     */
    public int state(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IllegalArgumentException("cell (" + row + ", " + col + ") is outside the " + rows + "x"
                    + cols + " grid (rows 0.." + (rows - 1) + ", columns 0.." + (cols - 1) + ")");
        }
        return row * cols + col;
    }

    /**
     * @param state the state index, in [0, rows × cols)
     * @return the row of {@code state}
     * @throws IllegalArgumentException if the state is out of range
     */
    public int row(int state) {
        checkState(state);
        return state / cols;
    }

    /**
     * @param state the state index, in [0, rows × cols)
     * @return the column of {@code state}
     * @throws IllegalArgumentException if the state is out of range
     */
    public int col(int state) {
        checkState(state);
        return state % cols;
    }

    /**
     * @param state the state index, in [0, rows × cols)
     * @return what the cell of {@code state} is
     * @throws IllegalArgumentException if the state is out of range
     */
    public CellType cell(int state) {
        checkState(state);
        return cells[state];
    }

    /** @return the actions of this world, in index order */
    public List<GridAction> actions() {
        return List.of(Arrays.copyOf(GridAction.values(), actionCount));
    }

    /** @return the start state, or {@code -1} if the map has no {@code S} (episodes then start anywhere) */
    public int startState() {
        return startState;
    }

    /** @return whether the target ends an episode */
    public boolean targetTerminal() {
        return targetTerminal;
    }

    /** @return the slip probability */
    public double slip() {
        return slip;
    }

    /** @return {@code r_cliff}, the reward for entering a cliff cell */
    public double rewardCliff() {
        return rewardCliff;
    }

    /** @return whether entering a cliff sends the agent to the start ({@code true}) or ends the episode */
    public boolean cliffReturnsToStart() {
        return cliffReturnsToStart;
    }

    /**
     * @return a copy of the wind strength of each column, in cells pushed up (negative: down); all
     *         zero in a world without wind
     */
    public int[] wind() {
        return wind.clone();
    }

    @Override
    public int stateCount() {
        return rows * cols;
    }

    @Override
    public int actionCount() {
        return actionCount;
    }

    @Override
    public boolean isTerminal(int state) {
        checkState(state);
        return terminal[state];
    }

    /**
     * @throws IllegalArgumentException if the state or action is out of range
     */
    @Override
    public List<Transition> transitions(int state, int action) {
        checkState(state);
        actionSpace.require(action, "action");
        if (terminal[state]) {
            return List.of(new Transition(state, 1.0, 0.0));
        }
        if (slip == 0) {
            return List.of(new Transition(moveTarget(state, action), 1.0, moveReward(state, action)));
        }
        // Merge outcomes that coincide, so that a slip to the same cell is one outcome.
        List<Transition> outcomes = new ArrayList<>(actionCount + 1);
        for (int b = -1; b < actionCount; b++) {
            int actual = b < 0 ? action : b;
            double p = b < 0 ? 1 - slip : slip / actionCount;
            int next = moveTarget(state, actual);
            double reward = moveReward(state, actual);
            boolean merged = false;
            for (int i = 0; i < outcomes.size(); i++) {
                Transition t = outcomes.get(i);
                if (t.nextState() == next && t.reward() == reward) {
                    outcomes.set(i, new Transition(next, t.probability() + p, reward));
                    merged = true;
                    break;
                }
            }
            if (!merged && p > 0) {
                outcomes.add(new Transition(next, p, reward));
            }
        }
        return Collections.unmodifiableList(outcomes);
    }

    /** The cell that {@code action} leads to from the non-terminal {@code state}, without slip. */
    private int moveTarget(int state, int action) {
        if (teleportDestination[state] >= 0) {
            return teleportDestination[state];
        }
        return afterCliff(blown(state, neighbour(state, action)));
    }

    /** The reward of {@code action} from the non-terminal {@code state}, without slip. */
    private double moveReward(int state, int action) {
        if (teleportDestination[state] >= 0) {
            return teleportReward[state];
        }
        int moved = neighbour(state, action);
        return rewardOf(state, action, moved, blown(state, moved));
    }

    /**
     * The reward of a move from {@code state} whose own step reached {@code moved} and which the wind
     * then left at {@code landing}.
     */
    private double rewardOf(int state, int action, int moved, int landing) {
        if (cells[landing] == CellType.CLIFF) {
            return rewardCliff;
        }
        if (moved == state && action != GridAction.STAY.ordinal()) {
            boolean sum = forbiddenBump == ForbiddenBump.SUM && cells[state] == CellType.FORBIDDEN;
            return sum ? rewardBoundary + rewardForbidden : rewardBoundary;
        }
        return switch (cells[landing]) {
            case TARGET -> rewardTarget;
            case FORBIDDEN -> rewardForbidden;
            default -> rewardStep;
        };
    }

    /** Where the agent ends up when it lands on {@code landing}: a returning cliff sends it to the start. */
    private int afterCliff(int landing) {
        return cells[landing] == CellType.CLIFF && cliffReturnsToStart ? startState : landing;
    }

    /**
     * The cell where the wind of {@code state}'s column leaves an agent whose move reached
     * {@code moved}, before a cliff sends it back to the start.
     */
    private int blown(int state, int moved) {
        int cell = moved;
        int strength = wind[state % cols];
        int direction = strength > 0 ? -cols : cols;
        for (int i = Math.abs(strength); i > 0; i--) {
            int next = cell + direction;
            if (next < 0 || next >= cells.length || cells[next] == CellType.WALL) {
                break;
            }
            cell = next;
        }
        return cell;
    }

    /** The cell the move alone leads to: {@code state} itself if the edge or a wall blocks it. */
    private int neighbour(int state, int action) {
        GridAction move = MOVES[action];
        int row = state / cols + move.rowDelta();
        int col = state % cols + move.colDelta();
        if (row < 0 || row >= rows || col < 0 || col >= cols || cells[row * cols + col] == CellType.WALL) {
            return state;
        }
        return row * cols + col;
    }

    @Override
    public DiscreteSpace observationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace actionSpace() {
        return actionSpace;
    }

    @Override
    public Integer reset(long seed) {
        rng = new SplitMixRandom(seed);
        return reset();
    }

    /**
     * Starts an episode at the start cell, or, if the map has none, at a uniformly random
     * non-terminal cell drawn from the environment's stream.
     */
    @Override
    public Integer reset() {
        state = startState >= 0 ? startState : startCandidates[rng.nextInt(startCandidates.length)];
        done = false;
        return state;
    }

    /**
     * @return every cell that is neither a wall nor terminal (so no cliff either), in state order;
     *         unmodifiable
     */
    @Override
    public List<Integer> startStates() {
        return startStates;
    }

    /**
     * Starts an episode in {@code state}. The world's random stream is not used.
     *
     * @param state a cell that is neither a wall nor terminal
     * @return {@code state}
     * @throws IllegalArgumentException naming the state, if it is {@code null}, outside the grid, a
     *                                  wall or terminal
     */
    @Override
    public Integer resetTo(Integer state) {
        if (state == null || state < 0 || state >= rows * cols) {
            throw new IllegalArgumentException("start state " + state + " is outside [0, " + (rows * cols - 1)
                    + "]; expected a cell that is neither a wall nor terminal");
        }
        if (terminal[state]) {
            throw new IllegalArgumentException("start state " + state + " (row " + state / cols + ", column "
                    + state % cols + ") is " + describe(cells[state]) + "; expected a cell that is neither a wall "
                    + "nor terminal");
        }
        this.state = state;
        done = false;
        return state;
    }

    private static String describe(CellType type) {
        return switch (type) {
            case WALL -> "a wall";
            case CLIFF -> "a cliff";
            case TARGET -> "a terminal target";
            default -> "a terminal cell";
        };
    }

    /**
     * Moves the agent. With slip, one uniform draw decides whether the action slips and a second
     * which action replaces it.
     *
     * @throws IllegalArgumentException if the action is outside the action space
     * @throws IllegalStateException    if the episode has not been reset or has terminated
     */
    @Override
    public Step<Integer> step(Integer action) {
        if (done) {
            throw new IllegalStateException(state < 0
                    ? "step called before reset; call reset(seed) first"
                    : "step called after the episode terminated in state " + state + "; call reset() first");
        }
        int actual = actionSpace.require(action, "action");
        if (slip > 0 && rng.nextDouble() < slip) {
            actual = rng.nextInt(actionCount);
        }
        // One pass through the move, so that step stays small enough for the JIT to inline.
        double reward;
        if (teleportDestination[state] >= 0) {
            reward = teleportReward[state];
            state = teleportDestination[state];
        } else {
            int moved = neighbour(state, actual);
            int landing = blown(state, moved);
            reward = rewardOf(state, actual, moved, landing);
            state = afterCliff(landing);
        }
        done = terminal[state];
        return new Step<>(state, reward, done, false);
    }

    private void checkState(int state) {
        if (state < 0 || state >= rows * cols) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + (rows * cols - 1) + "]");
        }
    }

    /** Configuration of a {@link GridWorld}; every setting has the seed world's default. */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private final CellType[] cells;
        private final int[] teleportDestination;
        private final double[] teleportReward;
        private double rewardBoundary = -1;
        private double rewardForbidden = -1;
        private double rewardTarget = 1;
        private double rewardStep = 0;
        private ForbiddenBump forbiddenBump = ForbiddenBump.BOUNDARY;
        private boolean withStay = true;
        private boolean targetTerminal = false;
        private boolean requireTarget = true;
        private double slip = 0;
        private double rewardCliff = -100;
        private boolean cliffReturnsToStart = true;
        private final int[] wind;

        private Builder(String map) {
            if (map == null) {
                throw new IllegalArgumentException("map must not be null");
            }
            List<String> lines = new ArrayList<>(Arrays.asList(map.split("\r?\n", -1)));
            lines.replaceAll(String::stripTrailing);
            int first = 0;
            while (first < lines.size() && lines.get(first).isEmpty()) {
                first++;
            }
            int last = lines.size() - 1;
            while (last >= first && lines.get(last).isEmpty()) {
                last--;
            }
            if (first > last) {
                throw new IllegalArgumentException("map is empty; expected at least one row of cells (. # W T S X C)");
            }
            this.rows = last - first + 1;
            this.cols = lines.get(first).length();
            this.cells = new CellType[rows * cols];
            boolean seenStart = false;
            for (int r = 0; r < rows; r++) {
                String line = lines.get(first + r);
                int lineNumber = first + r + 1;
                if (line.length() != cols) {
                    throw new IllegalArgumentException("map line " + lineNumber + " has " + line.length()
                            + " cells; expected " + cols + " as in line " + (first + 1) + " (the map must be rectangular)");
                }
                for (int c = 0; c < cols; c++) {
                    char symbol = line.charAt(c);
                    CellType type = CellType.fromSymbol(symbol);
                    if (type == null) {
                        throw new IllegalArgumentException("map line " + lineNumber + ", column " + (c + 1)
                                + ": unknown cell '" + symbol + "'; expected one of . # W T S X C");
                    }
                    if (type == CellType.START) {
                        if (seenStart) {
                            throw new IllegalArgumentException("map line " + lineNumber + ", column " + (c + 1)
                                    + ": second start cell 'S'; expected at most one");
                        }
                        seenStart = true;
                    }
                    cells[r * cols + c] = type;
                }
            }
            this.teleportDestination = new int[rows * cols];
            Arrays.fill(teleportDestination, -1);
            this.teleportReward = new double[rows * cols];
            this.wind = new int[cols];
        }

        /**
         * Sets {@code r_boundary}, earned by a move off the grid or into a wall (default -1).
         *
         * @param reward the reward of such a move, a finite number
         * @return this builder
         * @throws IllegalArgumentException if the reward is not finite
         */
        public Builder rewardBoundary(double reward) {
            this.rewardBoundary = finite(reward, "rewardBoundary");
            return this;
        }

        /**
         * Sets {@code r_forbidden}, earned by entering or staying in a forbidden cell (default -1).
         *
         * @param reward the reward of such a move, a finite number
         * @return this builder
         * @throws IllegalArgumentException if the reward is not finite
         */
        public Builder rewardForbidden(double reward) {
            this.rewardForbidden = finite(reward, "rewardForbidden");
            return this;
        }

        /**
         * Sets {@code r_target}, earned by entering or staying in a target (default +1).
         *
         * @param reward the reward of such a move, a finite number
         * @return this builder
         * @throws IllegalArgumentException if the reward is not finite
         */
        public Builder rewardTarget(double reward) {
            this.rewardTarget = finite(reward, "rewardTarget");
            return this;
        }

        /**
         * Sets {@code r_step}, earned by every other move, staying on an ordinary cell included (default 0).
         *
         * @param reward the reward of such a move, a finite number
         * @return this builder
         * @throws IllegalArgumentException if the reward is not finite
         */
        public Builder rewardStep(double reward) {
            this.rewardStep = finite(reward, "rewardStep");
            return this;
        }

        /**
         * Sets what a bump from a forbidden cell earns (default {@link ForbiddenBump#BOUNDARY}).
         *
         * @param bump what a bump from a forbidden cell earns
         * @return this builder
         * @throws IllegalArgumentException if {@code bump} is null
         */
        public Builder forbiddenBump(ForbiddenBump bump) {
            if (bump == null) {
                throw new IllegalArgumentException("forbiddenBump must not be null");
            }
            this.forbiddenBump = bump;
            return this;
        }

        /**
         * Chooses five actions with STAY ({@code true}, the default) or the four moves only.
         *
         * @param withStay {@code true} for five actions including STAY, {@code false} for the four moves
         * @return this builder
         */
        public Builder withStay(boolean withStay) {
            this.withStay = withStay;
            return this;
        }

        /**
         * Makes targets terminal ({@code true}: Sutton &amp; Barto's episodic tasks) or keeps the agent
         * acting there ({@code false}, the default: Zhao's continuing task).
         *
         * @param terminal {@code true} to end an episode on entering a target
         * @return this builder
         */
        public Builder targetTerminal(boolean terminal) {
            this.targetTerminal = terminal;
            return this;
        }

        /**
         * Whether the map must have a target or terminal cell (default {@code true}). Worlds such as
         * Sutton &amp; Barto's Example 3.5 have none.
         *
         * @param require {@code true} to reject a map without a target or terminal cell
         * @return this builder
         */
        public Builder requireTarget(boolean require) {
            this.requireTarget = require;
            return this;
        }

        /**
         * Makes {@code (row, col)} a terminal cell (as if marked {@code X}).
         *
         * @param row the cell's row, 0 at the top
         * @param col the cell's column, 0 at the left
         * @return this builder
         * @throws IllegalArgumentException if the cell is outside the grid
         */
        public Builder terminal(int row, int col) {
            cells[index(row, col, "terminal cell")] = CellType.TERMINAL;
            return this;
        }

        /**
         * Makes every action in {@code (row, col)} move the agent to {@code (toRow, toCol)} with
         * {@code reward}, as the cells A and B of Sutton &amp; Barto's Example 3.5.
         *
         * @param row    the source cell's row, 0 at the top
         * @param col    the source cell's column, 0 at the left
         * @param toRow  the destination's row
         * @param toCol  the destination's column
         * @param reward the reward of every action taken in the source cell, a finite number
         * @return this builder
         * @throws IllegalArgumentException if a cell is outside the grid or the reward is not finite
         */
        public Builder teleport(int row, int col, int toRow, int toCol, double reward) {
            int from = index(row, col, "teleport source");
            int to = index(toRow, toCol, "teleport destination");
            teleportDestination[from] = to;
            teleportReward[from] = finite(reward, "teleport reward");
            return this;
        }

        /**
         * Makes {@code (row, col)} a cliff cell (as if marked {@code C}).
         *
         * @param row the cell's row, 0-based from the top
         * @param col the cell's column, 0-based from the left
         * @return this builder
         * @throws IllegalArgumentException if the cell is outside the grid
         */
        public Builder cliff(int row, int col) {
            cells[index(row, col, "cliff cell")] = CellType.CLIFF;
            return this;
        }

        /**
         * Sets {@code r_cliff}, earned by entering a cliff cell (default -100, Sutton &amp; Barto
         * Example 6.6).
         *
         * @param reward the reward, any finite number
         * @return this builder
         * @throws IllegalArgumentException if the reward is not finite
         */
        public Builder rewardCliff(double reward) {
            this.rewardCliff = finite(reward, "rewardCliff");
            return this;
        }

        /**
         * Chooses whether entering a cliff sends the agent back to the start cell, the episode going
         * on ({@code true}, the default, as in Sutton &amp; Barto Example 6.6), or ends the episode
         * there ({@code false}).
         *
         * @param returnsToStart whether a cliff sends the agent back to the start
         * @return this builder
         */
        public Builder cliffReturnsToStart(boolean returnsToStart) {
            this.cliffReturnsToStart = returnsToStart;
            return this;
        }

        /**
         * Sets the wind of each column (default none): after every move, the agent is pushed
         * {@code perColumn[c]} cells up (down if negative), where {@code c} is the column it was in
         * before the move, stopping at the edge of the grid or below (above) a wall. Sutton &amp;
         * Barto Example 6.5 uses {@code 0 0 0 1 1 1 2 2 1 0}.
         *
         * @param perColumn one strength per column, in cells
         * @return this builder
         * @throws IllegalArgumentException if there is not one strength per column
         */
        public Builder wind(int... perColumn) {
            if (perColumn == null || perColumn.length != cols) {
                throw new IllegalArgumentException("wind has " + (perColumn == null ? "no" : perColumn.length)
                        + " column strengths; expected " + cols + ", one per column");
            }
            System.arraycopy(perColumn, 0, wind, 0, cols);
            return this;
        }

        /**
         * Sets the probability that the chosen action is replaced by a uniformly random one
         * (default 0: deterministic).
         *
         * @param probability the slip probability, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if {@code probability} is outside {@code [0, 1]}
         */
        public Builder slip(double probability) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("slip probability " + probability + " is outside [0, 1]");
            }
            this.slip = probability;
            return this;
        }

        /**
         * @return the grid world
         * @throws IllegalArgumentException if a target is required and the map has neither a target
         *                                  nor a terminal cell, if a teleport starts or ends in a wall
         *                                  or a cliff, if cliffs send the agent back to a start the map
         *                                  does not have, or if every cell is a wall, cliff or terminal
         */
        public GridWorld build() {
            boolean hasGoal = false;
            boolean hasOpenCell = false;
            boolean hasCliff = false;
            boolean hasStart = false;
            for (CellType type : cells) {
                hasGoal |= type == CellType.TARGET || type == CellType.TERMINAL;
                hasOpenCell |= type != CellType.WALL && type != CellType.TERMINAL && type != CellType.CLIFF
                        && !(type == CellType.TARGET && targetTerminal);
                hasCliff |= type == CellType.CLIFF;
                hasStart |= type == CellType.START;
            }
            if (requireTarget && !hasGoal) {
                throw new IllegalArgumentException("map has no target cell 'T' (or terminal cell 'X'); this world "
                        + "requires one (use requireTarget(false) for a world without)");
            }
            if (!hasOpenCell) {
                throw new IllegalArgumentException("map has no cell an agent can stand on; expected at least one "
                        + "non-wall, non-terminal cell");
            }
            if (hasCliff && cliffReturnsToStart && !hasStart) {
                throw new IllegalArgumentException("map has cliff cells 'C' that send the agent back to the start, "
                        + "but no start cell 'S'; add one, or use cliffReturnsToStart(false)");
            }
            for (int s = 0; s < cells.length; s++) {
                int to = teleportDestination[s];
                if (to >= 0 && (blocksTeleport(cells[s]) || blocksTeleport(cells[to]))) {
                    throw new IllegalArgumentException("teleport from (" + s / cols + ", " + s % cols + ") to ("
                            + to / cols + ", " + to % cols + ") touches a wall or cliff; expected cells an agent "
                            + "can stand on");
                }
            }
            return new GridWorld(this);
        }

        private static boolean blocksTeleport(CellType type) {
            return type == CellType.WALL || type == CellType.CLIFF;
        }

        private int index(int row, int col, String what) {
            if (row < 0 || row >= rows || col < 0 || col >= cols) {
                throw new IllegalArgumentException(what + " (" + row + ", " + col + ") is outside the " + rows + "x"
                        + cols + " grid (0-based rows 0.." + (rows - 1) + ", columns 0.." + (cols - 1) + ")");
            }
            return row * cols + col;
        }

        private static double finite(double value, String name) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " " + value + " is not a finite number");
            }
            return value;
        }
    }

    /** Writes the current cell, whether the episode is over and the random stream's state. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.section("GridWorld");
        out.writeRandom(rng);
        out.writeInt(state);
        out.writeBoolean(done);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        in.section("GridWorld");
        in.readRandom(rng);
        state = in.readInt();
        done = in.readBoolean();
    }
}
