package dev.bellman.env.grid;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Transition;

/** Optimal values of small deterministic undiscounted grid worlds, by plain value iteration. */
final class ShortestPaths {

    private ShortestPaths() {
    }

    /**
     * Sweeps {@code v(s) = max_a sum p (r + v(s'))} from 0 until nothing changes (γ = 1). Finite for
     * a world where every step costs and every state reaches a terminal state.
     */
    static double[] optimalValues(FiniteMdp mdp) {
        double[] v = new double[mdp.stateCount()];
        for (int sweep = 0; sweep < 10_000; sweep++) {
            double change = 0;
            for (int s = 0; s < v.length; s++) {
                if (mdp.isTerminal(s)) {
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < mdp.actionCount(); a++) {
                    double q = 0;
                    for (Transition t : mdp.transitions(s, a)) {
                        q += t.probability() * (t.reward() + v[t.nextState()]);
                    }
                    best = Math.max(best, q);
                }
                change = Math.max(change, Math.abs(best - v[s]));
                v[s] = best;
            }
            if (change == 0) {
                return v;
            }
        }
        throw new AssertionError("value iteration did not settle in 10000 sweeps");
    }

    /** The number of steps of the greedy path under {@code v} from {@code start} to a terminal state. */
    static int greedyPathLength(GridWorld world, double[] v, int start) {
        int state = start;
        int steps = 0;
        while (!world.isTerminal(state)) {
            int bestAction = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < world.actionCount(); a++) {
                Transition t = world.transitions(state, a).get(0);
                double q = t.reward() + v[t.nextState()];
                if (q > best) {
                    best = q;
                    bestAction = a;
                }
            }
            state = world.transitions(state, bestAction).get(0).nextState();
            steps++;
            if (steps > world.stateCount()) {
                throw new AssertionError("greedy path from " + start + " loops");
            }
        }
        return steps;
    }
}
