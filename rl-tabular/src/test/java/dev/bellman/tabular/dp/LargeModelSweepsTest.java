package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;
import dev.bellman.core.CompactModel.Precision;
import dev.bellman.env.grid.ZigZagGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LargeModelSweeps}: the backward-from-terminals order is a breadth-first order of the
 * distance to a terminal state, the reverse graph lists every outcome of a non-terminal state once,
 * and the sweeps and residual compute what their definitions say, on any number of threads.
 */
class LargeModelSweepsTest {

    private static final int UNREACHABLE = Integer.MAX_VALUE;

    /**
     * 30 states, 3 actions, up to 4 outcomes: states 0–24 move anywhere, terminals are drawn among
     * them; states 25–29 move only among themselves, so they reach no terminal.
     */
    static CompactModel modelWithATrap(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        CompactModel.StochasticBuilder builder = CompactModel.stochastic(30, 3, Precision.DOUBLE);
        for (int i = 0; i < 3; i++) {
            builder.terminal(rng.nextInt(25));
        }
        for (int s = 0; s < 30; s++) {
            for (int a = 0; a < 3; a++) {
                int outcomes = 1 + rng.nextInt(4);
                for (int k = 0; k < outcomes; k++) {
                    int next = s < 25 ? rng.nextInt(30) : 25 + rng.nextInt(5);
                    builder.outcome(next, 1.0 / outcomes);
                }
                builder.endPair(rng.nextDouble());
            }
        }
        return builder.build();
    }

    /** Steps to the nearest terminal state along outcomes of positive probability, by relaxation. */
    static int[] distances(CompactModel model) {
        int n = model.stateCount();
        int[] distance = new int[n];
        for (int s = 0; s < n; s++) {
            distance[s] = model.isTerminal(s) ? 0 : UNREACHABLE;
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int s = 0; s < n; s++) {
                if (model.isTerminal(s)) {
                    continue;
                }
                for (int a = 0; a < model.actionCount(); a++) {
                    for (int k = model.outcomeStart(s, a); k < model.outcomeEnd(s, a); k++) {
                        int next = distance[model.nextState(k)];
                        if (model.probability(k) > 0 && next != UNREACHABLE && next + 1 < distance[s]) {
                            distance[s] = next + 1;
                            changed = true;
                        }
                    }
                }
            }
        }
        return distance;
    }

    private static void assertBreadthFirstOrder(CompactModel model, int[] order) {
        int n = model.stateCount();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int s = 0; s < n; s++) {
            assertEquals(s, sorted[s], "the order is a permutation of the states");
        }
        int[] distance = distances(model);
        int terminals = 0;
        for (int s = 0; s < n; s++) {
            terminals += model.isTerminal(s) ? 1 : 0;
        }
        for (int i = 0; i < terminals; i++) {
            assertTrue(model.isTerminal(order[i]), "position " + i + " holds non-terminal state " + order[i]);
        }
        for (int i = 1; i < n; i++) {
            int before = distance[order[i - 1]];
            int here = distance[order[i]];
            assertTrue(before <= here, "state " + order[i] + " (distance " + here + ") after state " + order[i - 1]
                    + " (distance " + before + ")");
            if (before == UNREACHABLE) {
                assertTrue(order[i - 1] < order[i], "states that reach no terminal follow in natural order");
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void backwardOrderIsTerminalsThenNonDecreasingDistanceThenTheTrappedStatesInNaturalOrder(long seed) {
        CompactModel model = modelWithATrap(seed);
        int[] order = LargeModelSweeps.order(model, StateOrder.BACKWARD_FROM_TERMINALS);
        assertBreadthFirstOrder(model, order);
        assertArrayEquals(new int[]{25, 26, 27, 28, 29}, Arrays.copyOfRange(order, 25, 30));
    }

    @Test
    void backwardOrderOfTheZigZagGridFollowsTheDistanceToTheGoal() {
        int n = 30;
        CompactModel model = ZigZagGrid.model(n, Precision.DOUBLE);
        int[] order = LargeModelSweeps.order(model, StateOrder.BACKWARD_FROM_TERMINALS);
        assertBreadthFirstOrder(model, order);
        // The walls are terminal too but nothing enters them; after them and the goal come the cells by their
        // shortest-path steps, the last the start (0, 0) region, 4(n − 1) = 116 steps away.
        int[] steps = ZigZagGrid.distances(n);
        int previous = -1;
        for (int s : order) {
            if (steps[s] >= 0) {
                assertTrue(steps[s] >= previous);
                previous = steps[s];
            }
        }
        assertEquals(4 * (n - 1), steps[ZigZagGrid.state(n, 0, 0)]);
        assertEquals(4 * (n - 1), steps[order[order.length - 1]]);
    }

    @Test
    void naturalOrderIsTheIdentity() {
        int[] order = LargeModelSweeps.order(modelWithATrap(1), StateOrder.NATURAL);
        for (int i = 0; i < order.length; i++) {
            assertEquals(i, order[i]);
        }
    }

    @Test
    void predecessorsListEveryPositiveOutcomeOfANonTerminalStateOnceWithAnUpperBoundWeight() {
        CompactModel model = modelWithATrap(9);
        int n = model.stateCount();
        LargeModelSweeps.Predecessors predecessors = LargeModelSweeps.Predecessors.of(model, true);
        // For each next state, the (source, probability) of every outcome leading there, sorted.
        List<List<double[]>> expected = new ArrayList<>();
        for (int next = 0; next < n; next++) {
            expected.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < model.actionCount() && !model.isTerminal(s); a++) {
                for (int k = model.outcomeStart(s, a); k < model.outcomeEnd(s, a); k++) {
                    expected.get(model.nextState(k)).add(new double[]{s, model.probability(k)});
                }
            }
        }
        Comparator<double[]> bySourceThenWeight = Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]);
        for (int next = 0; next < n; next++) {
            List<double[]> listed = new ArrayList<>();
            for (int e = predecessors.start[next]; e < predecessors.start[next + 1]; e++) {
                listed.add(new double[]{predecessors.source[e], predecessors.weight[e]});
            }
            List<double[]> outcomes = expected.get(next);
            outcomes.sort(bySourceThenWeight);
            listed.sort(bySourceThenWeight);
            assertEquals(outcomes.size(), listed.size(), "predecessors of " + next);
            for (int i = 0; i < outcomes.size(); i++) {
                assertEquals(outcomes.get(i)[0], listed.get(i)[0], "predecessors of " + next);
                // Rounded up to float, so that priorities stay upper bounds of the residuals.
                assertTrue(listed.get(i)[1] >= outcomes.get(i)[1], "weight of " + listed.get(i)[0] + " -> " + next);
                assertEquals(outcomes.get(i)[1], listed.get(i)[1], outcomes.get(i)[1] * 0x1p-22);
            }
        }
        assertNull(LargeModelSweeps.Predecessors.of(ZigZagGrid.model(5, Precision.DOUBLE), true).weight,
                "a deterministic model needs no weights");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 7})
    void sweepsAndResidualFollowTheirDefinitionsOnAnyThreadCount(int threads) {
        CompactModel model = modelWithATrap(4);
        double gamma = 0.9;
        int n = model.stateCount();
        SplittableRandom rng = new SplittableRandom(11);
        double[] values = new double[n];
        for (int s = 0; s < n; s++) {
            values[s] = model.isTerminal(s) ? 0 : rng.nextDouble() * 10 - 5;
        }
        int[] order = LargeModelSweeps.order(model, StateOrder.BACKWARD_FROM_TERMINALS);
        try (LargeModelSweeps sweeps = new LargeModelSweeps(model, gamma, order, threads)) {
            double residual = 0;
            for (int s = 0; s < n; s++) {
                residual = Math.max(residual, Math.abs(model.optimalBackup(s, gamma, values) - values[s]));
            }
            assertEquals(residual, sweeps.residual(values), 0.0);

            // The block sweep, written out: block t = order positions [n·t/threads, n·(t+1)/threads) is swept
            // in place over the values as they were at the start of the sweep.
            double[] expected = values.clone();
            double expectedChange = 0;
            for (int t = 0; t < threads; t++) {
                double[] block = values.clone();
                for (int i = n * t / threads; i < n * (t + 1) / threads; i++) {
                    int s = order[i];
                    if (!model.isTerminal(s)) {
                        double updated = model.optimalBackup(s, gamma, block);
                        expectedChange = Math.max(expectedChange, Math.abs(updated - block[s]));
                        block[s] = updated;
                        expected[s] = updated;
                    }
                }
            }
            double change = sweeps.optimalitySweep(values, null);
            assertArrayEquals(expected, values, 0.0);
            assertEquals(expectedChange, change, 0.0);

            int[] policy = new int[n];
            double[] before = values.clone();
            sweeps.optimalitySweep(values, policy);
            for (int s = 0; s < n; s++) {
                assertTrue(policy[s] >= 0 && policy[s] < model.actionCount());
            }
            double[] afterPolicySweep = values.clone();
            sweeps.policySweep(afterPolicySweep, policy);
            assertFalse(Arrays.equals(before, values));
            assertEquals(30L * 3 - countTerminals(model) * 3L, sweeps.pairsPerSweep());
            assertEquals(30L - countTerminals(model), sweeps.statesPerSweep());
        }
    }

    private static int countTerminals(CompactModel model) {
        int count = 0;
        for (int s = 0; s < model.stateCount(); s++) {
            count += model.isTerminal(s) ? 1 : 0;
        }
        return count;
    }
}
