package dev.bellman.tabular.mc;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Policy;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.env.toytext.RandomWalk;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First-visit and every-visit Monte Carlo prediction. */
class MonteCarloPredictionTest {

    /** The random walk's only action. */
    private static final Policy<Integer, Integer> WATCH = (state, rng) -> 0;

    @ParameterizedTest(name = "{0}-visit")
    @EnumSource(Visits.class)
    void estimatesTheFiveStateRandomWalkWithinABandOfItsTrueValues(Visits visits) {
        // Sutton & Barto Example 6.2: true values of A..E (states 1..5) are 1/6 .. 5/6
        // (shared/reference/books/sb_random_walk_true_values.json). Budget: 20 000 episodes, sample means
        // (alpha = 1/n). Each return is 0 or 1, so a state's estimate has a standard error of at most
        // 0.5 / sqrt(n) for n averaged returns; every state is first-visited in at least 60% of the episodes
        // (gambler's ruin from C), so n >= 12 000 and the error is about 0.005. Over seeds 0..199 the largest
        // error was 0.011 (first-visit) and 0.017 (every-visit, whose returns within an episode are
        // correlated); the band is 0.02.
        RandomWalk walk = RandomWalk.fiveStates();
        LearnerSettings settings = LearnerSettings.builder().gamma(1).alpha(Schedules.harmonic()).seed(2024).build();
        MonteCarloPrediction learner = new MonteCarloPrediction(settings, WATCH, visits);
        learner.train(walk, Budget.episodes(20_000));

        double[] values = learner.stateValues().toArray();
        double[] truth = {0, 1 / 6.0, 2 / 6.0, 3 / 6.0, 4 / 6.0, 5 / 6.0, 0};
        assertArrayEquals(truth, walk.trueValues(), 1e-12);
        assertArrayEquals(truth, values, 0.02);
        assertEquals(0.0, values[0], 0.0, "a terminal state is never updated");
    }

    @Test
    void firstVisitAveragesOneReturnPerEpisodeAndEveryVisitAveragesAll() {
        // Sutton & Barto Sec. 5.1 on the episode S0=0, R1=1, S1=1, R2=2, S2=0, R3=3, S3=2, R4=4, terminal,
        // with gamma = 0.5: G3 = 4, G2 = 3 + 0.5 * 4 = 5, G1 = 2 + 0.5 * 5 = 4.5, G0 = 1 + 0.5 * 4.5 = 3.25.
        // First visit of state 0 returns G0 = 3.25; every visit averages G0 and G2: 4.125.
        int[] states = {0, 1, 0, 2, 3};
        double[] rewards = {1, 2, 3, 4};
        LearnerSettings settings = LearnerSettings.builder().gamma(0.5).alpha(Schedules.harmonic()).build();

        MonteCarloPrediction first = new MonteCarloPrediction(settings, WATCH, Visits.FIRST);
        first.train(TestEnvironments.scripted(4, 1, states, rewards, false), Budget.episodes(3));
        assertArrayEquals(new double[]{3.25, 4.5, 4, 0}, first.stateValues().toArray(), 1e-12);

        MonteCarloPrediction every = new MonteCarloPrediction(settings, WATCH, Visits.EVERY);
        every.train(TestEnvironments.scripted(4, 1, states, rewards, false), Budget.episodes(3));
        assertArrayEquals(new double[]{4.125, 4.5, 4, 0}, every.stateValues().toArray(), 1e-12);

        // Constant alpha = 0.5 after one episode: v(0) = 0.5 * 3.25 (first visit only).
        MonteCarloPrediction constant = new MonteCarloPrediction(settings.toBuilder().alpha(0.5).build(), WATCH, Visits.FIRST);
        constant.train(TestEnvironments.scripted(4, 1, states, rewards, false), Budget.episodes(1));
        assertArrayEquals(new double[]{1.625, 2.25, 2, 0}, constant.stateValues().toArray(), 1e-12);
    }

    @Test
    void aTruncatedEpisodeBootstrapsFromTheValueOfItsLastState() {
        // Episode 0 -> 1 -> 2 with rewards 1, 1, cut by a time limit in state 2, whose value is the
        // initial 10 (state 2 is never a state the episode acts in). gamma = 0.5:
        // G1 = 1 + 0.5 * v(2) = 6, G0 = 1 + 0.5 * 6 = 4 (a terminal end would give 1 and 1.5).
        LearnerSettings settings = LearnerSettings.builder().gamma(0.5).alpha(Schedules.harmonic()).initialValue(10).build();
        MonteCarloPrediction byEnvironment = new MonteCarloPrediction(settings, WATCH, Visits.FIRST);
        byEnvironment.train(TestEnvironments.scripted(3, 1, new int[]{0, 1, 2}, new double[]{1, 1}, true), Budget.episodes(1));
        assertArrayEquals(new double[]{4, 6, 10}, byEnvironment.stateValues().toArray(), 1e-12);

        // The learner's own limit (maxEpisodeLength = 2) truncates a longer episode the same way.
        MonteCarloPrediction byLimit = new MonteCarloPrediction(settings.toBuilder().maxEpisodeLength(2).build(), WATCH, Visits.FIRST);
        byLimit.train(TestEnvironments.scripted(4, 1, new int[]{0, 1, 2, 3}, new double[]{1, 1, 1}, false), Budget.episodes(1));
        assertArrayEquals(new double[]{4, 6, 10, 10}, byLimit.stateValues().toArray(), 1e-12);

        // Terminated instead: no bootstrap.
        MonteCarloPrediction terminal = new MonteCarloPrediction(settings, WATCH, Visits.FIRST);
        terminal.train(TestEnvironments.scripted(3, 1, new int[]{0, 1, 2}, new double[]{1, 1}, false), Budget.episodes(1));
        assertArrayEquals(new double[]{1.5, 1, 10}, terminal.stateValues().toArray(), 1e-12);
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedDoesNot() {
        LearnerSettings settings = LearnerSettings.builder().gamma(1).alpha(0.05).seed(9).build();
        MonteCarloPrediction first = new MonteCarloPrediction(settings, WATCH, Visits.EVERY);
        MonteCarloPrediction again = new MonteCarloPrediction(settings, WATCH, Visits.EVERY);
        MonteCarloPrediction other = new MonteCarloPrediction(settings.toBuilder().seed(10).build(), WATCH, Visits.EVERY);
        TrainingReport a = first.train(RandomWalk.fiveStates(), Budget.episodes(200));
        TrainingReport b = again.train(RandomWalk.fiveStates(), Budget.episodes(200));
        TrainingReport c = other.train(RandomWalk.fiveStates(), Budget.episodes(200));
        assertArrayEquals(a.episodeReturns(), b.episodeReturns(), 0.0);
        assertArrayEquals(a.episodeLengths(), b.episodeLengths());
        assertArrayEquals(first.stateValues().toArray(), again.stateValues().toArray(), 0.0);
        assertFalse(Arrays.equals(a.episodeLengths(), c.episodeLengths()));
        assertFalse(Arrays.equals(first.stateValues().toArray(), other.stateValues().toArray()));
    }

    @Test
    void badInputIsRejectedWithTheValueNamed() {
        LearnerSettings settings = LearnerSettings.builder().build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MonteCarloPrediction(settings, WATCH, null))
                .getMessage().contains("visits must not be null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MonteCarloPrediction(settings, null, Visits.FIRST))
                .getMessage().contains("policy must not be null"));
        Environment<Integer, Integer> continuous = TestEnvironments.continuousObservations();
        String message = assertThrows(IllegalArgumentException.class,
                () -> new MonteCarloPrediction(settings, WATCH, Visits.FIRST).train(continuous, Budget.episodes(1))).getMessage();
        assertTrue(message.contains("discrete observation space"), message);
        assertThrows(IllegalStateException.class, () -> new MonteCarloPrediction(settings, WATCH, Visits.FIRST).stateValues());
    }
}
