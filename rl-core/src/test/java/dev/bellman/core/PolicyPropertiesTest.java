package dev.bellman.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way of building a {@link TabularPolicy} gives a distribution in each state (entries in
 * [0, 1], summing to 1 within {@link TabularPolicy#PROBABILITY_TOLERANCE}), over random tables of
 * up to 20 states and 8 actions; a greedy policy is greedy, ties going to the lowest index; and
 * {@link TabularPolicy#of} rejects a row that is not a distribution, naming its state.
 */
class PolicyPropertiesTest {

    private static void assertDistributions(TabularPolicy policy) {
        double[] flat = policy.toArray();
        int actions = policy.actionCount();
        assertEquals(policy.stateCount() * actions, flat.length);
        for (int s = 0; s < policy.stateCount(); s++) {
            double sum = 0;
            for (int a = 0; a < actions; a++) {
                double p = policy.probability(s, a);
                assertTrue(p >= 0 && p <= 1, "pi(" + a + "|" + s + ") = " + p + " is outside [0, 1]");
                assertEquals(p, flat[s * actions + a], 0.0, "toArray agrees with probability");
                sum += p;
            }
            assertEquals(1.0, sum, TabularPolicy.PROBABILITY_TOLERANCE, "row " + s + " sums to " + sum);
        }
    }

    /** A greedy action per state, over 1–8 actions, as a pair (action table, action count). */
    @Provide
    Arbitrary<Tuple.Tuple2<int[], Integer>> actionTables() {
        return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.integers().between(1, 8))
                .flatAs((states, actions) -> Arbitraries.integers().between(0, actions - 1).array(int[].class)
                        .ofSize(states).map(table -> Tuple.of(table, actions)));
    }

    /** Rows of non-negative weights (about one in five exactly 0) normalised to sum to 1. */
    @Provide
    Arbitrary<double[][]> probabilityTables() {
        Arbitrary<Double> weight = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(4, Arbitraries.doubles().between(1e-6, 1.0).ofScale(9)));
        return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.integers().between(1, 8))
                .flatAs((states, actions) -> weight.list().ofSize(actions).list().ofSize(states)
                        .map(PolicyPropertiesTest::normalised));
    }

    private static double[][] normalised(List<List<Double>> weights) {
        double[][] table = new double[weights.size()][];
        for (int s = 0; s < table.length; s++) {
            List<Double> row = weights.get(s);
            double total = row.stream().mapToDouble(Double::doubleValue).sum();
            table[s] = new double[row.size()];
            for (int a = 0; a < row.size(); a++) {
                // An all-zero row puts everything on its last action.
                table[s][a] = total == 0 ? (a == row.size() - 1 ? 1.0 : 0.0) : row.get(a) / total;
            }
        }
        return table;
    }

    @Property(tries = 200)
    void uniformRowsAreDistributions(@ForAll @IntRange(min = 1, max = 50) int states,
                                     @ForAll @IntRange(min = 1, max = 50) int actions) {
        TabularPolicy policy = TabularPolicy.uniform(states, actions);
        assertDistributions(policy);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                assertEquals(1.0 / actions, policy.probability(s, a), 0.0);
            }
        }
    }

    @Property(tries = 300)
    void deterministicRowsPutEverythingOnTheirAction(@ForAll("actionTables") Tuple.Tuple2<int[], Integer> table) {
        int[] chosen = table.get1();
        TabularPolicy policy = TabularPolicy.deterministic(chosen, table.get2());
        assertDistributions(policy);
        assertTrue(policy.isDeterministic());
        for (int s = 0; s < chosen.length; s++) {
            assertEquals(1.0, policy.probability(s, chosen[s]), 0.0, "state " + s);
            assertEquals(chosen[s], policy.mostProbableAction(s));
        }
    }

    @Property(tries = 300)
    void epsilonGreedyRowsAreDistributions(@ForAll("actionTables") Tuple.Tuple2<int[], Integer> table,
                                           @ForAll @DoubleRange(min = 0, max = 1) @Scale(9) double epsilon) {
        int[] chosen = table.get1();
        int n = table.get2();
        TabularPolicy policy = TabularPolicy.epsilonGreedy(chosen, n, epsilon);
        assertDistributions(policy);
        for (int s = 0; s < chosen.length; s++) {
            for (int a = 0; a < n; a++) {
                // Zhao's form: the greedy action 1 - epsilon (n - 1) / n, the others epsilon / n.
                double expected = a == chosen[s] ? 1 - epsilon * (n - 1) / n : epsilon / n;
                assertEquals(expected, policy.probability(s, a), 1e-15, "pi(" + a + "|" + s + ")");
            }
        }
    }

    /** The ways a row of a policy table is broken. */
    enum BadRow {
        NEGATIVE, NAN, SUM_TOO_LARGE, SUM_TOO_SMALL
    }

    @Property(tries = 400)
    void invalidRowsAreRejectedNamingTheirState(@ForAll("probabilityTables") double[][] valid, @ForAll BadRow bad,
                                                @ForAll @IntRange(min = 0, max = 1000) int statePick,
                                                @ForAll @IntRange(min = 0, max = 1000) int actionPick,
                                                @ForAll @DoubleRange(min = 1e-8, max = 0.5) @Scale(10) double amount) {
        double[][] table = new double[valid.length][];
        for (int s = 0; s < valid.length; s++) {
            table[s] = valid[s].clone();
        }
        int state = statePick % table.length;
        int action = actionPick % table[state].length;
        double[] row = table[state];
        String expected;
        switch (bad) {
            case NEGATIVE -> {
                row[action] = -amount;
                expected = "state " + state + ", action " + action + ": probability " + (-amount)
                        + " is not a finite non-negative number";
            }
            case NAN -> {
                row[action] = Double.NaN;
                expected = "state " + state + ", action " + action + ": probability NaN";
            }
            case SUM_TOO_LARGE, SUM_TOO_SMALL -> {
                // Scaling the row moves its sum by amount >= 1e-8, ten times the tolerance.
                double factor = bad == BadRow.SUM_TOO_LARGE ? 1 + amount : 1 - amount;
                for (int a = 0; a < row.length; a++) {
                    row[a] *= factor;
                }
                expected = "state " + state + ": action probabilities sum to ";
            }
            default -> throw new IllegalStateException(bad.name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularPolicy.of(table),
                () -> "row " + Arrays.toString(row) + " was accepted");
        assertTrue(e.getMessage().startsWith(expected), "expected \"" + expected + "…\", got: " + e.getMessage());
    }
}
