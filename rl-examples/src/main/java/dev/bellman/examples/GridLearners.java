package dev.bellman.examples;

import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;
import dev.bellman.tabular.mc.McBasic;
import dev.bellman.tabular.mc.McEpsilonGreedy;
import dev.bellman.tabular.mc.McExploringStarts;
import dev.bellman.tabular.mc.Visits;
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
     * MC exploring starts uses first visits; MC epsilon-greedy every visit, as Zhao's Algorithm 5.3.
     */
    static TabularControlLearner create(GridAlgorithm algorithm, LearnerSettings settings, int n, double lambda) {
        return switch (algorithm) {
            // MC Basic's L is the episode length; one episode per pair, as in Zhao's deterministic world.
            case MC_BASIC -> new McBasic(settings, (int) Math.min(Integer.MAX_VALUE,
                    settings.maxEpisodeLength() > 0 ? settings.maxEpisodeLength() : 100), 1);
            case MC_EXPLORING_STARTS -> new McExploringStarts(settings, Visits.FIRST);
            case MC_EPSILON_GREEDY -> new McEpsilonGreedy(settings, Visits.EVERY);
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
