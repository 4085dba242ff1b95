package dev.bellman.tabular.td;

/**
 * How an eligibility trace grows when its entry is visited (Sutton &amp; Barto Sec. 12.1 and 12.7).
 */
public enum Traces {
    /** {@code e(x) <- e(x) + 1}: repeated visits add up */
    ACCUMULATING,
    /**
     * {@code e(x) <- 1}: a visit resets the trace; for action values the other actions of the same
     * state are cleared too (Singh &amp; Sutton 1996)
     */
    REPLACING
}
