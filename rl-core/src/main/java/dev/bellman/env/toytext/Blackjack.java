package dev.bellman.env.toytext;

import dev.bellman.core.Environment;
import dev.bellman.core.ExploringStarts;
import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.SplitMixRandom;
import dev.bellman.core.space.DiscreteSpace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Blackjack as Sutton &amp; Barto's Example 5.1 plays it: one player against the dealer, an infinite
 * deck (each draw is 1 (ace) to 9 with probability 1/13 each, or 10 with probability 4/13 for the
 * ten, jack, queen and king), no betting, doubling or splitting.
 *
 * <p>The player gets two cards and the dealer two, one of them face up. While the player's sum is
 * below 12 the player hits automatically (no decision there matters). The player then chooses
 * {@link #STICK} or {@link #HIT}; going past 21 loses ({@code -1}). After sticking, the dealer hits
 * until its sum is 17 or more (soft 17 included) and sticks; a dealer past 21 loses ({@code +1}),
 * otherwise the sum closer to 21 wins ({@code +1}, {@code 0} for a draw, {@code -1}). An ace counts
 * 11 while that keeps the hand at 21 or below (a <em>usable</em> ace), 1 otherwise. A
 * <em>natural</em> (ace and ten-card as the first two cards) that the player sticks on wins
 * ({@code +1}, not the casino's 1.5) unless the dealer also holds a natural, which is a draw; a
 * dealer's natural against the player's 21 of three or more cards is just 21, a draw. The player
 * with a natural still acts (hitting gives it up). All rewards come at the end: {@code -1, 0, +1}.
 *
 * <p>Observations are the book's 200 states, encoded in {@code Discrete(200)} by
 * {@link #encode(int, int, boolean)}: {@code 100 * usableAce + 10 * (playerSum - 12) + (dealerCard - 1)}
 * for the player's sum 12..21, the dealer's face-up card 1..10 (1 = ace) and whether the player
 * holds a usable ace; {@link #playerSum(int)}, {@link #dealerCard(int)} and {@link #usableAce(int)}
 * decode it. When an episode ends the observation stays that of the last state the player acted in
 * (a bust hand has no observation); the final step's info map tells {@code "playerSum"},
 * {@code "dealerSum"} (absent if the dealer did not play), {@code "playerNatural"} and
 * {@code "dealerNatural"}.
 *
 * <p>As {@link ExploringStarts} (Sutton &amp; Barto Sec. 5.3), an episode may start in any of the
 * 200 states: the player's sum and ace and the dealer's face-up card are set, and the dealer's
 * hidden card is drawn from the environment's stream. Such a start is never a natural, since the
 * player's cards are not dealt. All randomness comes from a {@link SplitMixRandom} (the stream of {@code java.util.SplittableRandom}) seeded by
 * {@link #reset(long)}.
 */
public final class Blackjack implements Environment<Integer, Integer>, ExploringStarts<Integer>, Checkpointable {

    /** The action that ends the player's turn. */
    public static final int STICK = 0;
    /** The action that draws a card. */
    public static final int HIT = 1;
    /** The number of observations: 10 player sums × 10 dealer cards × usable ace or not. */
    public static final int OBSERVATION_COUNT = 200;

    private static final DiscreteSpace OBSERVATIONS = new DiscreteSpace(OBSERVATION_COUNT);
    private static final DiscreteSpace ACTIONS = new DiscreteSpace(2);
    private static final List<Integer> START_STATES;

    static {
        List<Integer> all = new ArrayList<>(OBSERVATION_COUNT);
        for (int observation = 0; observation < OBSERVATION_COUNT; observation++) {
            all.add(observation);
        }
        START_STATES = Collections.unmodifiableList(all);
    }

    private final IntSupplier deck;
    private SplitMixRandom rng = new SplitMixRandom(0);

    private int playerSum;
    private boolean playerUsableAce;
    private boolean playerNatural;
    private int dealerCard;
    private int dealerHidden;
    private int observation = -1;
    private boolean done = true;

    /** A game with an infinite deck drawn from the environment's own seeded stream. */
    public Blackjack() {
        this.deck = this::drawFromStream;
    }

    /**
     * A game dealt from {@code deck} instead of the random stream, for tests that need given cards.
     *
     * @param deck gives the next card, 1..10, each time it is called
     */
    Blackjack(IntSupplier deck) {
        this.deck = deck;
    }

    /**
     * Encodes a state.
     *
     * @param playerSum  the player's sum, 12..21
     * @param dealerCard the dealer's face-up card, 1 (ace) .. 10
     * @param usableAce  whether the player holds an ace counted as 11
     * @return {@code 100 * usableAce + 10 * (playerSum - 12) + (dealerCard - 1)}, in {@code [0, 200)}
     * @throws IllegalArgumentException naming the value, if the sum or the card is out of range
     */
    public static int encode(int playerSum, int dealerCard, boolean usableAce) {
        if (playerSum < 12 || playerSum > 21) {
            throw new IllegalArgumentException("player sum " + playerSum + " is outside [12, 21]");
        }
        if (dealerCard < 1 || dealerCard > 10) {
            throw new IllegalArgumentException("dealer card " + dealerCard + " is outside [1, 10] (1 = ace)");
        }
        return (usableAce ? 100 : 0) + 10 * (playerSum - 12) + (dealerCard - 1);
    }

    /**
     * @param observation an encoded state in {@code [0, 200)}
     * @return the player's sum, 12..21
     * @throws IllegalArgumentException if the observation is outside {@code [0, 200)}
     */
    public static int playerSum(int observation) {
        return 12 + OBSERVATIONS.require(observation, "observation") % 100 / 10;
    }

    /**
     * @param observation an encoded state in {@code [0, 200)}
     * @return the dealer's face-up card, 1 (ace) .. 10
     * @throws IllegalArgumentException if the observation is outside {@code [0, 200)}
     */
    public static int dealerCard(int observation) {
        return 1 + OBSERVATIONS.require(observation, "observation") % 10;
    }

    /**
     * @param observation an encoded state in {@code [0, 200)}
     * @return whether the player holds a usable ace
     * @throws IllegalArgumentException if the observation is outside {@code [0, 200)}
     */
    public static boolean usableAce(int observation) {
        return OBSERVATIONS.require(observation, "observation") >= 100;
    }

    /**
     * @param observation an encoded state in {@code [0, 200)}
     * @return the state as text, e.g. {@code "sum 13, dealer 2, no usable ace"}
     * @throws IllegalArgumentException if the observation is outside {@code [0, 200)}
     */
    public static String describe(int observation) {
        int card = dealerCard(observation);
        return "sum " + playerSum(observation) + ", dealer " + (card == 1 ? "ace" : String.valueOf(card))
                + (usableAce(observation) ? ", usable ace" : ", no usable ace");
    }

    @Override
    public DiscreteSpace observationSpace() {
        return OBSERVATIONS;
    }

    /** @return {@code Discrete(2)}: {@link #STICK} = 0, {@link #HIT} = 1 */
    @Override
    public DiscreteSpace actionSpace() {
        return ACTIONS;
    }

    @Override
    public Integer reset(long seed) {
        rng = new SplitMixRandom(seed);
        return reset();
    }

    /**
     * Deals a new game from the stream: the player's two cards, the dealer's face-up and hidden
     * cards, then the player's automatic hits below 12.
     */
    @Override
    public Integer reset() {
        playerSum = 0;
        playerUsableAce = false;
        addPlayerCard(deck.getAsInt());
        addPlayerCard(deck.getAsInt());
        playerNatural = playerSum == 21;
        dealerCard = card(deck.getAsInt());
        dealerHidden = card(deck.getAsInt());
        while (playerSum < 12) {
            addPlayerCard(deck.getAsInt());
        }
        done = false;
        observation = encode(playerSum, dealerCard, playerUsableAce);
        return observation;
    }

    /** @return the 200 observations, in order; unmodifiable */
    @Override
    public List<Integer> startStates() {
        return START_STATES;
    }

    /**
     * Starts a game in the given state; only the dealer's hidden card is drawn.
     *
     * @param state an observation in {@code [0, 200)}
     * @return {@code state}
     * @throws IllegalArgumentException naming the state, if it is {@code null} or outside {@code [0, 200)}
     */
    @Override
    public Integer resetTo(Integer state) {
        int start = OBSERVATIONS.require(state, "start state");
        playerSum = playerSum(start);
        playerUsableAce = usableAce(start);
        playerNatural = false;
        dealerCard = dealerCard(start);
        dealerHidden = card(deck.getAsInt());
        done = false;
        observation = start;
        return observation;
    }

    /**
     * Plays the player's action: {@link #HIT} draws a card (reward −1 and the end if the sum passes
     * 21, else 0); {@link #STICK} lets the dealer play and ends the game with −1, 0 or +1.
     *
     * @param action {@link #STICK} (0) or {@link #HIT} (1)
     * @throws IllegalArgumentException if the action is neither
     * @throws IllegalStateException    if no game is running (never reset, or over)
     */
    @Override
    public Step<Integer> step(Integer action) {
        if (done) {
            throw new IllegalStateException(observation < 0
                    ? "step called before reset; call reset(seed) first"
                    : "step called after the game ended; call reset() first");
        }
        int move = ACTIONS.require(action, "action");
        if (move == HIT) {
            addPlayerCard(deck.getAsInt());
            playerNatural = false;
            if (playerSum > 21) {
                done = true;
                return new Step<>(observation, -1.0, true, false, Map.of("playerSum", playerSum,
                        "playerNatural", false, "dealerNatural", isNatural(dealerCard, dealerHidden)));
            }
            observation = encode(playerSum, dealerCard, playerUsableAce);
            return new Step<>(observation, 0.0, false, false);
        }
        boolean dealerNatural = isNatural(dealerCard, dealerHidden);
        int dealerSum = playDealer();
        double reward;
        if (playerNatural) {
            reward = dealerNatural ? 0.0 : 1.0;
        } else if (dealerSum > 21 || playerSum > dealerSum) {
            reward = 1.0;
        } else {
            reward = playerSum == dealerSum ? 0.0 : -1.0;
        }
        done = true;
        return new Step<>(observation, reward, true, false, Map.of("playerSum", playerSum, "dealerSum", dealerSum,
                "playerNatural", playerNatural, "dealerNatural", dealerNatural));
    }

    /** The dealer's policy: hit until the sum is 17 or more, soft 17 included. */
    private int playDealer() {
        int sum = 0;
        boolean usableAce = false;
        int[] cards = {dealerCard, dealerHidden};
        for (int i = 0; ; i++) {
            int card = i < 2 ? cards[i] : card(deck.getAsInt());
            if (card == 1 && sum + 11 <= 21) {
                sum += 11;
                usableAce = true;
            } else {
                sum += card;
                if (sum > 21 && usableAce) {
                    sum -= 10;
                    usableAce = false;
                }
            }
            if (i >= 1 && sum >= 17) {
                return sum;
            }
        }
    }

    private void addPlayerCard(int drawn) {
        int card = card(drawn);
        if (card == 1 && playerSum + 11 <= 21) {
            playerSum += 11;
            playerUsableAce = true;
        } else {
            playerSum += card;
            if (playerSum > 21 && playerUsableAce) {
                playerSum -= 10;
                playerUsableAce = false;
            }
        }
    }

    private static boolean isNatural(int first, int second) {
        return first + second == 11 && (first == 1 || second == 1);
    }

    private static int card(int card) {
        if (card < 1 || card > 10) {
            throw new IllegalStateException("deck gave card " + card + "; expected 1..10");
        }
        return card;
    }

    private int drawFromStream() {
        return Math.min(10, rng.nextInt(13) + 1);
    }

    @Override
    public String toString() {
        return "Blackjack(Sutton & Barto Example 5.1)";
    }

    /** Writes the hands, the observation, whether the episode is over and the random stream's state. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.section("Blackjack");
        out.writeRandom(rng);
        out.writeInt(playerSum);
        out.writeBoolean(playerUsableAce);
        out.writeBoolean(playerNatural);
        out.writeInt(dealerCard);
        out.writeInt(dealerHidden);
        out.writeInt(observation);
        out.writeBoolean(done);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        in.section("Blackjack");
        in.readRandom(rng);
        playerSum = in.readInt();
        playerUsableAce = in.readBoolean();
        playerNatural = in.readBoolean();
        dealerCard = in.readInt();
        dealerHidden = in.readInt();
        observation = in.readInt();
        done = in.readBoolean();
    }
}
