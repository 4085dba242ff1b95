package dev.bellman.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of {@link TabularPolicy} over random tables of at most 6 states and 6 actions. */
class TabularPolicyPropertiesTest {

    /** Rows of non-negative probabilities, about one entry in five exactly 0, each row summing to 1. */
    @Provide
    Arbitrary<double[][]> probabilityTables() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 6);
        Arbitrary<Double> weight = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(4, Arbitraries.doubles().between(0.0001, 1.0).ofScale(6)));
        return Combinators.combine(counts, counts).flatAs((states, actions) ->
                weight.list().ofSize(actions).list().ofSize(states).map(TabularPolicyPropertiesTest::normalised));
    }

    private static double[][] normalised(List<List<Double>> weights) {
        double[][] table = new double[weights.size()][];
        for (int s = 0; s < table.length; s++) {
            List<Double> row = weights.get(s);
            double total = row.stream().mapToDouble(Double::doubleValue).sum();
            table[s] = new double[row.size()];
            for (int a = 0; a < row.size(); a++) {
                table[s][a] = total == 0 ? (a == row.size() - 1 ? 1.0 : 0.0) : row.get(a) / total;
            }
        }
        return table;
    }

    @Provide
    Arbitrary<TabularActionValues> actionValues() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 6);
        // few distinct values, so that ties are common
        Arbitrary<Double> value = Arbitraries.of(-1.0, 0.0, 0.5, 2.0, 2.0 + 1e-10);
        return Combinators.combine(counts, counts).flatAs((states, actions) ->
                value.list().ofSize(states * actions).map(list -> new TabularActionValues(states, actions,
                        list.stream().mapToDouble(Double::doubleValue).toArray())));
    }

    @Property(tries = 500)
    void tableIsAcceptedAndRowsSumToOne(@ForAll("probabilityTables") double[][] table) {
        TabularPolicy policy = TabularPolicy.of(table);

        double[] flat = policy.toArray();
        for (int s = 0; s < table.length; s++) {
            double sum = 0;
            for (int a = 0; a < table[s].length; a++) {
                assertEquals(table[s][a], policy.probability(s, a), 0.0);
                sum += flat[s * policy.actionCount() + a];
            }
            assertEquals(1.0, sum, 1e-9, "row " + s);
        }
    }

    @Property(tries = 300)
    void actOnlyReturnsActionsOfPositiveProbability(@ForAll("probabilityTables") double[][] table, @ForAll long seed) {
        TabularPolicy policy = TabularPolicy.of(table);
        SplittableRandom rng = new SplittableRandom(seed);

        for (int s = 0; s < table.length; s++) {
            for (int i = 0; i < 200; i++) {
                int a = policy.act(s, rng);
                assertTrue(a >= 0 && a < policy.actionCount(), "action " + a);
                assertTrue(policy.probability(s, a) > 0, "state " + s + ": drew action " + a + " of probability 0");
            }
        }
    }

    @Property(tries = 300)
    void greedyPolicyIsGreedyWithLowestIndexTieBreak(@ForAll("actionValues") TabularActionValues q) {
        TabularPolicy policy = TabularPolicy.greedy(q);

        assertTrue(policy.isDeterministic());
        for (int s = 0; s < q.stateCount(); s++) {
            int chosen = policy.mostProbableAction(s);
            assertTrue(q.value(s, chosen) >= q.maxValue(s) - TabularActionValues.TIE_TOLERANCE);
            for (int a = 0; a < chosen; a++) {
                assertTrue(q.value(s, a) < q.maxValue(s) - TabularActionValues.TIE_TOLERANCE,
                        "a lower-index action " + a + " was tied with " + chosen);
            }
        }
    }

    @Property(tries = 300)
    void epsilonGreedyMatchesZhaoFormula(@ForAll("actionValues") TabularActionValues q,
                                         @ForAll @DoubleRange(min = 0, max = 1) double epsilon) {
        TabularPolicy policy = TabularPolicy.epsilonGreedy(q, epsilon);
        int n = q.actionCount();

        for (int s = 0; s < q.stateCount(); s++) {
            double sum = 0;
            for (int a = 0; a < n; a++) {
                double expected = a == q.greedyAction(s) ? 1 - epsilon * (n - 1) / n : epsilon / n;
                assertEquals(expected, policy.probability(s, a), 1e-12);
                sum += policy.probability(s, a);
            }
            assertEquals(1.0, sum, 1e-9);
        }
    }
}
