package dev.bellman.env.toytext;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Transition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Jack's car rental (Sutton &amp; Barto Example 4.2) as an exact {@link FiniteMdp}: two locations of
 * at most 20 cars each; overnight Jack moves up to 5 cars between them at $2 a car; the next day
 * each location rents out as many cars as are asked for and available, at $10 a rental, and then
 * gets its returns, which can be rented from the following day. Requests and returns are Poisson
 * with means 3 and 4 (requests at the first and second location) and 3 and 2 (returns). Cars beyond
 * 20 at a location, after a move or after the returns, go back to the nationwide company and
 * vanish. The book discounts by {@link #GAMMA} = 0.9; pass it to the planners.
 *
 * <p>States are {@code s = first * 21 + second} for the cars at each location at the end of a day
 * (441 states, none terminal; see {@link #state(int, int)}). Action {@code a} is the move
 * {@code m = a - 5} in {@code -5 .. +5} (11 actions): {@code m > 0} moves {@code m} cars from the
 * first location to the second, {@code m < 0} moves {@code -m} cars from the second to the first.
 * Every action is offered in every state (a {@code FiniteMdp} requires it), so a move may ask for
 * more cars than the sending location has: it then sends the cars there are (see
 * {@link #carsMoved(int, int)}) and is still charged $2 for every car asked for. It leads where the
 * largest possible move leads but earns strictly less, so it never changes v* and never appears in
 * a greedy policy.
 *
 * <p>The model is exact, with nothing truncated or renormalised: the Poisson tails are folded at the
 * count from which they stop mattering (their sums run far enough that the mass left out is below
 * 1e-100). Every request of at least the cars available rents them all, with probability
 * {@code P(X >= available)}; every return count that would fill the lot beyond 20 leaves 20, with
 * the tail probability of those counts. The two locations are independent given the
 * move, so each outcome's probability is a product, and its reward is the expected reward given the
 * next state: {@code 10 * (E[rented at 1 | ...] + E[rented at 2 | ...]) - 2 |m|}. Each state-action
 * pair has every one of the 441 next states as an outcome (all have positive probability), and the
 * probabilities sum to 1 up to rounding.
 */
public final class JacksCarRental implements FiniteMdp {

    /** The discount factor of the book's Example 4.2 and Figure 4.2. */
    public static final double GAMMA = 0.9;

    /**
     * The problem's parameters.
     *
     * @param maxCars          the most cars a location holds, at least 1 (book: 20)
     * @param maxMove          the most cars moved in one night, at least 0 (book: 5)
     * @param rentalMeanFirst  the mean of the Poisson requests at the first location (book: 3)
     * @param rentalMeanSecond the mean of the Poisson requests at the second location (book: 4)
     * @param returnMeanFirst  the mean of the Poisson returns at the first location (book: 3)
     * @param returnMeanSecond the mean of the Poisson returns at the second location (book: 2)
     * @param rentalCredit     the credit per car rented, in dollars (book: 10)
     * @param moveCost         the cost per car moved, in dollars (book: 2)
     */
    public record Settings(int maxCars, int maxMove, double rentalMeanFirst, double rentalMeanSecond,
                           double returnMeanFirst, double returnMeanSecond, double rentalCredit,
                           double moveCost) {

        /** The parameters of Sutton &amp; Barto's Example 4.2. */
        public static final Settings BOOK = new Settings(20, 5, 3, 4, 3, 2, 10, 2);

        /**
         * @param maxCars          the most cars a location holds, at least 1 (book: 20)
         * @param maxMove          the most cars moved in one night, at least 0 (book: 5)
         * @param rentalMeanFirst  the mean of the Poisson requests at the first location (book: 3)
         * @param rentalMeanSecond the mean of the Poisson requests at the second location (book: 4)
         * @param returnMeanFirst  the mean of the Poisson returns at the first location (book: 3)
         * @param returnMeanSecond the mean of the Poisson returns at the second location (book: 2)
         * @param rentalCredit     the credit per car rented, in dollars (book: 10)
         * @param moveCost         the cost per car moved, in dollars (book: 2)
         * @throws IllegalArgumentException naming the setting, if {@code maxCars < 1}, {@code maxMove}
         *                                  is negative or above {@code maxCars}, a mean is negative,
         *                                  not finite or above 500, or a money amount is not finite
         */
        public Settings {
            if (maxCars < 1 || maxCars > 1000) {
                throw new IllegalArgumentException("maxCars " + maxCars + " is outside [1, 1000]");
            }
            if (maxMove < 0 || maxMove > maxCars) {
                throw new IllegalArgumentException("maxMove " + maxMove + " is outside [0, maxCars = " + maxCars + "]");
            }
            mean(rentalMeanFirst, "rentalMeanFirst");
            mean(rentalMeanSecond, "rentalMeanSecond");
            mean(returnMeanFirst, "returnMeanFirst");
            mean(returnMeanSecond, "returnMeanSecond");
            if (!Double.isFinite(rentalCredit) || !Double.isFinite(moveCost)) {
                throw new IllegalArgumentException("rentalCredit " + rentalCredit + " and moveCost " + moveCost
                        + " must be finite");
            }
        }

        private static void mean(double mean, String name) {
            if (!(mean >= 0 && mean <= 500)) {
                throw new IllegalArgumentException(name + " " + mean + " is outside [0, 500]; expected a Poisson mean");
            }
        }
    }

    private final Settings settings;
    private final int lot;
    private final Location first;
    private final Location second;

    /** The book's problem, {@link Settings#BOOK}. */
    public JacksCarRental() {
        this(Settings.BOOK);
    }

    /**
     * @param settings the parameters
     * @throws IllegalArgumentException if {@code settings} is {@code null}
     */
    public JacksCarRental(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
        this.lot = settings.maxCars() + 1;
        this.first = new Location(settings.maxCars(), settings.rentalMeanFirst(), settings.returnMeanFirst());
        this.second = new Location(settings.maxCars(), settings.rentalMeanSecond(), settings.returnMeanSecond());
    }

    /** @return the parameters */
    public Settings settings() {
        return settings;
    }

    /** @return {@link #GAMMA}, the book's discount factor */
    public double gamma() {
        return GAMMA;
    }

    /**
     * @param carsAtFirst  cars at the first location, {@code 0 .. maxCars}
     * @param carsAtSecond cars at the second location, {@code 0 .. maxCars}
     * @return the state {@code carsAtFirst * (maxCars + 1) + carsAtSecond}
     * @throws IllegalArgumentException if a count is out of range
     */
    public int state(int carsAtFirst, int carsAtSecond) {
        if (carsAtFirst < 0 || carsAtFirst >= lot || carsAtSecond < 0 || carsAtSecond >= lot) {
            throw new IllegalArgumentException("cars (" + carsAtFirst + ", " + carsAtSecond + ") are outside [0, "
                    + settings.maxCars() + "] at some location");
        }
        return carsAtFirst * lot + carsAtSecond;
    }

    /**
     * @param state a state in {@code [0, stateCount())}
     * @return the cars at the first location in {@code state}
     * @throws IllegalArgumentException if the state is out of range
     */
    public int carsAtFirst(int state) {
        checkState(state);
        return state / lot;
    }

    /**
     * @param state a state in {@code [0, stateCount())}
     * @return the cars at the second location in {@code state}
     * @throws IllegalArgumentException if the state is out of range
     */
    public int carsAtSecond(int state) {
        checkState(state);
        return state % lot;
    }

    /**
     * @param action an action in {@code [0, 2 maxMove]}
     * @return the move it asks for, {@code action - maxMove}: positive from the first location to the
     *         second, negative the other way
     * @throws IllegalArgumentException if the action is out of range
     */
    public int move(int action) {
        checkAction(action);
        return action - settings.maxMove();
    }

    /**
     * @param move a move in {@code [-maxMove, maxMove]}
     * @return its action, {@code move + maxMove}
     * @throws IllegalArgumentException if the move is out of range
     */
    public int action(int move) {
        if (move < -settings.maxMove() || move > settings.maxMove()) {
            throw new IllegalArgumentException("move " + move + " is outside [" + -settings.maxMove() + ", "
                    + settings.maxMove() + "]");
        }
        return move + settings.maxMove();
    }

    /**
     * @param state  a state in {@code [0, stateCount())}
     * @param action an action in {@code [0, 2 maxMove]}
     * @return the cars {@code action} actually moves in {@code state}: its move, limited to the cars at
     *         the sending location (signed like the move)
     * @throws IllegalArgumentException if the state or action is out of range
     */
    public int carsMoved(int state, int action) {
        int move = move(action);
        return move >= 0 ? Math.min(move, carsAtFirst(state)) : -Math.min(-move, carsAtSecond(state));
    }

    @Override
    public int stateCount() {
        return lot * lot;
    }

    @Override
    public int actionCount() {
        return 2 * settings.maxMove() + 1;
    }

    /**
     * The next day's outcomes, one per next state of positive probability (next states ascending).
     *
     * @throws IllegalArgumentException if the state or action is out of range
     */
    @Override
    public List<Transition> transitions(int state, int action) {
        int moved = carsMoved(state, action);
        int atFirst = Math.min(carsAtFirst(state) - moved, settings.maxCars());
        int atSecond = Math.min(carsAtSecond(state) + moved, settings.maxCars());
        double cost = settings.moveCost() * Math.abs(move(action));
        double[] pFirst = first.next[atFirst];
        double[] pSecond = second.next[atSecond];
        double[] rentedFirst = first.rented[atFirst];
        double[] rentedSecond = second.rented[atSecond];
        List<Transition> outcomes = new ArrayList<>(lot * lot);
        for (int i = 0; i < lot; i++) {
            if (pFirst[i] == 0) {
                continue;
            }
            for (int j = 0; j < lot; j++) {
                double p = pFirst[i] * pSecond[j];
                if (p > 0) {
                    double reward = settings.rentalCredit() * (rentedFirst[i] + rentedSecond[j]) - cost;
                    outcomes.add(new Transition(i * lot + j, p, reward));
                }
            }
        }
        return Collections.unmodifiableList(outcomes);
    }

    private void checkState(int state) {
        if (state < 0 || state >= lot * lot) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + (lot * lot - 1) + "]");
        }
    }

    private void checkAction(int action) {
        if (action < 0 || action > 2 * settings.maxMove()) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + 2 * settings.maxMove()
                    + "] (moves -" + settings.maxMove() + " .. +" + settings.maxMove() + ")");
        }
    }

    @Override
    public String toString() {
        return "JacksCarRental(" + settings + ")";
    }

    /**
     * One location's day, tabulated for every number of cars it starts the day with: the
     * distribution of the cars it ends with, and the expected rentals given that end count.
     */
    private static final class Location {
        /** next[a][b]: P(end with b | start with a). */
        final double[][] next;
        /** rented[a][b]: E[cars rented | start with a, end with b]. */
        final double[][] rented;

        Location(int maxCars, double rentalMean, double returnMean) {
            double[] requests = poisson(rentalMean, maxCars);
            double[] returns = poisson(returnMean, maxCars);
            double[] requestTail = tails(rentalMean, maxCars);
            double[] returnTail = tails(returnMean, maxCars);
            next = new double[maxCars + 1][maxCars + 1];
            rented = new double[maxCars + 1][maxCars + 1];
            for (int start = 0; start <= maxCars; start++) {
                double[] weightedRentals = new double[maxCars + 1];
                for (int rentals = 0; rentals <= start; rentals++) {
                    // Requests of at least `start` all rent every car.
                    double pRentals = rentals < start ? requests[rentals] : requestTail[start];
                    int left = start - rentals;
                    for (int end = left; end <= maxCars; end++) {
                        // Returns that would fill the lot beyond maxCars all leave it full.
                        double pReturns = end < maxCars ? returns[end - left] : returnTail[maxCars - left];
                        double p = pRentals * pReturns;
                        next[start][end] += p;
                        weightedRentals[end] += p * rentals;
                    }
                }
                for (int end = 0; end <= maxCars; end++) {
                    rented[start][end] = next[start][end] > 0 ? weightedRentals[end] / next[start][end] : 0;
                }
            }
        }

        /** P(X = k) for k = 0..max, X ~ Poisson(mean), computed in log space to avoid underflow. */
        private static double[] poisson(double mean, int max) {
            double[] pmf = new double[max + 1];
            if (mean == 0) {
                pmf[0] = 1;
                return pmf;
            }
            double logMean = Math.log(mean);
            double logFactorial = 0;
            for (int k = 0; k <= max; k++) {
                if (k > 0) {
                    logFactorial += Math.log(k);
                }
                pmf[k] = Math.exp(k * logMean - mean - logFactorial);
            }
            return pmf;
        }

        /**
         * P(X >= k) for k = 0..max, summed from the far end of the tail, so that even tiny tails keep
         * their relative precision. The sums stop at {@code mean + 40 sqrt(mean) + 40}, beyond which
         * the Poisson mass is below 1e-100 for every mean the settings allow.
         */
        private static double[] tails(double mean, int max) {
            int far = Math.max(max, (int) Math.ceil(mean + 40 * Math.sqrt(mean) + 40));
            double[] pmf = poisson(mean, far);
            double[] tail = new double[max + 1];
            double sum = 0;
            for (int k = far; k >= 0; k--) {
                sum += pmf[k];
                if (k <= max) {
                    tail[k] = sum;
                }
            }
            return tail;
        }
    }
}
