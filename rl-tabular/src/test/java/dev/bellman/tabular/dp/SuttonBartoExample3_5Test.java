package dev.bellman.tabular.dp;

import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Sutton &amp; Barto Example 3.5 (Fig. 3.2, random policy) and Example 3.8 (Fig. 3.5, optimal values):
 * the book prints one decimal, so the values agree to 0.05.
 */
class SuttonBartoExample3_5Test {

    private static final GridWorld WORLD = GridWorldPreset.SUTTON_BARTO_3_5.build();
    private static final double PRINTED = 0.05;

    @Test
    void equiprobableRandomPolicyValuesOfFigure3_2() {
        double[] expected = {
                3.3, 8.8, 4.4, 5.3, 1.5,
                1.5, 3.0, 2.3, 1.9, 0.5,
                0.1, 0.7, 0.7, 0.4, -0.4,
                -1.0, -0.4, -0.4, -0.6, -1.2,
                -1.9, -1.3, -1.2, -1.4, -2.0};
        double[] values = new PolicyEvaluation(0.9, 1e-10, PolicyEvaluation.Method.EXACT)
                .evaluate(WORLD, TabularPolicy.uniform(25, 4)).stateValues().toArray();
        assertArrayEquals(expected, values, PRINTED);
    }

    @Test
    void optimalValuesOfFigure3_5() {
        double[] expected = {
                22.0, 24.4, 22.0, 19.4, 17.5,
                19.8, 22.0, 19.8, 17.8, 16.0,
                17.8, 19.8, 17.8, 16.0, 14.4,
                16.0, 17.8, 16.0, 14.4, 13.0,
                14.4, 16.0, 14.4, 13.0, 11.7};
        assertArrayEquals(expected, new ValueIteration(0.9, 1e-10).solve(WORLD).stateValues().toArray(), PRINTED);
        assertArrayEquals(expected, new PolicyIteration(0.9, 1e-10).solve(WORLD).stateValues().toArray(), PRINTED);
    }
}
