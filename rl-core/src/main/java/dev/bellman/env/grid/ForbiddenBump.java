package dev.bellman.env.grid;

/**
 * What bumping the boundary (or a wall) earns while standing on a forbidden cell. Zhao's book is not
 * consistent here: the lecture tables and Fig. 8.6 use {@code r_boundary}; the numbers of Figs. 5.6
 * and 5.7 need {@code r_boundary + r_forbidden}.
 */
public enum ForbiddenBump {
    /** the bump earns {@code r_boundary}, as from any other cell (the default) */
    BOUNDARY,
    /** the bump earns {@code r_boundary + r_forbidden} */
    SUM
}
