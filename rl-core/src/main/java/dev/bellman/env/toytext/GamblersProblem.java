package dev.bellman.env.toytext;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Transition;

import java.util.List;

/**
 * Sutton &amp; Barto's gambler's problem (Example 4.3): a gambler with capital {@code s} stakes
 * {@code b} dollars on a coin flip; heads (probability {@code p_h}) wins {@code b}, tails loses it.
 * The episode ends at capital 0 or at the goal (100), and reaching the goal earns +1; every other
 * transition earns 0, so under γ = 1 the value of a state is the probability of reaching the goal.
 *
 * <p>States are the capital {@code 0 .. goal}; {@code 0} and {@code goal} are terminal. Action
 * {@code a} is the stake {@code a}, {@code 0 .. goal / 2}, in every state (a {@link FiniteMdp} offers
 * every action everywhere), though the book allows only {@code 1 .. min(s, goal - s)}:
 * <ul>
 *   <li>a stake above {@code min(s, goal - s)} is placed as that largest legal stake: the gambler
 *   cannot stake more than the capital, and more than {@code goal - s} could win nothing more;</li>
 *   <li>stake 0, declining to bet, forfeits the game: the episode ends at capital 0 with reward 0.</li>
 * </ul>
 * Neither changes v*. The first only repeats a legal action, so every maximum over actions is the
 * book's, and it has a higher index than the stake it repeats, so a greedy policy that breaks ties
 * towards the lowest index never shows it. The second is worth {@code 0 <= v*(s)} (strictly less
 * when {@code p_h > 0}) and never loops. A "bet nothing" self-loop would instead tie with the best
 * action in every state under γ = 1 (its value is {@code v(s)} itself), so greedy policies would
 * pick it, and the Bellman optimality equation would have many solutions (any constant of at least
 * 1 on the non-terminal states).
 */
public final class GamblersProblem implements FiniteMdp {

    /** The capital the book's gambler plays for. */
    public static final int DEFAULT_GOAL = 100;
    /** The probability of heads in the book's Figure 4.3. */
    public static final double DEFAULT_HEADS_PROBABILITY = 0.4;

    private final double headsProbability;
    private final int goal;

    /** The book's problem: goal 100, {@code p_h = 0.4}. */
    public GamblersProblem() {
        this(DEFAULT_HEADS_PROBABILITY, DEFAULT_GOAL);
    }

    /**
     * @param headsProbability {@code p_h}, the probability of heads, in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code headsProbability} is outside {@code [0, 1]}
     */
    public GamblersProblem(double headsProbability) {
        this(headsProbability, DEFAULT_GOAL);
    }

    /**
     * @param headsProbability {@code p_h}, the probability of heads, in {@code [0, 1]}
     * @param goal             the capital that wins, at least 2
     * @throws IllegalArgumentException if {@code headsProbability} is outside {@code [0, 1]} or
     *                                  {@code goal} is below 2
     */
    public GamblersProblem(double headsProbability, int goal) {
        if (!(headsProbability >= 0 && headsProbability <= 1)) {
            throw new IllegalArgumentException("heads probability p_h = " + headsProbability + " is outside [0, 1]");
        }
        if (goal < 2 || goal == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("goal " + goal + " is below 2; expected a capital with room to bet");
        }
        this.headsProbability = headsProbability;
        this.goal = goal;
    }

    /** @return {@code p_h}, the probability of heads */
    public double headsProbability() {
        return headsProbability;
    }

    /** @return the capital that ends the episode with reward +1 */
    public int goal() {
        return goal;
    }

    /** @return 1: the book's task is undiscounted */
    public double gamma() {
        return 1.0;
    }

    /**
     * The stake action {@code action} places in {@code state}.
     *
     * @param state  a capital in {@code [0, goal]}
     * @param action a stake in {@code [0, goal / 2]}
     * @return {@code min(action, state, goal - state)}: 0 in the terminal states, and for action 0,
     *         which forfeits
     * @throws IllegalArgumentException if the state or action is out of range
     */
    public int stake(int state, int action) {
        checkState(state);
        checkAction(action);
        return Math.min(action, Math.min(state, goal - state));
    }

    @Override
    public int stateCount() {
        return goal + 1;
    }

    /** @return {@code goal / 2 + 1}: the stakes {@code 0 .. goal / 2} */
    @Override
    public int actionCount() {
        return goal / 2 + 1;
    }

    /** @return {@code true} for capital 0 and the goal */
    @Override
    public boolean isTerminal(int state) {
        checkState(state);
        return state == 0 || state == goal;
    }

    /**
     * Heads: capital {@code s + b} with probability {@code p_h}, reward +1 if that is the goal;
     * tails: {@code s - b} with probability {@code 1 - p_h}, reward 0; where {@code b} is
     * {@link #stake(int, int)}. Outcomes of probability 0 are left out. Stake 0 goes to capital 0
     * with reward 0; a terminal state loops on itself with reward 0.
     *
     * @throws IllegalArgumentException if the state or action is out of range
     */
    @Override
    public List<Transition> transitions(int state, int action) {
        int stake = stake(state, action);
        if (isTerminal(state)) {
            return List.of(new Transition(state, 1.0, 0.0));
        }
        if (stake == 0) {
            return List.of(new Transition(0, 1.0, 0.0));
        }
        int win = state + stake;
        Transition heads = new Transition(win, headsProbability, win == goal ? 1.0 : 0.0);
        Transition tails = new Transition(state - stake, 1 - headsProbability, 0.0);
        if (headsProbability == 0) {
            return List.of(tails);
        }
        return headsProbability == 1 ? List.of(heads) : List.of(heads, tails);
    }

    private void checkState(int state) {
        if (state < 0 || state > goal) {
            throw new IllegalArgumentException("capital " + state + " is outside [0, " + goal + "]");
        }
    }

    private void checkAction(int action) {
        if (action < 0 || action > goal / 2) {
            throw new IllegalArgumentException("stake action " + action + " is outside [0, " + goal / 2 + "]");
        }
    }

    @Override
    public String toString() {
        return "GamblersProblem(p_h=" + headsProbability + ", goal=" + goal + ")";
    }
}
