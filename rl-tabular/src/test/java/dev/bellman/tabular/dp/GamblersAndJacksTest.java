package dev.bellman.tabular.dp;

import dev.bellman.core.TabularModel;
import dev.bellman.env.toytext.GamblersProblem;
import dev.bellman.env.toytext.JacksCarRental;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planners on Sutton &amp; Barto's Gambler's problem (Example 4.3) and Jack's car rental (Example 4.2). */
class GamblersAndJacksTest {

    @Test
    void gamblersProblemOptimalValues() {
        // Example 4.3, p_h = 0.4: at capital 25, 50 and 75 the bold bet is optimal, so
        // v*(50) = p_h = 0.4, v*(25) = p_h * v*(50) = 0.16, v*(75) = p_h + (1 - p_h) * v*(50) = 0.64.
        GamblersProblem gamblers = new GamblersProblem(0.4);
        PlanningResult result = new ValueIteration(1.0, 1e-12).solve(gamblers);
        double[] v = result.stateValues().toArray();
        assertEquals(0.16, v[25], 1e-9);
        assertEquals(0.4, v[50], 1e-9);
        assertEquals(0.64, v[75], 1e-9);
        assertEquals(0.0, v[0]);
        assertEquals(0.0, v[100], "the goal is terminal; its reward comes with the winning flip");
        assertEquals(50, gamblers.stake(50, result.policy().mostProbableAction(50)));
        assertArrayEquals(v, new PolicyIteration(1.0, 1e-12).solve(gamblers).stateValues().toArray(), 1e-8);
        for (int s = 1; s < 100; s++) {
            assertTrue(v[s] > v[s - 1], "v* increases with capital at " + s);
        }
    }

    @Test
    void jacksCarRentalPolicyHasTheShapeOfFigure4_2() {
        JacksCarRental jack = new JacksCarRental();
        TabularModel model = TabularModel.of(jack);
        PlanningResult policyIteration = new PolicyIteration(JacksCarRental.GAMMA, 1e-6).solve(model);
        PlanningResult valueIteration = new ValueIteration(JacksCarRental.GAMMA, 1e-6).solve(model);
        assertTrue(policyIteration.converged());
        assertTrue(policyIteration.iterations() <= 6, "the book's policy iteration stops after a handful of steps");
        assertArrayEquals(valueIteration.stateValues().toArray(), policyIteration.stateValues().toArray(), 1e-4);
        // Figure 4.2 (pi_4): move 5 cars to the second location when the first is full and the second empty,
        // none when both hold 10, and bring about 4 back when the first is empty and the second full.
        assertEquals(5, move(jack, policyIteration, 20, 0));
        assertEquals(0, move(jack, policyIteration, 10, 10));
        assertEquals(-4, move(jack, policyIteration, 0, 20));
        double[] v = policyIteration.stateValues().toArray();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : v) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        // The figure's v_4 surface spans roughly $420 to $612; our exact Poisson tails give a little more at the top.
        assertTrue(min > 400 && min < 440, "min " + min);
        assertTrue(max > 600 && max < 650, "max " + max);
    }

    private static int move(JacksCarRental jack, PlanningResult result, int first, int second) {
        return jack.move(result.policy().mostProbableAction(jack.state(first, second)));
    }
}
