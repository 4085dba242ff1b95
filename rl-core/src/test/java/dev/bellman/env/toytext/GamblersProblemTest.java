package dev.bellman.env.toytext;

import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gambler's problem of Sutton &amp; Barto Example 4.3, its dynamics and its extra actions. */
class GamblersProblemTest {

    private final GamblersProblem problem = new GamblersProblem();

    @Test
    void capitalZeroToHundredWithStakesZeroToFifty() {
        assertEquals(101, problem.stateCount());
        assertEquals(51, problem.actionCount());
        assertEquals(0.4, problem.headsProbability(), 0.0);
        assertEquals(100, problem.goal());
        assertEquals(1.0, problem.gamma(), 0.0);
        for (int s = 0; s <= 100; s++) {
            assertEquals(s == 0 || s == 100, problem.isTerminal(s), "capital " + s);
        }
    }

    @Test
    void legalStakeWinsWithHeadsAndLosesWithTails() {
        assertEquals(List.of(new Transition(40, 0.4, 0.0), new Transition(20, 0.6, 0.0)), problem.transitions(30, 10));
        assertEquals(List.of(new Transition(2, 0.4, 0.0), new Transition(0, 0.6, 0.0)), problem.transitions(1, 1));
    }

    @Test
    void reachingTheGoalEarnsOne() {
        assertEquals(List.of(new Transition(100, 0.4, 1.0), new Transition(50, 0.6, 0.0)), problem.transitions(75, 25));
        assertEquals(List.of(new Transition(100, 0.4, 1.0), new Transition(98, 0.6, 0.0)), problem.transitions(99, 1));
    }

    @Test
    void overLargeStakeIsPlacedAsTheLargestLegalStake() {
        assertEquals(30, problem.stake(30, 50));
        assertEquals(problem.transitions(30, 30), problem.transitions(30, 50));
        assertEquals(20, problem.stake(80, 40));
        assertEquals(List.of(new Transition(100, 0.4, 1.0), new Transition(60, 0.6, 0.0)), problem.transitions(80, 40));
        assertEquals(1, problem.stake(99, 50));
    }

    @Test
    void stakeZeroForfeitsTheGame() {
        assertEquals(0, problem.stake(50, 0));
        assertEquals(List.of(new Transition(0, 1.0, 0.0)), problem.transitions(50, 0));
        assertEquals(List.of(new Transition(0, 1.0, 0.0)), problem.transitions(1, 0));
    }

    @Test
    void terminalStatesLoopWithoutReward() {
        for (int a = 0; a <= 50; a++) {
            assertEquals(List.of(new Transition(0, 1.0, 0.0)), problem.transitions(0, a));
            assertEquals(List.of(new Transition(100, 1.0, 0.0)), problem.transitions(100, a));
        }
    }

    @Test
    void headsProbabilityAndGoalAreConfigurable() {
        List<Transition> favourable = new GamblersProblem(0.55).transitions(50, 10);
        assertEquals(2, favourable.size());
        assertEquals(60, favourable.get(0).nextState());
        assertEquals(0.55, favourable.get(0).probability(), 0.0);
        assertEquals(40, favourable.get(1).nextState());
        assertEquals(0.45, favourable.get(1).probability(), 1e-15);
        assertEquals(List.of(new Transition(20, 1.0, 0.0)), new GamblersProblem(0.0).transitions(30, 10));
        assertEquals(List.of(new Transition(40, 1.0, 0.0)), new GamblersProblem(1.0).transitions(30, 10));
        GamblersProblem small = new GamblersProblem(0.4, 7);
        assertEquals(8, small.stateCount());
        assertEquals(4, small.actionCount());
        assertEquals(List.of(new Transition(7, 0.4, 1.0), new Transition(3, 0.6, 0.0)), small.transitions(5, 3));
    }

    @Test
    void modelIsValidAndEveryCapitalCanEndTheGame() {
        TabularModel model = TabularModel.of(problem);
        assertEquals(-1, model.firstStateNotReachingTerminal(null));
    }

    @Test
    void extraActionsLeaveTheOptimalValuesAndPoliciesOfTheBook() {
        // Value iteration over the book's legal stakes 1..min(s, 100 - s) only, written here, and over
        // all 51 actions of the model, must agree; Figure 4.3 (p_h = 0.4) gives v*(25) = 0.16,
        // v*(50) = 0.4 and v*(75) = 0.64.
        double[] book = optimalValues(true);
        double[] model = optimalValues(false);

        assertArrayEquals(book, model, 1e-12);
        assertEquals(0.16, model[25], 1e-9);
        assertEquals(0.4, model[50], 1e-9);
        assertEquals(0.64, model[75], 1e-9);
        for (int s = 1; s < 100; s++) {
            int greedy = greedyAction(model, s);
            assertTrue(greedy >= 1 && greedy <= Math.min(s, 100 - s), "greedy stake " + greedy + " at " + s);
        }
    }

    /** In-place value iteration (γ = 1) from 0 until the largest change is below 1e-15. */
    private double[] optimalValues(boolean legalStakesOnly) {
        double[] v = new double[101];
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double change = 0;
            for (int s = 1; s < 100; s++) {
                double best = 0;
                if (legalStakesOnly) {
                    for (int stake = 1; stake <= Math.min(s, 100 - s); stake++) {
                        double win = s + stake == 100 ? 1.0 : v[s + stake];
                        best = Math.max(best, 0.4 * win + 0.6 * v[s - stake]);
                    }
                } else {
                    best = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < 51; a++) {
                        best = Math.max(best, q(v, s, a));
                    }
                }
                change = Math.max(change, Math.abs(best - v[s]));
                v[s] = best;
            }
            if (change < 1e-15) {
                return v;
            }
        }
        throw new AssertionError("value iteration did not converge");
    }

    private double q(double[] v, int s, int a) {
        double q = 0;
        for (Transition t : problem.transitions(s, a)) {
            q += t.probability() * (t.reward() + v[t.nextState()]);
        }
        return q;
    }

    /** The lowest action whose value is within 1e-9 of the best, as the planners break ties. */
    private int greedyAction(double[] v, int s) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < 51; a++) {
            best = Math.max(best, q(v, s, a));
        }
        for (int a = 0; a < 51; a++) {
            if (q(v, s, a) >= best - 1e-9) {
                return a;
            }
        }
        throw new AssertionError("no greedy action at " + s);
    }

    @Test
    void badArgumentsAreRejectedNamingThem() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new GamblersProblem(1.5)), "p_h = 1.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new GamblersProblem(Double.NaN)), "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new GamblersProblem(0.4, 1)), "goal 1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> problem.transitions(101, 1)),
                "capital 101", "[0, 100]");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> problem.transitions(50, 51)),
                "stake action 51", "[0, 50]");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> problem.isTerminal(-1)), "capital -1");
        assertFalse(problem.isTerminal(1));
    }

    private static void assertMessage(RuntimeException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }
}
