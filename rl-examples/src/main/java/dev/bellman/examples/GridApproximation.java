package dev.bellman.examples;

import dev.bellman.approx.LinearStateValues;
import dev.bellman.approx.SemiGradientTdZero;
import dev.bellman.approx.features.Features;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.dp.PolicyEvaluation;


/**
 * {@code bellman gridworld --algo td-linear}: Zhao's TD-Linear estimate of a policy's values
 * (Chapter 8), compared with the exact values from policy evaluation.
 */
final class GridApproximation {

    /**
     * @param estimate the linear estimate at every state (0 at terminal states)
     * @param exact    the exact values of the policy
     * @param rmse     the root mean square of {@code estimate − exact} over the non-terminal states
     * @param weights  the learned weights
     * @param features the features, as given on the command line
     */
    record Result(double[] estimate, double[] exact, double rmse, double[] weights, String features, int episodes,
                  long steps, EpisodeLog log) {
    }

    private GridApproximation() {
    }

    /** @throws IllegalArgumentException if the features do not fit the world or the settings are invalid */
    static Result evaluate(GridWorld world, TabularPolicy policy, FeatureSpec spec, LearnerSettings settings,
                           BudgetOptions budget, double tolerance) {
        Features<Integer> features = spec.forGrid(world);
        SemiGradientTdZero<Integer, Integer> td = new SemiGradientTdZero<>(settings, features, policy);
        EpisodeLog log = new EpisodeLog();
        td.addListener(log);
        TrainingReport report = budget.train(td, world);
        double[] exact = new PolicyEvaluation(settings.gamma(), tolerance, PolicyEvaluation.Method.TWO_ARRAY)
                .evaluate(world, policy).stateValues().toArray();
        LinearStateValues<Integer> values = td.stateValues();
        double[] estimate = new double[world.stateCount()];
        double squares = 0;
        int counted = 0;
        for (int s = 0; s < estimate.length; s++) {
            if (world.isTerminal(s)) {
                continue;
            }
            estimate[s] = values.value(s);
            double difference = estimate[s] - exact[s];
            squares += difference * difference;
            counted++;
        }
        return new Result(estimate, exact, Math.sqrt(squares / Math.max(1, counted)), td.weights(), spec.text(),
                report.episodeCount(), report.totalSteps(), log);
    }
}
