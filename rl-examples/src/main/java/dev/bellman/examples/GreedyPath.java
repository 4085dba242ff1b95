package dev.bellman.examples;

import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.CellType;
import dev.bellman.env.grid.GridWorld;

import java.util.ArrayList;
import java.util.List;

/**
 * The path a deterministic policy takes from a start cell, following the most probable outcome of
 * each move, until it reaches a terminal cell or a target, revisits a cell, or has made as many moves
 * as there are states.
 *
 * @param states     the cells visited, the start first
 * @param totalReward the undiscounted sum of the rewards along the path
 * @param reachedGoal whether it ended on a terminal cell or a target
 */
record GreedyPath(List<Integer> states, double totalReward, boolean reachedGoal) {

    static GreedyPath follow(GridWorld world, TabularModel model, TabularPolicy policy, int start) {
        List<Integer> states = new ArrayList<>();
        boolean[] seen = new boolean[world.stateCount()];
        int state = start;
        double total = 0;
        states.add(state);
        seen[state] = true;
        while (!isGoal(world, state) && states.size() <= world.stateCount()) {
            int action = policy.mostProbableAction(state);
            int best = model.transitionStart(state, action);
            for (int k = best + 1; k < model.transitionEnd(state, action); k++) {
                if (model.probability(k) > model.probability(best)) {
                    best = k;
                }
            }
            total += model.reward(best);
            state = model.nextState(best);
            states.add(state);
            if (seen[state]) {
                break;
            }
            seen[state] = true;
        }
        return new GreedyPath(states, total, isGoal(world, state));
    }

    private static boolean isGoal(GridWorld world, int state) {
        return world.isTerminal(state) || world.cell(state) == CellType.TARGET;
    }

    /** @return the number of moves */
    int moves() {
        return states.size() - 1;
    }
}
