package dev.bellman.approx;

import dev.bellman.approx.features.SparseActionFeatures;
import dev.bellman.approx.features.TileCoder;
import dev.bellman.core.Budget;
import dev.bellman.env.classic.MountainCar;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mountain Car with tile coding (Sutton &amp; Barto Example 10.1): semi-gradient Sarsa (Figs. 10.1,
 * 10.2) and true online Sarsa(λ) (Fig. 12.10) on the raw environment, whose episodes run to the goal
 * with no time limit, as in the book.
 */
class MountainCarTileCodingTest {

    /**
     * Sutton &amp; Barto's features: 8 tilings of 8 × 8 tiles over position and velocity, a table of
     * 4096 indices, the action appended as {@code tiles3}'s int argument:
     * {@code tiles(iht, 8, [8*x/(0.5+1.2), 8*xdot/(0.07+0.07)], [A])}. The lower bounds and the
     * upper velocity bound are those values rounded to float32, because the environment's
     * observations are float32: at the left wall the position reads -1.2000000476837158, below
     * -1.2. The scales differ from the book's by 3·10⁻⁸ relative. Non-terminal positions stay
     * below the goal at 0.5, the upper position bound; terminal observations are never encoded.
     */
    static SparseActionFeatures<double[]> tileCoding() {
        TileCoder coder = new TileCoder(
                new double[] {(float) MountainCar.MIN_POSITION, (float) -MountainCar.MAX_SPEED},
                new double[] {MountainCar.GOAL_POSITION, (float) MountainCar.MAX_SPEED},
                new int[] {8, 8}, 8, TileCoder.DEFAULT_TABLE_SIZE);
        return coder.forActions(3);
    }

    /** S&amp;B Fig. 10.1/10.2 settings: α = {@code alphaTimesTilings}/8, ε = 0, γ = 1, weights 0. */
    private static LearnerSettings bookSettings(long seed, double alphaTimesTilings) {
        return LearnerSettings.builder().gamma(1.0).alpha(alphaTimesTilings / 8).epsilon(0.0).seed(seed).initialValue(0.0)
                .build();
    }

    private static double mean(long[] lengths, int fromEpisode, int toEpisode) {
        return Arrays.stream(lengths, fromEpisode - 1, toEpisode).average().orElseThrow();
    }

    /** Runs {@code episodes} episodes for each seed and returns the lengths, one row per seed. */
    private static long[][] lengths(LongFunction<LinearControlLearner<double[]>> learner, int seeds,
                                    int episodes) {
        long[][] runs = new long[seeds][];
        for (int seed = 1; seed <= seeds; seed++) {
            runs[seed - 1] = learner.apply(seed).train(new MountainCar(), Budget.episodes(episodes)).episodeLengths();
        }
        return runs;
    }

    /** @return the mean steps per episode over episodes {@code from..to} (1-based, inclusive) and every run */
    private static double mean(long[][] runs, int from, int to) {
        double sum = 0;
        for (long[] run : runs) {
            sum += mean(run, from, to);
        }
        return sum / runs.length;
    }

    private static String figures(long[][] runs, int... bounds) {
        StringBuilder text = new StringBuilder("mean steps per episode:");
        for (int i = 0; i < bounds.length; i += 2) {
            text.append(String.format(Locale.ROOT, " %d..%d %.1f;", bounds[i], bounds[i + 1],
                    mean(runs, bounds[i], bounds[i + 1])));
        }
        return text.toString();
    }

    /**
     * Sutton &amp; Barto Figs. 10.1 and 10.2, the α = 0.5/8 setting: steps per episode fall from
     * about a thousand (the zero initial values are optimistic for −1 rewards, so the first episode
     * explores the whole valley) to under 200 within the first hundred episodes and keep improving.
     * Measured, seeds 1..5, 500 episodes each (about 1 s): episode 1 1290.8 steps on average,
     * episodes 1..100 215.1 (the mean is dominated by the first few episodes), 91..100 144.4 (per
     * seed 136–157), 401..500 116.6 (per seed 114–120). The bands below are those figures ± 10–15 %.
     */
    @Test
    void semiGradientSarsaReproducesTheBooksLearningCurve() {
        long[][] runs = lengths(seed -> new SemiGradientSarsa<>(bookSettings(seed, 0.5), tileCoding()), 5, 500);
        String figures = figures(runs, 1, 1, 1, 100, 91, 100, 401, 500);
        assertTrue(mean(runs, 1, 1) > 500, figures);
        assertTrue(mean(runs, 1, 100) < 250, figures);
        assertTrue(mean(runs, 91, 100) > 125 && mean(runs, 91, 100) < 165, figures);
        assertTrue(mean(runs, 401, 500) > 105 && mean(runs, 401, 500) < 130, figures);
    }

    /**
     * Sutton &amp; Barto Fig. 12.10 compares the Sarsa(λ) methods on Mountain Car by their mean steps
     * per episode over the first 50 episodes, against α × the number of tilings. Here λ = 0.9 and
     * α = 0.5/8, the step size of Fig. 10.1 (over seeds 1..5, α × 8 = 0.3, 0.5, 0.7 and 0.9 gave
     * 1..50 means of 218.0, 189.1, 192.5 and 180.7 and 51..100 means of 118.3, 114.4, 126.9 and 122.2). Measured,
     * seeds 1..5: episodes 1..50 189.1 steps on average against 281.9 for one-step Sarsa on the same
     * seeds, episodes 51..100 114.4: the traces carry each step's error back along the trajectory,
     * so it learns faster.
     */
    @Test
    void trueOnlineSarsaLambdaSolvesMountainCarFasterThanSarsa() {
        long[][] trueOnline = lengths(seed -> new TrueOnlineSarsaLambda<>(bookSettings(seed, 0.5), tileCoding(), 0.9),
                5, 100);
        long[][] sarsa = lengths(seed -> new SemiGradientSarsa<>(bookSettings(seed, 0.5), tileCoding()), 5, 50);
        String figures = "true online Sarsa(0.9) " + figures(trueOnline, 1, 50, 51, 100) + " Sarsa " + figures(sarsa, 1, 50);
        assertTrue(mean(trueOnline, 51, 100) < 130, figures);
        assertTrue(mean(trueOnline, 1, 50) < mean(sarsa, 1, 50), figures);
    }
}
