package dev.bellman.tabular.td;

import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.toytext.RandomWalk;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TD prediction on Sutton &amp; Barto's random walks (Example 6.2, Fig. 7.2). */
class RandomWalkTest {

    /** RMS error over the non-terminal states 1..n against the true values. */
    private static double rms(double[] estimate, double[] truth, int n) {
        double sum = 0;
        for (int s = 1; s <= n; s++) {
            double diff = estimate[s] - truth[s];
            sum += diff * diff;
        }
        return Math.sqrt(sum / n);
    }

    @Test
    void tdZeroLearnsTheFiveStateWalk() {
        // Example 6.2 with V initialised to 0.5 and alpha 0.05 (Fig. 6.2, right): after 300 episodes the
        // RMS error averaged over 100 runs is below 0.05.
        RandomWalk walk = RandomWalk.fiveStates();
        double[] truth = walk.trueValues();
        assertEquals(1.0 / 6, truth[1], 1e-12);
        double total = 0;
        int runs = 100;
        for (int run = 0; run < runs; run++) {
            LearnerSettings settings = LearnerSettings.builder().gamma(1).alpha(0.05).initialValue(0.5).seed(run).build();
            TdZero td = new TdZero(settings, TabularPolicy.uniform(walk.stateCount(), 1));
            td.train(walk, Budget.episodes(300));
            total += rms(td.stateValues().toArray(), truth, 5);
        }
        double averageRms = total / runs;
        assertTrue(averageRms < 0.05, "average RMS " + averageRms);
    }

    @Test
    void firstEpisodeOfTdZeroMovesOnlyTheLastState() {
        // Exercise 6.3: with V = 0.5 everywhere and alpha = 0.1, after one episode only the state next to
        // the terminal it ended in has changed: to 0.45 (left end, reward 0) or 0.55 (right end, reward 1).
        RandomWalk walk = RandomWalk.fiveStates();
        LearnerSettings settings = LearnerSettings.builder().gamma(1).alpha(0.1).initialValue(0.5).seed(4).build();
        TdZero td = new TdZero(settings, TabularPolicy.uniform(walk.stateCount(), 1));
        td.train(walk, Budget.episodes(1));
        double[] v = td.stateValues().toArray();
        int changed = 0;
        for (int s = 1; s <= 5; s++) {
            if (v[s] != 0.5) {
                changed++;
                assertTrue(s == 1 && Math.abs(v[s] - 0.45) < 1e-12 || s == 5 && Math.abs(v[s] - 0.55) < 1e-12,
                        "state " + s + " = " + v[s]);
            }
        }
        assertEquals(1, changed);
    }

    @Test
    void nStepTdBeatsTdZeroOnTheNineteenStateWalk() {
        // Fig. 7.2: average RMS error over the first 10 episodes and 100 runs, V initialised to 0, alpha in
        // 0.1..1.0. At its best alpha 1-step TD stays near 0.35 while 4-step TD gets down to about 0.27.
        RandomWalk walk = RandomWalk.nineteenStates();
        double[] truth = walk.trueValues();
        double bestOneStep = bestAverageError(walk, truth, 1);
        double bestFourStep = bestAverageError(walk, truth, 4);
        assertTrue(bestOneStep > 0.32 && bestOneStep < 0.38, "1-step " + bestOneStep);
        assertTrue(bestFourStep > 0.24 && bestFourStep < 0.30, "4-step " + bestFourStep);
    }

    private static double bestAverageError(RandomWalk walk, double[] truth, int n) {
        double best = Double.POSITIVE_INFINITY;
        for (double alpha = 0.1; alpha <= 1.0 + 1e-9; alpha += 0.1) {
            double total = 0;
            int runs = 100;
            for (int run = 0; run < runs; run++) {
                LearnerSettings settings = LearnerSettings.builder().gamma(1).alpha(Math.min(alpha, 1)).seed(run).build();
                NStepTd td = new NStepTd(settings, TabularPolicy.uniform(walk.stateCount(), 1), n);
                for (int episode = 0; episode < 10; episode++) {
                    td.train(walk, Budget.episodes(1));
                    total += rms(td.stateValues().toArray(), truth, 19);
                }
            }
            best = Math.min(best, total / (runs * 10));
        }
        return best;
    }
}
