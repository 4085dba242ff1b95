package dev.bellman.examples.inventory;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.EnvironmentChecker;
import dev.bellman.core.Policy;
import dev.bellman.core.Step;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.core.wrappers.TimeLimit;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.td.QLearning;

import java.util.SplittableRandom;

/**
 * The program of {@code docs/custom-environment.md}: checks {@link InventoryControl}, trains
 * Q-learning on 30-day episodes, prints the learned ordering policy and compares its average
 * 30-day profit with fixed rules and with the optimal one. Run it with
 * {@code java -cp rl-examples/target/bellman.jar dev.bellman.examples.inventory.InventoryTutorial}.
 */
public final class InventoryTutorial {

    /** Days per episode: a month of trading. */
    public static final int DAYS = 30;
    /** Training episodes: 600,000 days in all, about a tenth of a second. */
    public static final int TRAINING_EPISODES = 20_000;
    /** Episodes each policy is evaluated on. */
    public static final int EVALUATION_EPISODES = 1_000;
    /** The seed of training; evaluation uses {@link #EVALUATION_SEED}, so it sees days never trained on. */
    public static final long SEED = 42;
    /** The seed of the evaluation episodes, the same for every policy compared. */
    public static final long EVALUATION_SEED = 2024;

    private InventoryTutorial() {
    }

    /**
     * The environment of the tutorial: the default shop, with episodes cut after {@link #DAYS} days.
     *
     * @return a new, not yet reset environment
     */
    public static Environment<Integer, Integer> environment() {
        return new TimeLimit<>(new InventoryControl(), DAYS);
    }

    /**
     * The learner of the tutorial: on-policy Q-learning with γ = 0.95 (a day 30 days ahead still
     * counts: 0.95^30 ≈ 0.21), α = 0.05, and ε falling linearly from 0.5 to 0.01 over the first
     * half of training.
     *
     * @param seed the seed of the learner and of the environment's first reset
     * @return a new, untrained learner
     */
    public static QLearning learner(long seed) {
        LearnerSettings settings = LearnerSettings.builder()
                .gamma(0.95)
                .alpha(0.05)
                .epsilon(Schedules.linear(0.5, 0.01, TRAINING_EPISODES / 2))
                .seed(seed)
                .build();
        return new QLearning(settings);
    }

    /**
     * The optimal rule of the default shop under γ = 0.95, found by value iteration on its exact
     * model: order the most allowed (5) when the stock is 3 or less, nothing otherwise.
     *
     * @return the rule as a policy
     */
    public static Policy<Integer, Integer> optimalRule() {
        return (stock, rng) -> stock <= 3 ? 5 : 0;
    }

    /**
     * The average undiscounted return of {@code policy} over {@code episodes} episodes, the first
     * one started by {@code env.reset(seed)} and the others by {@code env.reset()}. Two policies
     * evaluated with the same seed see the same customers, since the demand draws do not depend on
     * the orders.
     *
     * @param env      the environment; its episodes must end
     * @param policy   the policy to follow
     * @param episodes the number of episodes, at least 1
     * @param seed     the seed of the first reset and of the policy's random choices
     * @return the mean return per episode
     * @throws IllegalArgumentException if {@code episodes < 1}
     */
    public static double averageReturn(Environment<Integer, Integer> env, Policy<Integer, Integer> policy,
                                       int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes " + episodes + " must be at least 1");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double total = 0;
        for (int episode = 0; episode < episodes; episode++) {
            Integer stock = episode == 0 ? env.reset(seed) : env.reset();
            Step<Integer> step;
            do {
                step = env.step(policy.act(stock, rng));
                total += step.reward();
                stock = step.observation();
            } while (!step.done());
        }
        return total / episodes;
    }

    /**
     * Checks, trains, prints.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Environment<Integer, Integer> env = environment();

        // 1. Does the environment keep the contract?
        EnvironmentChecker.Report report = EnvironmentChecker.check(env);
        System.out.println(report);
        if (!report.isOk()) {
            System.exit(1);
        }

        // 2. Learn from 20,000 months of trading.
        QLearning learner = learner(SEED);
        TrainingReport training = learner.train(env, Budget.episodes(TRAINING_EPISODES));
        System.out.printf("%nQ-learning: %d episodes, %d steps%n", training.episodeCount(), training.totalSteps());

        // 3. The learned rule: how much to order at each stock level.
        TabularPolicy policy = learner.policy();
        StringBuilder stocks = new StringBuilder("stock ");
        StringBuilder orders = new StringBuilder("order ");
        for (int stock = 0; stock < policy.stateCount(); stock++) {
            stocks.append(String.format("%3d", stock));
            orders.append(String.format("%3d", policy.mostProbableAction(stock)));
        }
        System.out.println(stocks);
        System.out.println(orders);

        // 4. Compare it with fixed rules on the same customers.
        System.out.printf("%nAverage profit over %d days (%d episodes, seed %d)%n", DAYS, EVALUATION_EPISODES, EVALUATION_SEED);
        printAverage("never order", env, (stock, rng) -> 0);
        printAverage("order 3 every day", env, (stock, rng) -> 3);
        printAverage("learned policy", env, policy);
        printAverage("optimal rule", env, optimalRule());
    }

    private static void printAverage(String name, Environment<Integer, Integer> env, Policy<Integer, Integer> policy) {
        System.out.printf("  %-18s %7.2f%n", name, averageReturn(env, policy, EVALUATION_EPISODES, EVALUATION_SEED));
    }
}
