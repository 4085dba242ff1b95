package dev.bellman.tabular.mc;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.ExploringStarts;
import dev.bellman.core.Step;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.core.space.Space;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.env.toytext.Blackjack;
import dev.bellman.env.toytext.RandomWalk;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.dp.PolicyEvaluation;
import dev.bellman.tabular.dp.ValueIteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monte Carlo control with exploring starts. */
class McExploringStartsTest {

    private static final GridWorld ZHAO = GridWorldPreset.ZHAO_5X5.build();

    @ParameterizedTest(name = "{0}-visit")
    @EnumSource(Visits.class)
    void findsAnOptimalPolicyOfZhaosGridWorld(Visits visits) {
        // Zhao Algorithm 5.2 on the 5x5 world (r_forbidden = -1, gamma = 0.9): the greedy policy's exact
        // value equals value iteration's v* (Zhao Fig. 3.4(a)) in every state. Budget: 20 000 episodes of
        // 100 steps (2 million steps, about 0.1 s), constant alpha = 0.1. The books' sample mean
        // (alpha = 1/n) keeps the returns of the early, poor greedy policies for ever and still misses
        // the optimum in most seeds after 20 000 episodes; alpha = 0.1 forgets them (32 of 32 seeds
        // succeeded at this budget, 5 of 32 at 5 000 episodes).
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(0.1).seed(42).maxEpisodeLength(100).build();
        McExploringStarts learner = new McExploringStarts(settings, visits);
        TrainingReport report = learner.train(ZHAO, Budget.episodes(20_000));
        assertEquals(2_000_000, report.totalSteps());

        double[] optimal = new ValueIteration(0.9, 1e-12).solve(ZHAO).stateValues().toArray();
        double[] greedyValues = new PolicyEvaluation(0.9, 1e-12, PolicyEvaluation.Method.EXACT)
                .evaluate(ZHAO, learner.policy()).stateValues().toArray();
        assertArrayEquals(optimal, greedyValues, 1e-6);
    }

    @Test
    void findsSuttonAndBartosOptimalBlackjackPolicy() {
        // Sutton & Barto Example 5.3 / Figure 5.2: Monte Carlo ES with sample means (alpha = 1/n) on
        // Blackjack, undiscounted. Budget: 1 million episodes (about 0.2 s; the book uses 5 million). The
        // learned greedy policy matches the figure in at least 95% of the 200 states (196 to 200 over
        // seeds 0..7; the states that differ are near-ties such as 12 against a dealer's 4).
        LearnerSettings settings = LearnerSettings.builder().gamma(1).alpha(Schedules.harmonic()).seed(7).build();
        McExploringStarts learner = new McExploringStarts(settings, Visits.FIRST);
        learner.train(new Blackjack(), Budget.episodes(1_000_000));
        int agree = BlackjackReference.agreementWithFigure5_2(learner.policy());
        assertTrue(agree >= 190, "agrees with Figure 5.2 in " + agree + " of 200 states");
        // Figure 5.2's clear-cut states: always stick on 20, always hit a hard 12 against a 10 or an ace.
        assertEquals(Blackjack.STICK, learner.policy().mostProbableAction(Blackjack.encode(20, 10, false)));
        assertEquals(Blackjack.HIT, learner.policy().mostProbableAction(Blackjack.encode(12, 10, false)));
        assertEquals(Blackjack.HIT, learner.policy().mostProbableAction(Blackjack.encode(16, 1, false)));
    }

    @Test
    void episodesStartInUniformlyRandomStateActionPairs() {
        // Sutton & Barto Sec. 5.3: "all pairs have nonzero probability of being selected as the start";
        // here each of the 25 x 5 pairs has probability 1/125. 12 500 one-step episodes: each pair is
        // expected 100 times (binomial standard deviation 10); all must lie in [50, 150].
        RecordingStarts world = new RecordingStarts(ZHAO);
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(0.1).seed(3).maxEpisodeLength(1).build();
        new McExploringStarts(settings, Visits.FIRST).train(world, Budget.episodes(12_500));
        assertEquals(12_500, Arrays.stream(world.starts).sum());
        for (int pair = 0; pair < world.starts.length; pair++) {
            assertTrue(world.starts[pair] >= 50 && world.starts[pair] <= 150,
                    "pair (" + pair / 5 + ", " + pair % 5 + ") started " + world.starts[pair] + " episodes");
        }
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedDoesNot() {
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(0.1).seed(11).maxEpisodeLength(30).build();
        McExploringStarts first = new McExploringStarts(settings, Visits.EVERY);
        McExploringStarts again = new McExploringStarts(settings, Visits.EVERY);
        McExploringStarts other = new McExploringStarts(settings.toBuilder().seed(12).build(), Visits.EVERY);
        TrainingReport a = first.train(ZHAO, Budget.episodes(300));
        TrainingReport b = again.train(GridWorldPreset.ZHAO_5X5.build(), Budget.episodes(300));
        TrainingReport c = other.train(ZHAO, Budget.episodes(300));
        assertArrayEquals(a.episodeReturns(), b.episodeReturns(), 0.0);
        assertArrayEquals(a.episodeLengths(), b.episodeLengths());
        assertArrayEquals(first.actionValues().toArray(), again.actionValues().toArray(), 0.0);
        assertFalse(Arrays.equals(a.episodeReturns(), c.episodeReturns()));
        assertFalse(Arrays.equals(first.actionValues().toArray(), other.actionValues().toArray()));

        // Blackjack: the environment's stream (the cards) is seeded from the learner's seed too.
        McExploringStarts cardsA = new McExploringStarts(settings, Visits.FIRST);
        McExploringStarts cardsB = new McExploringStarts(settings, Visits.FIRST);
        assertArrayEquals(cardsA.train(new Blackjack(), Budget.episodes(500)).episodeReturns(),
                cardsB.train(new Blackjack(), Budget.episodes(500)).episodeReturns(), 0.0);
        assertArrayEquals(cardsA.actionValues().toArray(), cardsB.actionValues().toArray(), 0.0);
    }

    @Test
    void badInputIsRejectedWithTheValueNamed() {
        LearnerSettings settings = LearnerSettings.builder().maxEpisodeLength(10).build();
        String noStarts = assertThrows(IllegalArgumentException.class,
                () -> new McExploringStarts(settings, Visits.FIRST).train(RandomWalk.fiveStates(), Budget.episodes(1))).getMessage();
        assertTrue(noStarts.contains("McExploringStarts") && noStarts.contains("dev.bellman.env.toytext.RandomWalk")
                && noStarts.contains("ExploringStarts"), noStarts);
        String continuous = assertThrows(IllegalArgumentException.class,
                () -> new McExploringStarts(settings, Visits.FIRST).train(TestEnvironments.continuousObservations(),
                        Budget.episodes(1))).getMessage();
        assertTrue(continuous.contains("discrete observation space"), continuous);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new McExploringStarts(settings, null))
                .getMessage().contains("visits must not be null"));
        assertThrows(IllegalStateException.class, () -> new McExploringStarts(settings, Visits.FIRST).policy());
    }

    /** Zhao's world, counting the (state, first action) pair of every episode. */
    private static final class RecordingStarts implements Environment<Integer, Integer>, ExploringStarts<Integer> {
        private final GridWorld world;
        private final int[] starts;
        private int startState = -1;

        RecordingStarts(GridWorld world) {
            this.world = world;
            this.starts = new int[world.stateCount() * world.actionCount()];
        }

        @Override
        public Space<Integer> observationSpace() {
            return world.observationSpace();
        }

        @Override
        public Space<Integer> actionSpace() {
            return world.actionSpace();
        }

        @Override
        public Integer reset(long seed) {
            return world.reset(seed);
        }

        @Override
        public Integer reset() {
            return world.reset();
        }

        @Override
        public List<Integer> startStates() {
            return world.startStates();
        }

        @Override
        public Integer resetTo(Integer state) {
            startState = state;
            return world.resetTo(state);
        }

        @Override
        public Step<Integer> step(Integer action) {
            if (startState >= 0) {
                starts[startState * world.actionCount() + action]++;
                startState = -1;
            }
            return world.step(action);
        }
    }
}
