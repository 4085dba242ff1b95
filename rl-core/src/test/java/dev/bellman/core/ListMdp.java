package dev.bellman.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built {@link FiniteMdp} for tests: outcomes are given per state-action pair in row-major
 * order ({@code s * actionCount + a}), terminal states by a flag array. It performs no validation,
 * so that tests can feed broken models to {@link TabularModel#of(FiniteMdp)}.
 */
final class ListMdp implements FiniteMdp {

    private final int stateCount;
    private final int actionCount;
    private final List<List<Transition>> outcomes;
    private final boolean[] terminal;

    ListMdp(int stateCount, int actionCount, List<List<Transition>> outcomes, boolean[] terminal) {
        this.stateCount = stateCount;
        this.actionCount = actionCount;
        this.outcomes = outcomes;
        this.terminal = terminal;
    }

    ListMdp(int stateCount, int actionCount, List<List<Transition>> outcomes) {
        this(stateCount, actionCount, outcomes, new boolean[Math.max(stateCount, 0)]);
    }

    /** A builder-style start: every pair initially has no outcome. */
    static Rows rows(int stateCount, int actionCount) {
        return new Rows(stateCount, actionCount);
    }

    @Override
    public int stateCount() {
        return stateCount;
    }

    @Override
    public int actionCount() {
        return actionCount;
    }

    @Override
    public List<Transition> transitions(int state, int action) {
        return outcomes.get(state * actionCount + action);
    }

    @Override
    public boolean isTerminal(int state) {
        return terminal[state];
    }

    /** Fills the outcome lists pair by pair. */
    static final class Rows {
        private final int stateCount;
        private final int actionCount;
        private final List<List<Transition>> outcomes = new ArrayList<>();
        private final boolean[] terminal;

        private Rows(int stateCount, int actionCount) {
            this.stateCount = stateCount;
            this.actionCount = actionCount;
            this.terminal = new boolean[stateCount];
            for (int i = 0; i < stateCount * actionCount; i++) {
                outcomes.add(new ArrayList<>());
            }
        }

        Rows add(int state, int action, int nextState, double probability, double reward) {
            outcomes.get(state * actionCount + action).add(new Transition(nextState, probability, reward));
            return this;
        }

        /** Gives every action of {@code state} the single outcome {@code nextState} with probability 1. */
        Rows always(int state, int nextState, double reward) {
            for (int a = 0; a < actionCount; a++) {
                add(state, a, nextState, 1.0, reward);
            }
            return this;
        }

        Rows terminal(int state) {
            terminal[state] = true;
            return this;
        }

        ListMdp build() {
            return new ListMdp(stateCount, actionCount, outcomes, terminal.clone());
        }
    }
}
