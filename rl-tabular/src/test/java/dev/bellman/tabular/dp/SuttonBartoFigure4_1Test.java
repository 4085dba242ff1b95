package dev.bellman.tabular.dp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.api.Test;

import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sutton &amp; Barto Example 4.1 / Figure 4.1 ({@code sb_fig4_1_iterative_policy_evaluation.json}):
 * iterative evaluation of the equiprobable random policy on the 4×4 world with terminal corners,
 * γ = 1, with both the two-array and the in-place (row-major) sweeps.
 */
class SuttonBartoFigure4_1Test {

    private static final JsonNode FIGURE = Reference.load("sb_fig4_1_iterative_policy_evaluation.json");
    private static final GridWorld WORLD = GridWorldPreset.SUTTON_BARTO_4_1.build();
    private static final TabularPolicy RANDOM = TabularPolicy.uniform(16, 4);
    private static final double THETA = 1e-4;
    /** The JSON prints the k = 10 values with six decimals. */
    private static final double PRINTED = 1e-6;

    private static PlanningResult evaluate(PolicyEvaluation.Method method, int maxSweeps) {
        return new PolicyEvaluation(1.0, THETA, method).withMaxSweeps(maxSweeps).evaluate(WORLD, RANDOM);
    }

    @Test
    void twoArraySweepsReproduceTheLeftColumnOfFigure4_1() {
        JsonNode sweeps = FIGURE.get("two_array_sweeps_k");
        for (Iterator<String> ks = sweeps.fieldNames(); ks.hasNext(); ) {
            String k = ks.next();
            assertArrayEquals(Reference.grid(sweeps.get(k)),
                    evaluate(PolicyEvaluation.Method.TWO_ARRAY, Integer.parseInt(k)).stateValues().toArray(), PRINTED, "k=" + k);
        }
    }

    @Test
    void inPlaceSweepsInRowMajorOrder() {
        JsonNode sweeps = FIGURE.get("in_place_sweeps_k_row_major_order");
        for (Iterator<String> ks = sweeps.fieldNames(); ks.hasNext(); ) {
            String k = ks.next();
            assertArrayEquals(Reference.grid(sweeps.get(k)),
                    evaluate(PolicyEvaluation.Method.IN_PLACE, Integer.parseInt(k)).stateValues().toArray(), PRINTED, "k=" + k);
        }
    }

    @Test
    void sweepCountsAtThetaOneInTenThousand() {
        JsonNode convergence = FIGURE.get("convergence");
        PlanningResult twoArray = evaluate(PolicyEvaluation.Method.TWO_ARRAY, Integer.MAX_VALUE);
        PlanningResult inPlace = evaluate(PolicyEvaluation.Method.IN_PLACE, Integer.MAX_VALUE);
        assertTrue(twoArray.converged() && inPlace.converged());
        assertEquals(convergence.at("/two_array/sweeps_including_final").asInt(), twoArray.iterations());
        assertEquals(convergence.at("/in_place_row_major/sweeps_including_final").asInt(), inPlace.iterations());
        assertArrayEquals(Reference.grid(convergence.get("values_at_stop_two_array")), twoArray.stateValues().toArray(), PRINTED);
        assertArrayEquals(Reference.grid(convergence.get("values_at_stop_in_place")), inPlace.stateValues().toArray(), PRINTED);
        assertTrue(twoArray.residuals()[twoArray.iterations() - 1] < THETA);
        assertTrue(twoArray.residuals()[twoArray.iterations() - 2] >= THETA);
    }

    @Test
    void exactEvaluationGivesTheIntegerValues() {
        PlanningResult exact = new PolicyEvaluation(1.0, THETA, PolicyEvaluation.Method.EXACT).evaluate(WORLD, RANDOM);
        assertArrayEquals(Reference.grid(FIGURE.get("expected_final_values_exact")), exact.stateValues().toArray(), 1e-9);
    }

    @Test
    void optimalPolicyWalksStraightToTheNearestCorner() {
        // v*(s) = -(Manhattan distance to the nearest terminal corner).
        PlanningResult optimal = new ValueIteration(1.0, 1e-10).solve(WORLD);
        double[] values = optimal.stateValues().toArray();
        for (int s = 0; s < 16; s++) {
            int row = s / 4;
            int col = s % 4;
            int distance = Math.min(row + col, 6 - row - col);
            assertEquals(-distance, values[s], 1e-12, "state " + s);
        }
        assertArrayEquals(values, new PolicyIteration(1.0, 1e-10).solve(WORLD).stateValues().toArray(), 1e-9);
        assertArrayEquals(values, new TruncatedPolicyIteration(1.0, 1e-10, 3).solve(WORLD).stateValues().toArray(), 1e-9);
    }
}
