package dev.bellman.examples.api;

import dev.bellman.core.Budget;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.grid.GridRenderer;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.ValueIteration;
import dev.bellman.tabular.td.QLearning;

/**
 * Q-learning on Zhao's 5×5 grid world, compared with the optimal policy that value iteration finds
 * on the model. Run it with
 * {@code java -cp rl-examples/target/bellman.jar dev.bellman.examples.api.GridWorldQLearning [episodes]}.
 */
public final class GridWorldQLearning {

    /** Training episodes by default: 400,000 steps, well under a second. */
    public static final int EPISODES = 20_000;

    private GridWorldQLearning() {
    }

    /**
     * Learns, then compares with value iteration.
     *
     * @param args optionally the number of training episodes (default {@value #EPISODES})
     */
    public static void main(String[] args) {
        long episodes = args.length > 0 ? Long.parseLong(args[0]) : EPISODES;
        GridWorld world = GridWorldPreset.ZHAO_5X5.build();

        // The world never terminates (the agent keeps acting at the target), so episodes are cut after
        // 20 steps and bootstrap from their last state. Each episode starts at a random cell, and
        // epsilon 0.5 keeps every action tried often enough for every q(s, a) to converge.
        LearnerSettings settings = LearnerSettings.builder()
                .gamma(0.9).alpha(0.1).epsilon(0.5).maxEpisodeLength(20).seed(3).build();
        QLearning learner = new QLearning(settings);
        TrainingReport report = learner.train(world, Budget.episodes(episodes));
        System.out.printf("Q-learning: %d episodes, %d steps (alpha 0.1, epsilon 0.5, seed 3)%n",
                report.episodeCount(), report.totalSteps());

        // The model-based answer to compare with: q* and pi* from value iteration.
        PlanningResult optimal = new ValueIteration(0.9, 1e-10).solve(world);
        TabularActionValues qStar = optimal.actionValues();
        TabularPolicy learned = learner.policy();

        System.out.println();
        System.out.println("Learned greedy policy");
        System.out.print(GridRenderer.policy(world, learned));
        System.out.println("Optimal policy (value iteration)");
        System.out.print(GridRenderer.policy(world, optimal.policy()));

        // Arrows may differ where two actions are equally good, so judge each learned action by q*:
        // it is optimal when it loses nothing against the best action.
        int optimalStates = 0;
        double worstValueError = 0;
        double[] learnedValues = learner.stateValues().toArray();
        double[] optimalValues = optimal.stateValues().toArray();
        for (int s = 0; s < world.stateCount(); s++) {
            int a = learned.mostProbableAction(s);
            if (qStar.value(s, a) >= qStar.maxValue(s) - 1e-3) {
                optimalStates++;
            }
            worstValueError = Math.max(worstValueError, Math.abs(learnedValues[s] - optimalValues[s]));
        }
        System.out.println();
        System.out.printf("learned action is optimal in %d of %d states%n", optimalStates, world.stateCount());
        System.out.printf("largest |max_a q(s,a) - v*(s)| = %.3f%n", worstValueError);
    }
}
