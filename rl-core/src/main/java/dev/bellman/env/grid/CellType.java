package dev.bellman.env.grid;

/**
 * What a cell of a grid world is, with its map character.
 */
public enum CellType {
    /** {@code .} an ordinary cell (entering or staying earns {@code r_step}) */
    FREE('.'),
    /** {@code S} an ordinary cell where episodes start */
    START('S'),
    /** {@code #} a forbidden cell: it can be entered, and entering or staying earns {@code r_forbidden} */
    FORBIDDEN('#'),
    /** {@code W} a wall: it cannot be entered; bumping into it is like bumping the boundary */
    WALL('W'),
    /** {@code T} a target: entering or staying earns {@code r_target}; terminal if so configured */
    TARGET('T'),
    /** {@code X} a terminal cell: entering it earns {@code r_step} and ends the episode */
    TERMINAL('X'),
    /**
     * {@code C} a cliff (Sutton &amp; Barto Example 6.6): entering it earns {@code r_cliff} and sends
     * the agent back to the start, the episode going on; or, if so configured, ends the episode. The
     * agent never stands on it, so it is a terminal state of value 0, like a wall.
     */
    CLIFF('C');

    private final char symbol;

    CellType(char symbol) {
        this.symbol = symbol;
    }

    /** @return the character that stands for this cell in a map */
    public char symbol() {
        return symbol;
    }

    /**
     * @param symbol a map character
     * @return the cell type it stands for, or {@code null} if none
     */
    static CellType fromSymbol(char symbol) {
        for (CellType type : values()) {
            if (type.symbol == symbol) {
                return type;
            }
        }
        return null;
    }
}
