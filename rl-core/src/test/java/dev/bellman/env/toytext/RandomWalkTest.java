package dev.bellman.env.toytext;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Step;
import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sutton &amp; Barto's random walks. The true values come from
 * {@code reference/books/sb_random_walk_true_values.json} (copied from
 * /work/shared/reference/books/; values to 6 decimals, its stated tolerances 1e-9 for the 5- and
 * 19-state walks, given exactly by their closed forms, and 1e-6 for the 1000-state walk).
 */
class RandomWalkTest {

    private static final ReferenceJson REFERENCE = ReferenceJson.load("/reference/books/sb_random_walk_true_values.json");

    /**
     * Solves the Bellman equation of the walk's only policy exactly, {@code (I - P) v = r} over the
     * non-terminal states (γ = 1), with Commons Math's LU decomposition, from the MDP's transitions.
     */
    private static double[] solveExactly(FiniteMdp mdp) {
        int n = mdp.stateCount();
        List<Integer> open = new ArrayList<>();
        int[] row = new int[n];
        for (int s = 0; s < n; s++) {
            row[s] = mdp.isTerminal(s) ? -1 : open.size();
            if (!mdp.isTerminal(s)) {
                open.add(s);
            }
        }
        RealMatrix a = new Array2DRowRealMatrix(open.size(), open.size());
        RealVector r = new ArrayRealVector(open.size());
        for (int i = 0; i < open.size(); i++) {
            a.addToEntry(i, i, 1.0);
            for (Transition t : mdp.transitions(open.get(i), 0)) {
                r.addToEntry(i, t.probability() * t.reward());
                if (row[t.nextState()] >= 0) {
                    a.addToEntry(i, row[t.nextState()], -t.probability());
                }
            }
        }
        RealVector solution = new LUDecomposition(a).getSolver().solve(r);
        double[] values = new double[n];
        for (int i = 0; i < open.size(); i++) {
            values[open.get(i)] = solution.getEntry(i);
        }
        return values;
    }

    /** The reference values of states 1..n, with the terminals 0 and n + 1 added as 0. */
    private static double[] withTerminals(double[] inner) {
        double[] all = new double[inner.length + 2];
        System.arraycopy(inner, 0, all, 1, inner.length);
        return all;
    }

    @Test
    void fiveStateWalkMatchesExample6_2() {
        RandomWalk walk = RandomWalk.fiveStates();
        double[] closedForm = {0, 1.0 / 6, 2.0 / 6, 3.0 / 6, 4.0 / 6, 5.0 / 6, 0};

        assertArrayEquals(closedForm, solveExactly(walk), 1e-9);
        assertArrayEquals(closedForm, walk.trueValues(), 1e-12);
        // The reference file's values are the closed form rounded to 6 decimals.
        assertArrayEquals(withTerminals(REFERENCE.numbers("true_values_A_to_E")), solveExactly(walk), 5e-7);
    }

    @Test
    void nineteenStateWalkMatchesSection7_1() {
        RandomWalk walk = RandomWalk.nineteenStates();
        double[] reference = withTerminals(REFERENCE.numbers("true_values_1_to_19"));

        assertArrayEquals(reference, solveExactly(walk), 1e-9);
        assertArrayEquals(reference, walk.trueValues(), 1e-9);
    }

    @Test
    void thousandStateWalkMatchesExample9_1() {
        RandomWalk walk = RandomWalk.thousandStates();
        double[] reference = withTerminals(REFERENCE.numbers("true_values_1_to_1000"));
        assertEquals(1002, reference.length);

        double[] solved = solveExactly(walk);

        assertArrayEquals(reference, solved, 1e-6);
        assertArrayEquals(solved, walk.trueValues(), 1e-12);
        assertEquals(-0.000943, solved[500], 1e-6);
    }

    @Test
    void statesAreTerminalsAtBothEndsAndTheBooksNumbersBetween() {
        RandomWalk walk = RandomWalk.fiveStates();

        assertEquals(7, walk.stateCount());
        assertEquals(1, walk.actionCount());
        assertEquals(7, walk.observationSpace().n());
        assertEquals(1, walk.actionSpace().n());
        assertEquals(3, walk.startState(), "C");
        assertEquals(0, walk.leftTerminal());
        assertEquals(6, walk.rightTerminal());
        assertTrue(walk.isTerminal(0) && walk.isTerminal(6));
        for (int s = 1; s <= 5; s++) {
            assertFalse(walk.isTerminal(s));
        }
        assertEquals(10, RandomWalk.nineteenStates().startState());
        assertEquals(500, RandomWalk.thousandStates().startState());
        assertEquals(1.0, walk.gamma(), 0.0);
    }

    @Test
    void neighbourWalkStepsLeftOrRightWithHalfEach() {
        RandomWalk five = RandomWalk.fiveStates();
        assertEquals(List.of(new Transition(0, 0.5, 0.0), new Transition(2, 0.5, 0.0)), five.transitions(1, 0));
        assertEquals(List.of(new Transition(2, 0.5, 0.0), new Transition(4, 0.5, 0.0)), five.transitions(3, 0));
        assertEquals(List.of(new Transition(4, 0.5, 0.0), new Transition(6, 0.5, 1.0)), five.transitions(5, 0));
        assertEquals(List.of(new Transition(6, 1.0, 0.0)), five.transitions(6, 0));
        RandomWalk nineteen = RandomWalk.nineteenStates();
        assertEquals(new Transition(0, 0.5, -1.0), nineteen.transitions(1, 0).get(0));
    }

    @Test
    void thousandStateWalkSendsJumpsPastTheEdgeToTheTerminal() {
        RandomWalk walk = RandomWalk.thousandStates();

        List<Transition> fromOne = walk.transitions(1, 0);
        assertEquals(new Transition(0, 100 / 200.0, -1.0), fromOne.get(0));
        assertEquals(101, fromOne.size(), "the terminal and states 2..101");
        List<Transition> fromMiddle = walk.transitions(500, 0);
        assertEquals(200, fromMiddle.size());
        for (Transition t : fromMiddle) {
            assertEquals(1 / 200.0, t.probability(), 0.0);
            assertEquals(0.0, t.reward(), 0.0);
        }
        List<Transition> nearRight = walk.transitions(950, 0);
        assertEquals(new Transition(1001, 50 / 200.0, 1.0), nearRight.get(nearRight.size() - 1));
        TabularModel model = TabularModel.of(walk);
        assertEquals(1002, model.stateCount());
    }

    @Test
    void badStateOrActionIsRejectedNamingIt() {
        RandomWalk walk = RandomWalk.fiveStates();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> walk.transitions(7, 0));
        assertTrue(e.getMessage().contains("state 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> walk.transitions(3, 1));
        assertTrue(e.getMessage().contains("action 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomWalk(0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalk(5, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalk(5, 1, Double.NaN, 1));
    }

    @Test
    void episodeRunsFromTheMiddleToAnEnd() {
        RandomWalk walk = RandomWalk.nineteenStates();
        assertThrows(IllegalStateException.class, () -> walk.step(0));
        int state = walk.reset(5);
        assertEquals(10, state);

        Step<Integer> step;
        int steps = 0;
        do {
            step = walk.step(0);
            assertEquals(1, Math.abs(step.observation() - state), "one state at a time");
            state = step.observation();
            steps++;
        } while (!step.done());

        assertTrue(state == 0 || state == 20);
        assertEquals(state == 0 ? -1.0 : 1.0, step.reward(), 0.0);
        assertTrue(step.terminated());
        assertFalse(step.truncated());
        assertTrue(steps >= 10);
        assertThrows(IllegalStateException.class, () -> walk.step(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            walk.reset();
            walk.step(1);
        });
        assertTrue(e.getMessage().contains("action 1") && e.getMessage().contains("Discrete(1)"), e.getMessage());
    }

    @Test
    void sameSeedGivesTheSameWalk() {
        assertEquals(trajectory(RandomWalk.thousandStates(), 9), trajectory(RandomWalk.thousandStates(), 9));
        assertNotEquals(trajectory(RandomWalk.thousandStates(), 9), trajectory(RandomWalk.thousandStates(), 10));
    }

    private static List<Integer> trajectory(RandomWalk walk, long seed) {
        List<Integer> states = new ArrayList<>();
        states.add(walk.reset(seed));
        for (int episode = 0; episode < 5; episode++) {
            Step<Integer> step;
            do {
                step = walk.step(0);
                states.add(step.observation());
            } while (!step.done());
            states.add(walk.reset());
        }
        return states;
    }

    @Test
    void sampledReturnsAverageToTheTrueValueOfTheStart() {
        // Five-state walk: v(C) = 1/2. Returns are 0 or 1, so 20 000 episodes give a standard error of
        // 0.5 / sqrt(20 000) = 0.0035; the band 0.015 is over 4 of them. Thousand-state walk from 500:
        // v = -0.000943 (reference file), returns -1 or +1: standard error 0.0071, band 0.03.
        assertEquals(0.5, averageReturn(RandomWalk.fiveStates(), 20_000, 1), 0.015);
        assertEquals(-0.000943, averageReturn(RandomWalk.thousandStates(), 20_000, 2), 0.03);
    }

    private static double averageReturn(RandomWalk walk, int episodes, long seed) {
        walk.reset(seed);
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            walk.reset();
            Step<Integer> step;
            do {
                step = walk.step(0);
                total += step.reward();
            } while (!step.done());
        }
        return total / episodes;
    }
}
