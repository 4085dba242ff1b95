package dev.bellman.core;

import java.util.List;

/**
 * A Markov decision process with finitely many states and actions, given by its transition model.
 * States are {@code 0 .. stateCount() - 1}, actions {@code 0 .. actionCount() - 1}; every action is
 * available in every state. Planners compile it once with {@link TabularModel#of(FiniteMdp)}, which
 * validates it.
 */
public interface FiniteMdp {

    /** @return the number of states, at least 1 */
    int stateCount();

    /** @return the number of actions, at least 1 */
    int actionCount();

    /**
     * The outcomes of taking {@code action} in {@code state}: their probabilities must be
     * non-negative and sum to 1.
     *
     * @param state  a state in {@code [0, stateCount())}
     * @param action an action in {@code [0, actionCount())}
     * @return the outcomes, at least one
     * @throws IllegalArgumentException if the state or action is out of range
     */
    List<Transition> transitions(int state, int action);

    /**
     * Whether {@code state} is terminal. A terminal state has value 0 and planners do not back it up.
     *
     * @param state a state in {@code [0, stateCount())}
     * @return {@code false} unless overridden
     */
    default boolean isTerminal(int state) {
        return false;
    }
}
