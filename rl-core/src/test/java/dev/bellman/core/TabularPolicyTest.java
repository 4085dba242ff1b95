package dev.bellman.core;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TabularPolicyTest {

    @Test
    void uniformGivesEveryActionOneOverActionCount() {
        TabularPolicy policy = TabularPolicy.uniform(3, 4);

        assertEquals(3, policy.stateCount());
        assertEquals(4, policy.actionCount());
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 4; a++) {
                assertEquals(0.25, policy.probability(s, a), 0.0);
            }
        }
        assertFalse(policy.isDeterministic());
    }

    @Test
    void uniformRejectsEmptyCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularPolicy.uniform(0, 4));
        assertTrue(e.getMessage().contains("0 states"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TabularPolicy.uniform(2, 0));
    }

    @Test
    void deterministicPutsAllMassOnGivenActions() {
        TabularPolicy policy = TabularPolicy.deterministic(new int[] {2, 0, 4}, 5);

        assertEquals(5, policy.actionCount());
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, policy.toArray(), 0.0);
        assertTrue(policy.isDeterministic());
        assertEquals(2, policy.mostProbableAction(0));
        assertEquals(0, policy.mostProbableAction(1));
        assertEquals(4, policy.mostProbableAction(2));
    }

    @Test
    void deterministicWithoutCountTakesMaxActionPlusOne() {
        TabularPolicy policy = TabularPolicy.deterministic(new int[] {1, 3, 0});

        assertEquals(4, policy.actionCount());
        assertEquals(1.0, policy.probability(1, 3), 0.0);
    }

    @Test
    void deterministicRejectsActionOutOfRangeNamingState() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularPolicy.deterministic(new int[] {0, 3}, 3));
        assertEquals("state 1: action 3 is outside [0, 2]", e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> TabularPolicy.deterministic(new int[] {0, -1}));
        assertTrue(negative.getMessage().contains("state 1: action -1"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TabularPolicy.deterministic(new int[0], 3));
    }

    @Test
    void epsilonGreedyFollowsZhaoDefinition() {
        // Zhao (Mathematical Foundations of RL, Ch. 5): greedy action 1 - eps(|A|-1)/|A|, others eps/|A|.
        TabularPolicy policy = TabularPolicy.epsilonGreedy(new int[] {1, 4}, 5, 0.2);

        assertEquals(1 - 0.2 * 4 / 5, policy.probability(0, 1), 1e-15);
        assertEquals(0.84, policy.probability(0, 1), 1e-12);
        for (int a : new int[] {0, 2, 3, 4}) {
            assertEquals(0.04, policy.probability(0, a), 1e-12);
        }
        assertEquals(0.84, policy.probability(1, 4), 1e-12);
        assertEquals(1, policy.mostProbableAction(0));
        assertEquals(4, policy.mostProbableAction(1));
    }

    @Test
    void epsilonOneIsUniformAndEpsilonZeroIsDeterministic() {
        TabularPolicy one = TabularPolicy.epsilonGreedy(new int[] {2}, 4, 1.0);
        TabularPolicy zero = TabularPolicy.epsilonGreedy(new int[] {2}, 4, 0.0);

        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, one.toArray(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1, 0}, zero.toArray(), 0.0);
        assertTrue(zero.isDeterministic());
    }

    @Test
    void epsilonOutsideUnitIntervalIsRejected() {
        for (double bad : new double[] {-0.01, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TabularPolicy.epsilonGreedy(new int[] {0}, 2, bad));
            assertTrue(e.getMessage().contains("epsilon " + bad), e.getMessage());
        }
    }

    @Test
    void greedyPicksHighestActionValuePerState() {
        TabularActionValues q = new TabularActionValues(2, 3, new double[] {0.1, 0.7, -3, 5, 4.9, 5.2});
        TabularPolicy policy = TabularPolicy.greedy(q);

        assertTrue(policy.isDeterministic());
        assertEquals(1.0, policy.probability(0, 1), 0.0);
        assertEquals(1.0, policy.probability(1, 2), 0.0);
    }

    @Test
    void greedyTiesWithinOneNanoGoToLowestIndex() {
        TabularActionValues q = new TabularActionValues(3, 3, new double[] {
                1.0, 1.0 + 5e-10, 0.5,  // within 1e-9: tie, lowest index 0
                1.0, 1.0 + 2e-9, 0.5,   // beyond 1e-9: action 1 wins
                2.0, 2.0, 2.0});       // exact three-way tie: 0
        TabularPolicy policy = TabularPolicy.greedy(q);

        assertEquals(1.0, policy.probability(0, 0), 0.0);
        assertEquals(1.0, policy.probability(1, 1), 0.0);
        assertEquals(1.0, policy.probability(2, 0), 0.0);
    }

    @Test
    void epsilonGreedyOfActionValuesUsesGreedyActionWithTies() {
        TabularActionValues q = new TabularActionValues(1, 4, new double[] {3, 3 + 1e-10, 1, 3});
        TabularPolicy policy = TabularPolicy.epsilonGreedy(q, 0.4);

        assertArrayEquals(new double[] {0.7, 0.1, 0.1, 0.1}, policy.toArray(), 1e-12);
    }

    @Test
    void ofAcceptsValidTableAndCopiesIt() {
        double[][] table = {{0.2, 0.8}, {1.0, 0.0}};
        TabularPolicy policy = TabularPolicy.of(table);
        table[0][0] = 0.9;

        assertEquals(0.2, policy.probability(0, 0), 0.0);
        assertEquals(0.8, policy.probability(0, 1), 0.0);
        assertEquals(1, policy.mostProbableAction(0));
        assertEquals(0, policy.mostProbableAction(1));
    }

    @Test
    void ofRejectsRowNotSummingToOneNamingState() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularPolicy.of(new double[][] {{0.5, 0.5}, {0.5, 0.4}}));
        assertTrue(e.getMessage().startsWith("state 1: action probabilities sum to 0.9"), e.getMessage());
    }

    @Test
    void ofRejectsNegativeAndNonFiniteEntries() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> TabularPolicy.of(new double[][] {{1.1, -0.1}}));
        assertTrue(negative.getMessage().contains("state 0, action 1: probability -0.1"), negative.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> TabularPolicy.of(new double[][] {{0.5, 0.5}, {Double.NaN, 1.0}}));
        assertTrue(nan.getMessage().contains("state 1, action 0: probability NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TabularPolicy.of(new double[][] {{Double.POSITIVE_INFINITY, 0}}));
    }

    @Test
    void ofRejectsRaggedAndEmptyTables() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> TabularPolicy.of(new double[][] {{0.5, 0.5, 0}, {0.5, 0.5}}));
        assertTrue(ragged.getMessage().contains("state 1 has 2 action probabilities; expected 3"), ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TabularPolicy.of(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> TabularPolicy.of(new double[][] {{}}));
    }

    @Test
    void actSamplesActionsWithTheirProbabilities() {
        double[] row = {0.1, 0.0, 0.6, 0.3};
        TabularPolicy policy = TabularPolicy.of(new double[][] {{1, 0, 0, 0}, row});
        SplittableRandom rng = new SplittableRandom(7);
        int n = 100_000;
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            counts[policy.act(1, rng)]++;
        }

        assertEquals(0, counts[1], "an action of probability 0 is never drawn");
        for (int a = 0; a < 4; a++) {
            // Five binomial standard deviations: a correct sampler fails this with probability < 1e-6.
            double band = 5 * Math.sqrt(row[a] * (1 - row[a]) / n);
            assertEquals(row[a], counts[a] / (double) n, band, "action " + a);
        }
    }

    @Test
    void actOnDeterministicStateAlwaysReturnsItsAction() {
        TabularPolicy policy = TabularPolicy.deterministic(new int[] {3, 1}, 4);
        SplittableRandom rng = new SplittableRandom(1);

        for (int i = 0; i < 1000; i++) {
            assertEquals(3, policy.act(0, rng));
            assertEquals(1, policy.act(1, rng));
        }
    }

    @Test
    void actIsReproducibleForSameSeed() {
        TabularPolicy policy = TabularPolicy.uniform(1, 5);
        SplittableRandom first = new SplittableRandom(42);
        SplittableRandom second = new SplittableRandom(42);

        for (int i = 0; i < 100; i++) {
            assertEquals(policy.act(0, first), policy.act(0, second));
        }
    }

    @Test
    void actRejectsNullAndOutOfRangeState() {
        TabularPolicy policy = TabularPolicy.uniform(2, 2);
        SplittableRandom rng = new SplittableRandom(0);

        assertThrows(IllegalArgumentException.class, () -> policy.act(null, rng));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policy.act(2, rng));
        assertEquals("state 2 is outside [0, 1]", e.getMessage());
    }

    @Test
    void probabilityRejectsOutOfRangeStateAndAction() {
        TabularPolicy policy = TabularPolicy.uniform(2, 3);

        assertThrows(IllegalArgumentException.class, () -> policy.probability(-1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policy.probability(0, 3));
        assertEquals("action 3 is outside [0, 2]", e.getMessage());
    }

    @Test
    void mostProbableActionPrefersLowestIndexAmongTies() {
        TabularPolicy policy = TabularPolicy.of(new double[][] {{0.2, 0.4, 0.4}, {0.3, 0.3, 0.4}});

        assertEquals(1, policy.mostProbableAction(0));
        assertEquals(2, policy.mostProbableAction(1));
        assertEquals(0, TabularPolicy.uniform(1, 5).mostProbableAction(0));
    }

    @Test
    void toArrayReturnsCopy() {
        TabularPolicy policy = TabularPolicy.uniform(1, 2);
        double[] copy = policy.toArray();
        copy[0] = 1.0;

        assertEquals(0.5, policy.probability(0, 0), 0.0);
    }
}
