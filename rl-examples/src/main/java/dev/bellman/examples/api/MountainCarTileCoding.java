package dev.bellman.examples.api;

import dev.bellman.approx.SemiGradientSarsa;
import dev.bellman.approx.features.TileCoder;
import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Evaluation;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.classic.MountainCar;
import dev.bellman.tabular.LearnerSettings;

import java.util.Arrays;

/**
 * Semi-gradient Sarsa with tile coding on Mountain Car, with the settings of Sutton &amp; Barto
 * Example 10.1 (Figs. 10.1 and 10.2). Run it with
 * {@code java -cp rl-examples/target/bellman.jar dev.bellman.examples.api.MountainCarTileCoding [episodes]}.
 */
public final class MountainCarTileCoding {

    /** Training episodes by default, the length of the book's Fig. 10.2 curves; about a second. */
    public static final int EPISODES = 500;

    private MountainCarTileCoding() {
    }

    /**
     * Trains on the raw environment, prints the learning curve's milestones, then evaluates the
     * greedy policy on MountainCar-v0.
     *
     * @param args optionally the number of training episodes (default {@value #EPISODES})
     */
    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : EPISODES;

        // The book's features: 8 tilings of 8x8 tiles over (position, velocity), hashed into 4096
        // indices, the action as tiles3's int argument. The lower bounds are float32 because the
        // observations are: at the left wall the position reads -1.2000000476837158, below -1.2.
        TileCoder coder = new TileCoder(
                new double[] {(float) MountainCar.MIN_POSITION, (float) -MountainCar.MAX_SPEED},
                new double[] {MountainCar.GOAL_POSITION, (float) MountainCar.MAX_SPEED},
                new int[] {8, 8}, 8, TileCoder.DEFAULT_TABLE_SIZE);

        // alpha = 0.5 / 8 tilings; epsilon 0: every reward is -1, so zero initial weights are optimistic
        // and exploration comes from them alone; gamma 1, the book's undiscounted episodic task.
        LearnerSettings settings = LearnerSettings.builder()
                .gamma(1.0).alpha(0.5 / 8).epsilon(0.0).initialValue(0.0).seed(1).build();
        SemiGradientSarsa<double[]> sarsa = new SemiGradientSarsa<>(settings, coder.forActions(3));

        // The raw environment has no time limit, as in the book: the first episode runs until the
        // optimistic values have driven the car over the hill.
        TrainingReport report = sarsa.train(new MountainCar(), Budget.episodes(episodes));
        long[] lengths = report.episodeLengths();
        System.out.printf("semi-gradient Sarsa, tile coding 8x8x8: %d episodes, %d steps%n",
                report.episodeCount(), report.totalSteps());
        System.out.printf("episode 1: %d steps to the flag (optimistic values explore the valley)%n", lengths[0]);
        int last = Math.min(100, lengths.length);
        System.out.printf("last %d episodes: %.1f steps per episode on average%n", last,
                Arrays.stream(lengths, lengths.length - last, lengths.length).average().orElseThrow());

        // MountainCar-v0 cuts episodes at 200 steps; Gymnasium counts -110 or better over 100 episodes as solved.
        Environment<double[], Integer> registered = Environments.make("MountainCar-v0", Integer.class);
        Evaluation greedy = Evaluation.run(registered, sarsa.policy(), 100, 1_000_000, 200);
        System.out.printf("greedy policy on MountainCar-v0: mean return %.1f (std %.1f) over 100 episodes%n",
                greedy.meanReturn(), greedy.standardDeviation());
    }
}
