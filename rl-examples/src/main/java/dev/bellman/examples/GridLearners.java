package dev.bellman.examples;

import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;
import dev.bellman.tabular.td.DoubleQLearning;
import dev.bellman.tabular.td.ExpectedSarsa;
import dev.bellman.tabular.td.NStepSarsa;
import dev.bellman.tabular.td.QLearning;
import dev.bellman.tabular.td.Sarsa;
import dev.bellman.tabular.td.SarsaLambda;
import dev.bellman.tabular.td.Traces;

/** Builds the model-free learner an {@code --algo} name stands for. */
final class GridLearners {

    private GridLearners() {
    }

    /**
     * @param n      the n of n-step Sarsa
     * @param lambda the lambda of Sarsa(lambda) (replacing traces)
     */
    static TabularControlLearner create(GridAlgorithm algorithm, LearnerSettings settings, int n, double lambda) {
        return switch (algorithm) {
            case SARSA -> new Sarsa(settings);
            case EXPECTED_SARSA -> new ExpectedSarsa(settings);
            case N_STEP_SARSA -> new NStepSarsa(settings, n);
            case SARSA_LAMBDA -> new SarsaLambda(settings, lambda, Traces.REPLACING);
            case Q_LEARNING -> new QLearning(settings);
            case DOUBLE_Q_LEARNING -> new DoubleQLearning(settings);
            default -> throw new IllegalArgumentException("--algo " + algorithm.id() + " is not a model-free learner");
        };
    }
}
