package dev.bellman.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bellman.core.CompactModel.Precision;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CompactModelTest {

    /** 3 states, 2 actions: 0 -a0-> 1 (r 1.5), 0 -a1-> 0 (r -1), 1 -> 2 (r 2, 0.25), 2 terminal. */
    static CompactModel smallDeterministic(Precision precision) {
        return CompactModel.deterministic(3, 2, precision)
                .set(0, 0, 1, 1.5).set(0, 1, 0, -1)
                .set(1, 0, 2, 2).set(1, 1, 2, 0.25)
                .set(2, 0, 2, 0).set(2, 1, 2, 0)
                .terminal(2)
                .build();
    }

    /** 2 states, 2 actions, 6 outcomes; state 1 terminal. */
    static CompactModel smallStochastic(Precision precision) {
        return CompactModel.stochastic(2, 2, precision)
                .outcome(0, 0.5).outcome(1, 0.5).endPair(1.0)
                .outcome(1, 1.0).endPair(-2.0)
                .outcome(0, 0.25).outcome(1, 0.75).endPair(0.5)
                .outcome(1, 1.0).endPair(0.0)
                .terminal(1)
                .build();
    }

    private static void assertRejected(Executable action, String... fragments) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action);
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + error.getMessage() + "' should contain '"
                    + fragment + "'");
        }
    }

    @Test
    void deterministicBuilderStoresNextStatesRewardsAndTerminalFlags() {
        for (Precision precision : Precision.values()) {
            CompactModel model = smallDeterministic(precision);
            assertTrue(model.isDeterministic());
            assertEquals(precision, model.precision());
            assertEquals(3, model.stateCount());
            assertEquals(2, model.actionCount());
            assertEquals(6, model.outcomeCount());
            assertEquals(1, model.nextState(model.outcomeStart(0, 0)));
            assertEquals(model.outcomeStart(1, 1) + 1, model.outcomeEnd(1, 1));
            assertEquals(1.0, model.probability(model.outcomeStart(0, 1)));
            assertEquals(0.25, model.reward(1, 1));
            assertFalse(model.isTerminal(0));
            assertTrue(model.isTerminal(2));
            double[] v = {10, 20, 30};
            assertEquals(1.5 + 0.9 * 20, model.backup(0, 0, 0.9, v), 1e-12);
            assertEquals(-1 + 0.9 * 10, model.backup(0, 1, 0.9, v), 1e-12);
            assertEquals(1.5 + 0.9 * 20, model.optimalBackup(0, 0.9, v), 1e-12);
            assertEquals(0, model.greedyAction(0, 0.9, v));
            assertEquals(0.0, model.optimalBackup(2, 0.9, v), "a terminal state backs up to 0");
        }
    }

    @Test
    void deterministicBuilderRejectsBadPairsNamingStateActionAndValue() {
        CompactModel.DeterministicBuilder builder = CompactModel.deterministic(3, 2, Precision.DOUBLE);
        assertRejected(() -> builder.set(3, 0, 0, 0), "state 3", "[0, 2]");
        assertRejected(() -> builder.set(-1, 0, 0, 0), "state -1");
        assertRejected(() -> builder.set(0, 2, 0, 0), "action 2", "[0, 1]");
        assertRejected(() -> builder.set(1, 1, 7, 0), "state 1, action 1", "next state 7", "[0, 2]");
        assertRejected(() -> builder.set(1, 0, -1, 0), "state 1, action 0", "next state -1");
        assertRejected(() -> builder.set(2, 1, 0, Double.NaN), "state 2, action 1", "reward NaN", "not finite");
        assertRejected(() -> builder.set(2, 0, 0, Double.NEGATIVE_INFINITY), "reward -Infinity");
        assertRejected(() -> builder.terminal(5), "state 5");
        builder.set(0, 0, 1, 0).set(0, 1, 1, 0).set(1, 0, 1, 0);
        assertRejected(builder::build, "state 1, action 1", "never set");
    }

    @Test
    void singlePrecisionRejectsRewardsThatOverflowAFloat() {
        assertRejected(() -> CompactModel.deterministic(1, 1, Precision.FLOAT).set(0, 0, 0, 1e39),
                "state 0, action 0", "reward 1.0E39", "single precision");
        assertRejected(() -> CompactModel.stochastic(1, 1, Precision.FLOAT).outcome(0, 1).endPair(-1e300),
                "state 0, action 0", "reward -1.0E300");
        CompactModel.deterministic(1, 1, Precision.DOUBLE).set(0, 0, 0, 1e39).build();
    }

    @Test
    void buildersRejectBadCountsAndReuse() {
        assertRejected(() -> CompactModel.deterministic(0, 2, Precision.DOUBLE), "0 states");
        assertRejected(() -> CompactModel.stochastic(2, 0, Precision.FLOAT), "0 actions");
        assertRejected(() -> CompactModel.deterministic(1 << 20, 1 << 12, Precision.FLOAT), "pairs");
        assertThrows(NullPointerException.class, () -> CompactModel.deterministic(1, 1, null));
        CompactModel.DeterministicBuilder deterministic = CompactModel.deterministic(1, 1, Precision.DOUBLE)
                .set(0, 0, 0, 0);
        deterministic.build();
        assertThrows(IllegalStateException.class, () -> deterministic.set(0, 0, 0, 1));
        assertThrows(IllegalStateException.class, deterministic::build);
        CompactModel.StochasticBuilder stochastic = CompactModel.stochastic(1, 1, Precision.DOUBLE)
                .outcome(0, 1).endPair(0);
        assertThrows(IllegalStateException.class, () -> stochastic.outcome(0, 1), "every pair has been ended");
        stochastic.build();
        assertThrows(IllegalStateException.class, stochastic::build);
        assertThrows(IllegalStateException.class, () -> stochastic.terminal(0));
    }

    @Test
    void stochasticBuilderRejectsBadOutcomesNamingStateActionAndValue() {
        CompactModel.StochasticBuilder builder = CompactModel.stochastic(3, 2, Precision.DOUBLE);
        builder.outcome(0, 1).endPair(0); // (0, 0)
        assertRejected(() -> builder.outcome(3, 0.5), "state 0, action 1", "next state 3", "[0, 2]");
        assertRejected(() -> builder.outcome(1, -0.1), "state 0, action 1", "probability -0.1", "[0, 1]");
        assertRejected(() -> builder.outcome(1, 1.5), "probability 1.5");
        assertRejected(() -> builder.outcome(1, Double.NaN), "probability NaN");
        assertRejected(() -> builder.endPair(0), "state 0, action 1", "no outcomes");
        builder.outcome(1, 0.5).outcome(2, 0.4);
        assertRejected(() -> builder.endPair(0), "state 0, action 1", "probabilities sum to 0.9", "1.0E-9");
        builder.outcome(2, 0.1);
        assertRejected(() -> builder.endPair(Double.POSITIVE_INFINITY), "state 0, action 1", "reward Infinity");
        builder.endPair(3);
        assertRejected(builder::build, "state 1, action 0", "never ended");
        assertRejected(() -> builder.terminal(-2), "state -2");
    }

    @Test
    void singlePrecisionAcceptsProbabilitiesAlreadyRoundedToFloat() {
        // 0.1f + 0.2f + 0.7f summed in double is 1 - 7.5e-9: beyond 1e-9, within 1e-9 + 3·2^-24.
        double[] rounded = {0.1f, 0.2f, 0.7f};
        double sum = rounded[0] + rounded[1] + rounded[2];
        assertTrue(Math.abs(sum - 1) > TabularModel.PROBABILITY_TOLERANCE, "the example must exceed 1e-9: " + sum);
        CompactModel model = CompactModel.stochastic(3, 1, Precision.FLOAT)
                .outcome(0, rounded[0]).outcome(1, rounded[1]).outcome(2, rounded[2]).endPair(0)
                .outcome(0, 1).endPair(0).outcome(0, 1).endPair(0).build();
        assertEquals(0.7f, model.probability(2));
        CompactModel.StochasticBuilder exact = CompactModel.stochastic(3, 1, Precision.DOUBLE)
                .outcome(0, rounded[0]).outcome(1, rounded[1]).outcome(2, rounded[2]);
        assertRejected(() -> exact.endPair(0), "probabilities sum to");
        CompactModel.StochasticBuilder floats = CompactModel.stochastic(1, 1, Precision.FLOAT)
                .outcome(0, 0.5).outcome(0, 0.49999);
        assertRejected(() -> floats.endPair(0), "probabilities sum to 0.9999");
    }

    @Test
    void stochasticModelBacksUpTheExpectation() {
        for (Precision precision : Precision.values()) {
            CompactModel model = smallStochastic(precision);
            assertFalse(model.isDeterministic());
            assertEquals(6, model.outcomeCount());
            assertEquals(2, model.outcomeEnd(0, 0) - model.outcomeStart(0, 0));
            double[] v = {4, 8};
            assertEquals(1 + 0.5 * (0.5 * 4 + 0.5 * 8), model.backup(0, 0, 0.5, v), 1e-12);
            assertEquals(0.5 + 0.5 * (0.25 * 4 + 0.75 * 8), model.backup(1, 0, 0.5, v), 1e-12);
            assertEquals(4.0, model.optimalBackup(0, 0.5, v), 1e-12); // action 1: -2 + 0.5 * 8 = 2
            assertEquals(0, model.greedyAction(0, 0.5, v));
            assertEquals(0.0, model.optimalBackup(1, 0.5, v));
        }
    }

    @Test
    void transitionsCarryThePairsExpectedReward() {
        List<Transition> outcomes = smallStochastic(Precision.DOUBLE).transitions(1, 0);
        assertEquals(List.of(new Transition(0, 0.25, 0.5), new Transition(1, 0.75, 0.5)), outcomes);
        assertEquals(List.of(new Transition(0, 1.0, -1.0)), smallDeterministic(Precision.FLOAT).transitions(0, 1));
        // Through TabularModel, the compact model is the same MDP again.
        TabularModel again = TabularModel.of(smallStochastic(Precision.DOUBLE));
        assertEquals(0.5, again.expectedReward(1, 0), 1e-15);
        assertTrue(again.isTerminal(1));
    }

    @Test
    void bytesFollowTheStatedFormula() {
        // Deterministic: S terminal bytes + P·4 next states + P·(4 or 8) rewards.
        assertEquals(3 + 6 * 4 + 6 * 4, smallDeterministic(Precision.FLOAT).bytes());
        assertEquals(3 + 6 * 4 + 6 * 8, smallDeterministic(Precision.DOUBLE).bytes());
        assertEquals((3 + 6 * 8) / 6.0, smallDeterministic(Precision.FLOAT).bytesPerStateAction(), 1e-12);
        // Stochastic: S + (P+1)·4 offsets + O·4 next states + O·(4 or 8) probabilities + P·(4 or 8) rewards.
        assertEquals(2 + 5 * 4 + 6 * 4 + 6 * 4 + 4 * 4, smallStochastic(Precision.FLOAT).bytes());
        assertEquals(2 + 5 * 4 + 6 * 4 + 6 * 8 + 4 * 8, smallStochastic(Precision.DOUBLE).bytes());
    }

    @Test
    void outOfRangeIndexesThrow() {
        CompactModel model = smallDeterministic(Precision.DOUBLE);
        assertRejected(() -> model.isTerminal(3), "state 3", "[0, 2]");
        assertRejected(() -> model.isTerminal(-1), "state -1");
        assertRejected(() -> model.reward(0, 2), "action 2", "[0, 1]");
        assertRejected(() -> model.outcomeStart(3, 0), "state 3");
        assertRejected(() -> model.outcomeEnd(0, -1), "action -1");
        assertRejected(() -> model.transitions(-1, 0), "state -1");
        assertThrows(IndexOutOfBoundsException.class, () -> model.probability(6));
        assertThrows(IndexOutOfBoundsException.class, () -> model.nextState(6));
        CompactModel stochastic = smallStochastic(Precision.FLOAT);
        assertRejected(() -> stochastic.transitions(0, 2), "action 2");
        assertThrows(IndexOutOfBoundsException.class, () -> stochastic.probability(6));
    }

    @Test
    void conversionOfZhaosGridWorldIsDeterministicAndBacksUpAsTabularModel() {
        GridWorld world = GridWorldPreset.ZHAO_5X5.build();
        TabularModel tabular = TabularModel.of(world);
        for (Precision precision : Precision.values()) {
            CompactModel compact = CompactModel.of(world, precision);
            assertTrue(compact.isDeterministic());
            // Zhao's rewards (-1, 0, 1) are exact in float, so both precisions agree exactly.
            assertBackupsAgree(tabular, compact, new SplittableRandom(7), 0.0);
        }
    }

    @Test
    void conversionOfRandomModelsBacksUpAsTabularModel() {
        SplittableRandom rng = new SplittableRandom(20240610L);
        for (int trial = 0; trial < 200; trial++) {
            FiniteMdp mdp = randomMdp(rng, trial % 3 == 0);
            TabularModel tabular = TabularModel.of(mdp);
            CompactModel exact = CompactModel.of(mdp, Precision.DOUBLE);
            assertEquals(tabular.transitionCount() == mdp.stateCount() * mdp.actionCount(), exact.isDeterministic());
            assertBackupsAgree(tabular, exact, rng, 1e-12);
            for (int s = 0; s < mdp.stateCount(); s++) {
                assertEquals(mdp.isTerminal(s), exact.isTerminal(s));
            }
            // Float: a reward is off by at most 2^-24 |r|, the probabilities of a pair by 2^-24 in
            // total, so a backup by at most 2^-24 (|r| + γ max|v|); the test allows twice that.
            assertBackupsAgree(tabular, CompactModel.of(mdp, Precision.FLOAT), rng, -0x1p-23);
        }
    }

    /**
     * Compares every pair's backup under random values. A non-negative {@code tolerance} is absolute;
     * a negative one is relative to {@code |r(s, a)| + γ max|v|}.
     */
    private static void assertBackupsAgree(TabularModel tabular, CompactModel compact, SplittableRandom rng,
                                           double tolerance) {
        assertEquals(tabular.stateCount(), compact.stateCount());
        assertEquals(tabular.actionCount(), compact.actionCount());
        double gamma = 0.9;
        double[] values = new double[tabular.stateCount()];
        double maxAbs = 0;
        for (int s = 0; s < values.length; s++) {
            values[s] = rng.nextDouble(-50, 50);
            maxAbs = Math.max(maxAbs, Math.abs(values[s]));
        }
        for (int s = 0; s < tabular.stateCount(); s++) {
            for (int a = 0; a < tabular.actionCount(); a++) {
                double expected = tabular.backup(s, a, gamma, values);
                double bound = tolerance >= 0 ? tolerance
                        : -tolerance * (Math.abs(tabular.expectedReward(s, a)) + gamma * maxAbs);
                assertEquals(expected, compact.backup(s, a, gamma, values), bound, "state " + s + ", action " + a);
            }
        }
    }

    /** States 1..20, actions 1..4, 1..4 outcomes a pair (or exactly 1), rewards per outcome. */
    private static FiniteMdp randomMdp(SplittableRandom rng, boolean deterministic) {
        int states = rng.nextInt(1, 21);
        int actions = rng.nextInt(1, 5);
        List<List<Transition>> outcomes = new ArrayList<>();
        for (int pair = 0; pair < states * actions; pair++) {
            int count = deterministic ? 1 : rng.nextInt(1, 5);
            double[] weights = new double[count];
            double total = 0;
            for (int k = 0; k < count; k++) {
                weights[k] = rng.nextDouble(0.01, 1);
                total += weights[k];
            }
            List<Transition> pairOutcomes = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                pairOutcomes.add(new Transition(rng.nextInt(states), weights[k] / total, rng.nextDouble(-10, 10)));
            }
            outcomes.add(pairOutcomes);
        }
        boolean[] terminal = new boolean[states];
        for (int s = 0; s < states; s++) {
            terminal[s] = rng.nextInt(5) == 0;
        }
        return new ListMdp(states, actions, outcomes, terminal);
    }
}
