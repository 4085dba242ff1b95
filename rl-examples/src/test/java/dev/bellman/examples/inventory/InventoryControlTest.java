package dev.bellman.examples.inventory;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.EnvironmentChecker;
import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Step;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.Transition;
import dev.bellman.tabular.dp.ValueIteration;
import dev.bellman.tabular.td.QLearning;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tutorial's environment keeps the contract, and the tutorial's learner earns what the text says. */
class InventoryControlTest {

    @Test
    void tutorialEnvironmentPassesTheChecker() {
        EnvironmentChecker.Report report = EnvironmentChecker.check(InventoryTutorial.environment());

        assertTrue(report.isOk(), report::toString);
        assertTrue(report.notes().isEmpty(), report::toString);
    }

    @Test
    void rawEnvironmentPassesTheCheckerButNeverEnds() {
        EnvironmentChecker.Report report = EnvironmentChecker.check(new InventoryControl());

        assertTrue(report.isOk(), report::toString);
        assertEquals(1, report.notes().size(), report::toString);
        assertTrue(report.notes().get(0).contains("did not end"), report::toString);
    }

    @Test
    void stepFollowsTheOrderSaleAndCostRules() {
        InventoryControl env = new InventoryControl();
        int stock = env.reset(7);
        for (int day = 0; day < 200; day++) {
            int order = day % 6;
            Step<Integer> step = env.step(order);
            int available = Math.min(stock + order, 10);
            int demand = (Integer) step.info().get("demand");
            int sold = (Integer) step.info().get("sold");
            assertEquals(Math.min(demand, available), sold);
            assertEquals(demand - sold, step.info().get("lost"));
            assertEquals(available - sold, step.observation());
            double expected = 4.0 * sold - (order > 0 ? 2.0 : 0.0) - 1.0 * order - 0.25 * step.observation();
            assertEquals(expected, step.reward(), 1e-12);
            assertFalse(step.done());
            stock = step.observation();
        }
    }

    @Test
    void badInputIsRejectedWithItsValue() {
        InventoryControl env = new InventoryControl();
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(early.getMessage().contains("before reset"), early.getMessage());

        env.reset(0);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> env.step(6));
        assertTrue(tooMany.getMessage().contains("6"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(null));

        IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
                () -> new InventoryControl.Settings(10, 5, 0.0, 4, 2, 1, 0.25));
        assertTrue(mean.getMessage().contains("demandMean 0.0"), mean.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new InventoryControl.Settings(0, 5, 3, 4, 2, 1, 0.25));
        assertThrows(IllegalArgumentException.class, () -> new InventoryControl.Settings(10, 5, 3, 4, 2, -1, 0.25));
    }

    /** The rule the tutorial calls optimal is the greedy policy of value iteration on the exact model. */
    @Test
    void optimalRuleIsWhatValueIterationFinds() {
        TabularPolicy optimal = new ValueIteration(0.95, 1e-10).solve(new ExactModel()).policy();

        for (int stock = 0; stock <= 10; stock++) {
            assertEquals(InventoryTutorial.optimalRule().act(stock, null), optimal.mostProbableAction(stock),
                    "order at stock " + stock);
        }
    }

    /**
     * Seed 42, 20,000 episodes (under a second): the learned policy's average 30-day profit, over
     * 1000 evaluation episodes of seed 2024, is 204.02, against 18.91 for never ordering, 161.42 for
     * ordering 3 a day and 204.91 for the optimal rule (numbers printed by the tutorial). The margins
     * asserted leave room for floating-point changes while still failing if learning breaks.
     */
    @Test
    void learnedPolicyBeatsFixedRulesAndNearlyMatchesTheOptimum() {
        Environment<Integer, Integer> env = InventoryTutorial.environment();
        QLearning learner = InventoryTutorial.learner(InventoryTutorial.SEED);
        learner.train(env, Budget.episodes(InventoryTutorial.TRAINING_EPISODES));

        int episodes = InventoryTutorial.EVALUATION_EPISODES;
        long seed = InventoryTutorial.EVALUATION_SEED;
        double learned = InventoryTutorial.averageReturn(env, learner.policy(), episodes, seed);
        double neverOrder = InventoryTutorial.averageReturn(env, (stock, rng) -> 0, episodes, seed);
        double orderThree = InventoryTutorial.averageReturn(env, (stock, rng) -> 3, episodes, seed);
        double optimal = InventoryTutorial.averageReturn(env, InventoryTutorial.optimalRule(), episodes, seed);

        assertTrue(learned >= neverOrder + 150, "learned " + learned + " vs never ordering " + neverOrder);
        assertTrue(learned >= orderThree + 30, "learned " + learned + " vs ordering 3 a day " + orderThree);
        assertTrue(learned >= 0.98 * optimal, "learned " + learned + " vs the optimal rule " + optimal);
    }

    @Test
    void sameSeedSameTraining() {
        QLearning first = InventoryTutorial.learner(3);
        QLearning second = InventoryTutorial.learner(3);
        first.train(InventoryTutorial.environment(), Budget.episodes(500));
        second.train(InventoryTutorial.environment(), Budget.episodes(500));

        assertArrayEquals(first.actionValues().toArray(), second.actionValues().toArray());
    }

    /** The default shop as an exact finite MDP: the demand's Poisson tail is folded at the stock available. */
    private static final class ExactModel implements FiniteMdp {

        private final InventoryControl.Settings s = InventoryControl.Settings.DEFAULT;

        @Override
        public int stateCount() {
            return s.capacity() + 1;
        }

        @Override
        public int actionCount() {
            return s.maxOrder() + 1;
        }

        @Override
        public List<Transition> transitions(int stock, int order) {
            int available = Math.min(stock + order, s.capacity());
            double cost = (order > 0 ? s.orderCost() : 0) + s.unitCost() * order;
            List<Transition> out = new ArrayList<>();
            double pmf = Math.exp(-s.demandMean());
            double below = 0;
            for (int demand = 0; demand < available; demand++) {
                int left = available - demand;
                out.add(new Transition(left, pmf, s.price() * demand - cost - s.holdingCost() * left));
                below += pmf;
                pmf *= s.demandMean() / (demand + 1);
            }
            out.add(new Transition(0, 1 - below, s.price() * available - cost));
            return out;
        }
    }
}
