package dev.bellman.env.grid;

import dev.bellman.core.TabularPolicy;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Draws a grid world, its state values and a policy as text, one line per row, in the layout of the
 * book's figures. Walls are drawn as {@code █}, terminal cells as {@code ■} and cliffs as {@code C}
 * in policies, and {@code *} marks a state whose policy has no single most probable action.
 */
public final class GridRenderer {

    private static final String WALL = "\u2588";
    private static final String TERMINAL = "\u25a0";
    private static final String AMBIGUOUS = "*";

    private GridRenderer() {
    }

    /**
     * The map: {@code .} free, {@code #} forbidden, {@code T} target, {@code S} start, {@code X}
     * terminal, {@code C} cliff, {@code █} wall.
     *
     * @param world the grid world drawn
     * @return the map, one line per row, top row first
     */
    public static String map(GridWorld world) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < world.rows(); r++) {
            for (int c = 0; c < world.cols(); c++) {
                CellType type = world.cell(world.state(r, c));
                out.append(c == 0 ? "" : " ").append(type == CellType.WALL ? WALL : String.valueOf(type.symbol()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * State values as a grid of right-aligned numbers with {@code decimals} decimals; walls drawn {@code █}.
     *
     * @param world    the grid world drawn
     * @param values   one value per state
     * @param decimals the number of decimals shown, at least 0
     * @return the values, one line per row, top row first
     * @throws IllegalArgumentException if there is not one value per state or {@code decimals} is negative
     */
    public static String values(GridWorld world, double[] values, int decimals) {
        if (values.length != world.stateCount()) {
            throw new IllegalArgumentException("got " + values.length + " values for " + world.stateCount() + " states");
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals " + decimals + " is negative");
        }
        String[] text = new String[values.length];
        int width = 1;
        for (int s = 0; s < values.length; s++) {
            // Adding 0.0 turns -0.0 into 0.0, so that a zero never prints as "-0.0".
            text[s] = world.cell(s) == CellType.WALL ? WALL
                    : String.format(Locale.ROOT, "%." + decimals + "f", values[s] + 0.0);
            if (text[s].equals(String.format(Locale.ROOT, "-%." + decimals + "f", 0.0))) {
                text[s] = text[s].substring(1);
            }
            width = Math.max(width, text[s].length());
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < world.rows(); r++) {
            for (int c = 0; c < world.cols(); c++) {
                String cell = text[world.state(r, c)];
                out.append(c == 0 ? "" : "  ").append(" ".repeat(width - cell.length())).append(cell);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A deterministic policy as arrows ↑ → ↓ ← and ○ for stay; terminal cells {@code ■}, cliffs
     * {@code C}, walls {@code █}.
     *
     * @param world   the grid world drawn
     * @param actions the action of each state (ignored for walls and terminal cells)
     * @return the arrows, one line per row, top row first
     * @throws IllegalArgumentException if there is not one action per state or an action is out of range
     */
    public static String policy(GridWorld world, int[] actions) {
        if (actions.length != world.stateCount()) {
            throw new IllegalArgumentException("got " + actions.length + " actions for " + world.stateCount() + " states");
        }
        return draw(world, s -> {
            world.actionSpace().require(actions[s], "action of state " + s);
            return GridAction.values()[actions[s]].arrow();
        });
    }

    /**
     * A stochastic policy drawn by its most probable action in each state, or {@code *} where
     * several actions share the highest probability (the uniform random policy is all {@code *}).
     *
     * @param world  the grid world drawn
     * @param policy the policy drawn, over the world's states and actions
     * @return the arrows, one line per row, top row first
     * @throws IllegalArgumentException if the policy does not have the world's states and actions
     */
    public static String policy(GridWorld world, TabularPolicy policy) {
        if (policy.stateCount() != world.stateCount() || policy.actionCount() != world.actionCount()) {
            throw new IllegalArgumentException("policy over " + policy.stateCount() + " states and " + policy.actionCount()
                    + " actions does not fit the world's " + world.stateCount() + " and " + world.actionCount());
        }
        return draw(world, s -> {
            int best = policy.mostProbableAction(s);
            for (int a = 0; a < policy.actionCount(); a++) {
                if (a != best && policy.probability(s, a) >= policy.probability(s, best) - TabularPolicy.PROBABILITY_TOLERANCE) {
                    return AMBIGUOUS;
                }
            }
            return GridAction.values()[best].arrow();
        });
    }

    private static String draw(GridWorld world, IntFunction<String> symbolOfOpenCell) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < world.rows(); r++) {
            for (int c = 0; c < world.cols(); c++) {
                int s = world.state(r, c);
                String symbol;
                if (world.cell(s) == CellType.WALL) {
                    symbol = WALL;
                } else if (world.cell(s) == CellType.CLIFF) {
                    symbol = String.valueOf(CellType.CLIFF.symbol());
                } else if (world.isTerminal(s)) {
                    symbol = TERMINAL;
                } else {
                    symbol = symbolOfOpenCell.apply(s);
                }
                out.append(c == 0 ? "" : " ").append(symbol);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
