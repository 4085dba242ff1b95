package dev.bellman.env.grid;

/**
 * The moves of a grid world, in Zhao's order {@code a1..a5}: up (row - 1), right (column + 1),
 * down (row + 1), left (column - 1), stay. Four-action worlds use the first four; the ordinal is the
 * action index.
 */
public enum GridAction {
    /** row - 1 */
    UP(-1, 0, 'U', "\u2191"),
    /** column + 1 */
    RIGHT(0, 1, 'R', "\u2192"),
    /** row + 1 */
    DOWN(1, 0, 'D', "\u2193"),
    /** column - 1 */
    LEFT(0, -1, 'L', "\u2190"),
    /** no move */
    STAY(0, 0, 'S', "\u25cb");

    private final int rowDelta;
    private final int colDelta;
    private final char letter;
    private final String arrow;

    GridAction(int rowDelta, int colDelta, char letter, String arrow) {
        this.rowDelta = rowDelta;
        this.colDelta = colDelta;
        this.letter = letter;
        this.arrow = arrow;
    }

    /** @return the change of row this move makes: -1, 0 or +1 */
    public int rowDelta() {
        return rowDelta;
    }

    /** @return the change of column this move makes: -1, 0 or +1 */
    public int colDelta() {
        return colDelta;
    }

    /** @return the one-letter name used in policy files: U, R, D, L or S */
    public char letter() {
        return letter;
    }

    /** @return the arrow drawn for this action: ↑ → ↓ ← or ○ for stay */
    public String arrow() {
        return arrow;
    }

    /**
     * @param letter U, R, D, L or S (either case)
     * @return the action with that letter
     * @throws IllegalArgumentException if the letter is none of these
     */
    public static GridAction fromLetter(char letter) {
        char upper = Character.toUpperCase(letter);
        for (GridAction action : values()) {
            if (action.letter == upper) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action letter '" + letter + "'; expected one of U R D L S");
    }
}
