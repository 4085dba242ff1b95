package dev.bellman.env.toytext;

import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jack's car rental (Sutton &amp; Barto Example 4.2) as an exact finite MDP. */
class JacksCarRentalTest {

    private static final JacksCarRental RENTAL = new JacksCarRental();

    private static double pmf(double mean, int k) {
        return new PoissonDistribution(mean).probability(k);
    }

    private static double[] pmfs(double mean, int max) {
        PoissonDistribution poisson = new PoissonDistribution(mean);
        double[] pmf = new double[max + 1];
        for (int k = 0; k <= max; k++) {
            pmf[k] = poisson.probability(k);
        }
        return pmf;
    }

    /** E[min(X, cars)] for X ~ Poisson(mean): the sum of P(X > k) for k below {@code cars}. */
    private static double expectedRentals(double mean, int cars) {
        PoissonDistribution poisson = new PoissonDistribution(mean);
        double sum = 0;
        for (int k = 0; k < cars; k++) {
            sum += 1 - poisson.cumulativeProbability(k);
        }
        return sum;
    }

    private static double expectedReward(int state, int action) {
        double sum = 0;
        for (Transition t : RENTAL.transitions(state, action)) {
            sum += t.probability() * t.reward();
        }
        return sum;
    }

    @Test
    void hasTheBooksStatesActionsAndDiscount() {
        assertEquals(441, RENTAL.stateCount());
        assertEquals(11, RENTAL.actionCount());
        assertEquals(0.9, RENTAL.gamma(), 0.0);
        assertEquals(JacksCarRental.Settings.BOOK, RENTAL.settings());
        for (int s = 0; s < 441; s++) {
            assertFalse(RENTAL.isTerminal(s));
        }
    }

    @Test
    void statesAndActionsEncodeCarsAndMoves() {
        assertEquals(7 * 21 + 12, RENTAL.state(7, 12));
        assertEquals(7, RENTAL.carsAtFirst(RENTAL.state(7, 12)));
        assertEquals(12, RENTAL.carsAtSecond(RENTAL.state(7, 12)));
        assertEquals(-5, RENTAL.move(0));
        assertEquals(0, RENTAL.move(5));
        assertEquals(5, RENTAL.move(10));
        assertEquals(8, RENTAL.action(3));
        assertEquals(3, RENTAL.carsMoved(RENTAL.state(10, 10), RENTAL.action(3)));
        assertEquals(2, RENTAL.carsMoved(RENTAL.state(2, 10), RENTAL.action(5)));
        assertEquals(-1, RENTAL.carsMoved(RENTAL.state(2, 1), RENTAL.action(-4)));
    }

    @Test
    void everyRowSumsToOne() {
        for (int s = 0; s < 441; s++) {
            for (int a = 0; a < 11; a++) {
                double sum = 0;
                for (Transition t : RENTAL.transitions(s, a)) {
                    assertTrue(t.probability() > 0);
                    sum += t.probability();
                }
                assertEquals(1.0, sum, 1e-12, "state " + s + ", action " + a);
            }
        }
    }

    @Test
    void tabularModelAcceptsTheWholeModel() {
        TabularModel model = TabularModel.of(RENTAL);

        assertEquals(441, model.stateCount());
        assertEquals(11, model.actionCount());
        assertEquals(441 * 11 * 441, model.transitionCount(), "every next state is possible");
    }

    @Test
    void expectedRewardIsRentalsLessMovingCosts() {
        // r(s, a) = 10 (E[min(X1, c1)] + E[min(X2, c2)]) - 2 |m|, with c the cars after the move,
        // X1 ~ Poisson(3), X2 ~ Poisson(4): computed here with Commons Math's Poisson distribution.
        int[][] cases = {
            // first, second, move, cars at first after the move, at second after the move
            {10, 10, 0, 10, 10},
            {20, 0, 5, 15, 5},
            {0, 20, -5, 5, 15},
            {20, 20, 3, 17, 20},
            {0, 0, 0, 0, 0},
            {4, 19, 2, 2, 20},
        };
        for (int[] c : cases) {
            double expected = 10 * (expectedRentals(3, c[3]) + expectedRentals(4, c[4])) - 2 * Math.abs(c[2]);
            double actual = expectedReward(RENTAL.state(c[0], c[1]), RENTAL.action(c[2]));
            assertEquals(expected, actual, 1e-9, "cars (" + c[0] + ", " + c[1] + "), move " + c[2]);
        }
    }

    @Test
    void emptyLotsOnlyReceiveReturns() {
        // No car to rent: the next counts are the returns, Poisson(3) and Poisson(2), 20 absorbing the tails.
        List<Transition> row = RENTAL.transitions(RENTAL.state(0, 0), RENTAL.action(0));
        for (Transition t : row) {
            assertEquals(0.0, t.reward(), 0.0);
        }
        assertEquals(pmf(3, 3) * pmf(2, 2), probabilityOf(row, RENTAL.state(3, 2)), 1e-15);
        // P(returns >= 20) summed term by term: 1 - CDF(19) would lose most digits of a 1e-11 tail.
        double tailOfReturnsAtFirst = 0;
        for (int k = 20; k <= 100; k++) {
            tailOfReturnsAtFirst += pmf(3, k);
        }
        double full = tailOfReturnsAtFirst * pmf(2, 0);
        assertEquals(full, probabilityOf(row, RENTAL.state(20, 0)), 1e-9 * full);
    }

    @Test
    void rowAgreesWithBruteForceOverRequestsAndReturns() {
        // Enumerate requests and returns 0..40 at both locations (the Poisson mass beyond 40 is below
        // 1e-20) for (5, 7) moving 2 cars to the second location, which leaves 3 and 9: each outcome's
        // probability and its expected reward given the next state must agree with the model.
        int first = 3;
        int second = 9;
        int max = 40;
        double[] requests1 = pmfs(3, max);
        double[] returns1 = pmfs(3, max);
        double[] requests2 = pmfs(4, max);
        double[] returns2 = pmfs(2, max);
        double[][] p = new double[21][21];
        double[][] weightedReward = new double[21][21];
        for (int req1 = 0; req1 <= max; req1++) {
            for (int ret1 = 0; ret1 <= max; ret1++) {
                double p1 = requests1[req1] * returns1[ret1];
                int rented1 = Math.min(req1, first);
                int end1 = Math.min(first - rented1 + ret1, 20);
                for (int req2 = 0; req2 <= max; req2++) {
                    for (int ret2 = 0; ret2 <= max; ret2++) {
                        double pAll = p1 * requests2[req2] * returns2[ret2];
                        int rented2 = Math.min(req2, second);
                        int end2 = Math.min(second - rented2 + ret2, 20);
                        p[end1][end2] += pAll;
                        weightedReward[end1][end2] += pAll * (10.0 * (rented1 + rented2) - 4);
                    }
                }
            }
        }
        List<Transition> row = RENTAL.transitions(RENTAL.state(5, 7), RENTAL.action(2));
        assertEquals(441, row.size());
        for (Transition t : row) {
            int end1 = RENTAL.carsAtFirst(t.nextState());
            int end2 = RENTAL.carsAtSecond(t.nextState());
            assertEquals(p[end1][end2], t.probability(), 1e-14, "next (" + end1 + ", " + end2 + ")");
            if (p[end1][end2] > 1e-9) {
                assertEquals(weightedReward[end1][end2] / p[end1][end2], t.reward(), 1e-6,
                        "reward to (" + end1 + ", " + end2 + ")");
            }
        }
    }

    @Test
    void movingMoreCarsThanAvailableSendsThemAllAndPaysForTheOrder() {
        // (2, 10) asking to move 5 to the second location: the 2 cars go, $10 is charged, so the row
        // is the row of moving 2 with every reward $6 lower.
        int state = RENTAL.state(2, 10);
        List<Transition> asked = RENTAL.transitions(state, RENTAL.action(5));
        List<Transition> possible = RENTAL.transitions(state, RENTAL.action(2));

        assertEquals(possible.size(), asked.size());
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(possible.get(i).nextState(), asked.get(i).nextState());
            assertEquals(possible.get(i).probability(), asked.get(i).probability(), 0.0);
            assertEquals(possible.get(i).reward() - 6, asked.get(i).reward(), 1e-12);
        }
    }

    @Test
    void carsBeyondTheLotVanishButArePaidFor() {
        // (20, 20) moving 3: 17 and 20 cars, not 23; charged $6.
        int state = RENTAL.state(20, 20);
        double expected = 10 * (expectedRentals(3, 17) + expectedRentals(4, 20)) - 6;
        assertEquals(expected, expectedReward(state, RENTAL.action(3)), 1e-9);
    }

    @Test
    void smallerSettingsGiveSmallerModels() {
        JacksCarRental small = new JacksCarRental(new JacksCarRental.Settings(3, 1, 1, 1, 1, 1, 10, 2));
        assertEquals(16, small.stateCount());
        assertEquals(3, small.actionCount());
        TabularModel.of(small);
        JacksCarRental quiet = new JacksCarRental(new JacksCarRental.Settings(2, 1, 0, 0, 0, 0, 10, 2));
        assertEquals(List.of(new Transition(quiet.state(1, 1), 1.0, -2.0)),
                quiet.transitions(quiet.state(2, 0), quiet.action(-1) + 2));
    }

    @Test
    void badArgumentsAreRejectedNamingThem() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> RENTAL.transitions(441, 0)), "state 441");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> RENTAL.transitions(0, 11)), "action 11");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> RENTAL.state(21, 0)), "(21, 0)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> RENTAL.action(6)), "move 6");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new JacksCarRental.Settings(20, 5, -3, 4, 3, 2, 10, 2)), "rentalMeanFirst -3.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new JacksCarRental.Settings(20, 21, 3, 4, 3, 2, 10, 2)), "maxMove 21");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new JacksCarRental.Settings(0, 0, 3, 4, 3, 2, 10, 2)), "maxCars 0");
        assertThrows(IllegalArgumentException.class, () -> new JacksCarRental(null));
    }

    private static double probabilityOf(List<Transition> row, int nextState) {
        for (Transition t : row) {
            if (t.nextState() == nextState) {
                return t.probability();
            }
        }
        return 0;
    }

    private static void assertMessage(RuntimeException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }
}
