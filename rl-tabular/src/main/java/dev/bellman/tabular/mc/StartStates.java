package dev.bellman.tabular.mc;

import dev.bellman.core.Environment;
import dev.bellman.core.ExploringStarts;

import java.util.List;

/**
 * The start states of an environment that offers {@link ExploringStarts}, checked against its
 * observation space, and the means to start an episode in one of them. Immutable.
 *
 * @param <T> the state type the environment declares; kept as the environment's own so that
 *            {@link #resetTo} hands back exactly the objects {@link ExploringStarts#startStates()} gave
 */
final class StartStates<T> {

    private final ExploringStarts<T> environment;
    private final List<T> states;
    private final int[] indices;

    private StartStates(ExploringStarts<T> environment, List<T> states, int[] indices) {
        this.environment = environment;
        this.states = states;
        this.indices = indices;
    }

    /**
     * @param env        the environment a learner was given
     * @param stateCount the size of its discrete observation space
     * @param learner    the learner's name, for messages
     * @throws IllegalArgumentException if the environment does not implement {@link ExploringStarts},
     *                                  has no start state, or declares one that is not an
     *                                  {@code Integer} in {@code [0, stateCount)}
     */
    static StartStates<?> of(Environment<Integer, Integer> env, int stateCount, String learner) {
        if (!(env instanceof ExploringStarts<?> starts)) {
            throw new IllegalArgumentException(learner + " starts episodes in chosen states, so it needs an environment that "
                    + "implements " + ExploringStarts.class.getName() + "; " + env.getClass().getName() + " does not");
        }
        return capture(starts, stateCount, learner, env);
    }

    private static <T> StartStates<T> capture(ExploringStarts<T> starts, int stateCount, String learner, Object env) {
        List<T> states = List.copyOf(starts.startStates());
        if (states.isEmpty()) {
            throw new IllegalArgumentException(env.getClass().getName() + " declares no start states; " + learner
                    + " needs at least one");
        }
        int[] indices = new int[states.size()];
        for (int i = 0; i < indices.length; i++) {
            Object state = states.get(i);
            if (!(state instanceof Integer s) || s < 0 || s >= stateCount) {
                throw new IllegalArgumentException(env.getClass().getName() + " declares start state " + state
                        + "; expected an Integer in [0, " + (stateCount - 1) + "], the observation space");
            }
            indices[i] = s;
        }
        return new StartStates<>(starts, states, indices);
    }

    /** @return the number of start states */
    int count() {
        return indices.length;
    }

    /** @return the {@code i}-th start state */
    int state(int i) {
        return indices[i];
    }

    /**
     * Starts an episode in the {@code i}-th start state.
     *
     * @return the first observation
     * @throws IllegalStateException if the environment answers with something other than that state
     */
    int resetTo(int i) {
        Object observation = environment.resetTo(states.get(i));
        if (!(observation instanceof Integer s) || s != indices[i]) {
            throw new IllegalStateException(environment.getClass().getName() + ".resetTo(" + indices[i]
                    + ") returned observation " + observation + "; expected the state itself");
        }
        return s;
    }
}
