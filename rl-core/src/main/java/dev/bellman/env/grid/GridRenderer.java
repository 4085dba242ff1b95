package dev.bellman.env.grid;

import java.util.Locale;

/**
 * Draws a grid world, its state values and a policy as text, one line per row, in the layout of the
 * book's figures. Walls are drawn as {@code █}, terminal cells as {@code ■} in policies.
 */
public final class GridRenderer {

    private static final String WALL = "\u2588";
    private static final String TERMINAL = "\u25a0";

    private GridRenderer() {
    }

    /**
     * The map: {@code .} free, {@code #} forbidden, {@code T} target, {@code S} start, {@code X}
     * terminal, {@code █} wall.
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
     * State values as a grid of right-aligned numbers with {@code decimals} decimals; walls blank.
     *
     * @param values one value per state
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
     * A deterministic policy as arrows ↑ → ↓ ← and ○ for stay; terminal cells {@code ■}, walls
     * {@code █}.
     *
     * @param actions the action of each state (ignored for walls and terminal cells)
     * @throws IllegalArgumentException if there is not one action per state or an action is out of range
     */
    public static String policy(GridWorld world, int[] actions) {
        if (actions.length != world.stateCount()) {
            throw new IllegalArgumentException("got " + actions.length + " actions for " + world.stateCount() + " states");
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < world.rows(); r++) {
            for (int c = 0; c < world.cols(); c++) {
                int s = world.state(r, c);
                String symbol;
                if (world.cell(s) == CellType.WALL) {
                    symbol = WALL;
                } else if (world.isTerminal(s)) {
                    symbol = TERMINAL;
                } else {
                    world.actionSpace().require(actions[s], "action of state " + s);
                    symbol = GridAction.values()[actions[s]].arrow();
                }
                out.append(c == 0 ? "" : " ").append(symbol);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
