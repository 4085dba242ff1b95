package dev.bellman.tabular.dp;

/**
 * The order in which an in-place planner visits the states of a sweep. An in-place (Gauss–Seidel)
 * sweep uses the values it has just computed, so an order that visits a state after the states
 * its best actions lead to carries the reward of a goal across the whole model in one sweep.
 */
public enum StateOrder {
    /** States 0, 1, …, n − 1. */
    NATURAL,
    /**
     * Breadth-first from the terminal states backwards along the transitions: the terminal states,
     * then the states one step from them, two steps, … (states that reach no terminal state follow
     * in natural order). For a deterministic shortest-path task this is the order of distance to
     * the goal, and one sweep computes the exact values; it costs one pass over the model and about
     * 4 bytes per outcome while it is built.
     */
    BACKWARD_FROM_TERMINALS
}
