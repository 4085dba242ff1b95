package dev.bellman.approx;

import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.dp.PolicyEvaluation;

/**
 * Zhao's Chapter 8 setting: the 5×5 grid world of Fig. 3.4 with rewards −1 (boundary), −1
 * (forbidden), +1 (target), 0 otherwise, γ = 0.9, evaluating the uniform random policy over the five
 * actions; the exact values come from exact policy evaluation.
 */
final class ZhaoGridFixture {

    static final double GAMMA = 0.9;

    private ZhaoGridFixture() {
    }

    static GridWorld world() {
        return GridWorldPreset.ZHAO_5X5.build();
    }

    static TabularPolicy uniformPolicy(GridWorld world) {
        return TabularPolicy.uniform(world.stateCount(), world.actionCount());
    }

    static double[] exactValues(GridWorld world) {
        return new PolicyEvaluation(GAMMA, 1e-12, PolicyEvaluation.Method.EXACT)
                .evaluate(world, uniformPolicy(world)).stateValues().toArray();
    }

    /** Root mean square of {@code estimate(s) − truth[s]} over every state. */
    static double rmse(LinearStateValues<Integer> estimate, double[] truth) {
        double sum = 0;
        for (int s = 0; s < truth.length; s++) {
            double difference = estimate.value(s) - truth[s];
            sum += difference * difference;
        }
        return Math.sqrt(sum / truth.length);
    }
}
