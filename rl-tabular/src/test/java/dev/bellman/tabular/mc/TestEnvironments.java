package dev.bellman.tabular.mc;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.space.Space;

/** Small environments the Monte Carlo tests need and the library does not bundle. */
final class TestEnvironments {

    private TestEnvironments() {
    }

    /** An environment whose observations are continuous: no tabular learner may accept it. */
    static Environment<Integer, Integer> continuousObservations() {
        return new Environment<>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Space<Integer> observationSpace() {
                return (Space) new BoxSpace(new double[]{0}, new double[]{1});
            }

            @Override
            public Space<Integer> actionSpace() {
                return new DiscreteSpace(2);
            }

            @Override
            public Integer reset(long seed) {
                return 0;
            }

            @Override
            public Integer reset() {
                return 0;
            }

            @Override
            public Step<Integer> step(Integer action) {
                return new Step<>(0, 0, true, false);
            }
        };
    }

    /**
     * An environment that plays the same episode every time: it starts in {@code states[0]}, and step
     * {@code i} (whatever the action) moves to {@code states[i + 1]} with reward {@code rewards[i]}.
     * The last step terminates the episode, or truncates it if {@code truncated}.
     *
     * @param stateCount the size of the observation space
     * @param actionCount the size of the action space
     */
    static Environment<Integer, Integer> scripted(int stateCount, int actionCount, int[] states, double[] rewards,
                                                  boolean truncated) {
        return new Environment<>() {
            private int step;

            @Override
            public Space<Integer> observationSpace() {
                return new DiscreteSpace(stateCount);
            }

            @Override
            public Space<Integer> actionSpace() {
                return new DiscreteSpace(actionCount);
            }

            @Override
            public Integer reset(long seed) {
                return reset();
            }

            @Override
            public Integer reset() {
                step = 0;
                return states[0];
            }

            @Override
            public Step<Integer> step(Integer action) {
                if (step >= rewards.length) {
                    throw new IllegalStateException("the scripted episode is over");
                }
                double reward = rewards[step];
                step++;
                boolean last = step == rewards.length;
                return new Step<>(states[step], reward, last && !truncated, last && truncated);
            }
        };
    }
}
