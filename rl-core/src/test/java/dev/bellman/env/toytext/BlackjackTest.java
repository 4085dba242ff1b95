package dev.bellman.env.toytext;

import dev.bellman.core.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blackjack as Sutton &amp; Barto's Example 5.1 plays it. */
class BlackjackTest {

    private static final int STICK = Blackjack.STICK;
    private static final int HIT = Blackjack.HIT;

    /** A deck that deals the given cards in order and fails the test if more are drawn. */
    private static IntSupplier stacked(int... cards) {
        int[] next = {0};
        return () -> {
            if (next[0] == cards.length) {
                throw new AssertionError("drew more than the " + cards.length + " stacked cards");
            }
            return cards[next[0]++];
        };
    }

    @Test
    void encodeAndDecodeRoundTripOverAll200States() {
        boolean[] seen = new boolean[200];
        for (int sum = 12; sum <= 21; sum++) {
            for (int card = 1; card <= 10; card++) {
                for (boolean ace : new boolean[] {false, true}) {
                    int observation = Blackjack.encode(sum, card, ace);
                    assertFalse(seen[observation], "observation " + observation + " used twice");
                    seen[observation] = true;
                    assertEquals(sum, Blackjack.playerSum(observation));
                    assertEquals(card, Blackjack.dealerCard(observation));
                    assertEquals(ace, Blackjack.usableAce(observation));
                }
            }
        }
        assertEquals(0, Blackjack.encode(12, 1, false));
        assertEquals(199, Blackjack.encode(21, 10, true));
        assertEquals(113, Blackjack.encode(13, 4, true));
        assertEquals("sum 13, dealer 4, usable ace", Blackjack.describe(113));
        assertEquals("sum 12, dealer ace, no usable ace", Blackjack.describe(0));
    }

    @Test
    void encodeAndDecodeRejectValuesOutOfRangeNamingThem() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Blackjack.encode(11, 3, false)),
                "player sum 11", "[12, 21]");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Blackjack.encode(15, 11, false)),
                "dealer card 11", "[1, 10]");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Blackjack.playerSum(200)),
                "observation 200", "Discrete(200)");
        assertThrows(IllegalArgumentException.class, () -> Blackjack.usableAce(-1));
        assertThrows(IllegalArgumentException.class, () -> Blackjack.dealerCard(-1));
    }

    @Test
    void spacesAreTheBooks200StatesAndTwoActions() {
        Blackjack game = new Blackjack();
        assertEquals(200, game.observationSpace().n());
        assertEquals(2, game.actionSpace().n());
        assertEquals(200, game.startStates().size());
        assertEquals(0, game.startStates().get(0));
        assertEquals(199, game.startStates().get(199));
        assertThrows(UnsupportedOperationException.class, () -> game.startStates().remove(0));
    }

    @Test
    void playerHitsAutomaticallyBelow12() {
        // Player 2, 3; dealer shows 10, hides 7; the player's automatic hits 4, 2, 5 make 16.
        Blackjack game = new Blackjack(stacked(2, 3, 10, 7, 4, 2, 5));

        int observation = game.reset();

        assertEquals(Blackjack.encode(16, 10, false), observation);
    }

    @Test
    void aceCountsElevenWhileThatDoesNotBust() {
        // Player A, 6 = soft 17; dealer 9 and 9 = 18.
        Blackjack game = new Blackjack(stacked(1, 6, 9, 9, 10, 5));
        assertEquals(Blackjack.encode(17, 9, true), game.reset());

        Step<Integer> hit = game.step(HIT);
        assertEquals(Blackjack.encode(17, 9, false), hit.observation(), "A,6,10 is a hard 17");
        assertEquals(0.0, hit.reward(), 0.0);

        Step<Integer> bust = game.step(HIT);
        assertTrue(bust.terminated());
        assertEquals(-1.0, bust.reward(), 0.0);
        assertEquals(Blackjack.encode(17, 9, false), bust.observation(), "the last state acted in");
        assertEquals(22, bust.info().get("playerSum"));
        assertFalse(bust.info().containsKey("dealerSum"), "the dealer does not play after a bust");
    }

    @Test
    void twoAcesMakeSoftTwelve() {
        Blackjack game = new Blackjack(stacked(1, 1, 5, 10));
        assertEquals(Blackjack.encode(12, 5, true), game.reset());
    }

    @Test
    void dealerHitsBelow17() {
        // Player 10, 9 = 19; dealer 6 and 10 = 16, hits 1 -> 17 (hard: 16 + 11 would bust) and sticks.
        Blackjack game = new Blackjack(stacked(10, 9, 6, 10, 1));
        game.reset();

        Step<Integer> stick = game.step(STICK);

        assertEquals(17, stick.info().get("dealerSum"));
        assertEquals(1.0, stick.reward(), 0.0);
        assertTrue(stick.terminated());
    }

    @Test
    void dealerSticksOnSoft17() {
        // Player 10, 7 = 17; dealer A and 6 = soft 17: sticks without drawing (the deck would fail).
        Blackjack game = new Blackjack(stacked(10, 7, 1, 6));
        game.reset();

        Step<Integer> stick = game.step(STICK);

        assertEquals(17, stick.info().get("dealerSum"));
        assertEquals(0.0, stick.reward(), 0.0, "17 against 17 is a draw");
    }

    @Test
    void dealerKeepsHittingAndCanBust() {
        // Player 10, 2 = 12; dealer 2 and 3 = 5, hits 4 (9), then an ace (soft 20) and sticks.
        Blackjack soft = new Blackjack(stacked(10, 2, 2, 3, 4, 1));
        soft.reset();
        Step<Integer> lost = soft.step(STICK);
        assertEquals(20, lost.info().get("dealerSum"));
        assertEquals(-1.0, lost.reward(), 0.0);

        // Dealer 10 and 6 = 16, hits 10: bust, the player wins with 12.
        Blackjack bust = new Blackjack(stacked(10, 2, 10, 6, 10));
        bust.reset();
        Step<Integer> won = bust.step(STICK);
        assertEquals(26, won.info().get("dealerSum"));
        assertEquals(1.0, won.reward(), 0.0);
    }

    @Test
    void naturalBeatsTheDealersThreeCard21() {
        // Player A, 10: a natural. Dealer 10 and 5, hits 6 = 21 with three cards: the natural still wins.
        Blackjack game = new Blackjack(stacked(1, 10, 10, 5, 6));
        int observation = game.reset();
        assertEquals(Blackjack.encode(21, 10, true), observation);

        Step<Integer> stick = game.step(STICK);

        assertEquals(21, stick.info().get("dealerSum"));
        assertEquals(true, stick.info().get("playerNatural"));
        assertEquals(1.0, stick.reward(), 0.0);
    }

    @Test
    void naturalAgainstNaturalIsADraw() {
        Blackjack game = new Blackjack(stacked(10, 1, 1, 10));
        game.reset();

        Step<Integer> stick = game.step(STICK);

        assertEquals(true, stick.info().get("dealerNatural"));
        assertEquals(0.0, stick.reward(), 0.0);
    }

    @Test
    void naturalWinsOneNotOneAndAHalf() {
        Blackjack game = new Blackjack(stacked(1, 10, 9, 9));
        game.reset();
        assertEquals(1.0, game.step(STICK).reward(), 0.0);
    }

    @Test
    void dealersNaturalAgainstAThreeCard21IsADraw() {
        // Player 5, 6 = 11, automatic hit 10 = 21 (three cards); dealer A and 10, a natural.
        Blackjack game = new Blackjack(stacked(5, 6, 1, 10, 10));
        assertEquals(Blackjack.encode(21, 1, false), game.reset());

        Step<Integer> stick = game.step(STICK);

        assertEquals(false, stick.info().get("playerNatural"));
        assertEquals(true, stick.info().get("dealerNatural"));
        assertEquals(0.0, stick.reward(), 0.0);
    }

    @Test
    void hittingANaturalGivesItUp() {
        // Player A, 10 hits 10: hard 21, three cards. Dealer 10 and 5 hits 6: 21, a draw.
        Blackjack game = new Blackjack(stacked(1, 10, 10, 5, 10, 6));
        game.reset();
        assertEquals(Blackjack.encode(21, 10, false), game.step(HIT).observation());

        Step<Integer> stick = game.step(STICK);

        assertEquals(false, stick.info().get("playerNatural"));
        assertEquals(0.0, stick.reward(), 0.0);
    }

    @Test
    void resetToSetsTheStateAndDrawsOnlyTheDealersHiddenCard() {
        // Start at (20, dealer 7, no usable ace); hidden 10 = 17, the dealer sticks: the player wins.
        Blackjack game = new Blackjack(stacked(10));
        int start = Blackjack.encode(20, 7, false);

        assertEquals(start, game.resetTo(start));
        Step<Integer> stick = game.step(STICK);
        assertEquals(17, stick.info().get("dealerSum"));
        assertEquals(1.0, stick.reward(), 0.0);
    }

    @Test
    void resetToAUsableAce21IsNotANatural() {
        // (21, dealer 10, usable ace) chosen as a start; the dealer's 10 + A is a natural: a draw.
        Blackjack game = new Blackjack(stacked(1));
        game.resetTo(Blackjack.encode(21, 10, true));

        Step<Integer> stick = game.step(STICK);

        assertEquals(false, stick.info().get("playerNatural"));
        assertEquals(0.0, stick.reward(), 0.0);
    }

    @Test
    void resetToRejectsStatesOutsideTheSpace() {
        Blackjack game = new Blackjack();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> game.resetTo(200)), "start state 200");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> game.resetTo(null)), "start state null");
    }

    @Test
    void steppingWithoutAGameOrWithABadActionIsRejected() {
        Blackjack game = new Blackjack();
        assertMessage(assertThrows(IllegalStateException.class, () -> game.step(HIT)), "before reset");
        game.reset(1);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> game.step(2)), "action 2", "Discrete(2)");
        game.step(STICK);
        assertMessage(assertThrows(IllegalStateException.class, () -> game.step(STICK)), "game ended");
    }

    @Test
    void sameSeedGivesTheSameGamesAndOtherSeedsOtherGames() {
        List<String> first = play(new Blackjack(), 42, 500);
        List<String> again = play(new Blackjack(), 42, 500);
        List<String> other = play(new Blackjack(), 43, 500);

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    /** Plays {@code games} games with a seeded random agent; records every step. */
    private static List<String> play(Blackjack game, long seed, int games) {
        SplittableRandom agent = new SplittableRandom(seed + 1000);
        List<String> log = new ArrayList<>();
        log.add("start " + game.reset(seed));
        for (int g = 0; g < games; g++) {
            Step<Integer> step;
            do {
                step = game.step(agent.nextInt(2));
                log.add(step.observation() + " " + step.reward() + " " + step.terminated() + " " + step.info());
            } while (!step.done());
            log.add("start " + game.reset());
        }
        return log;
    }

    @Test
    void rewardsAreMinusOneZeroOrOneAndOnlyAtTheEnd() {
        Blackjack game = new Blackjack();
        SplittableRandom agent = new SplittableRandom(7);
        Map<Double, Integer> finalRewards = new HashMap<>();
        game.reset(7);
        for (int g = 0; g < 20_000; g++) {
            int observation = g % 2 == 0 ? game.reset() : game.resetTo(agent.nextInt(200));
            Step<Integer> step;
            do {
                assertTrue(game.observationSpace().contains(observation));
                step = game.step(agent.nextInt(2));
                assertFalse(step.truncated());
                if (!step.done()) {
                    assertEquals(0.0, step.reward(), 0.0);
                }
                observation = step.observation();
            } while (!step.done());
            assertTrue(game.observationSpace().contains(step.observation()));
            finalRewards.merge(step.reward(), 1, Integer::sum);
        }
        assertEquals(List.of(-1.0, 0.0, 1.0), finalRewards.keySet().stream().sorted().toList(),
                "every final reward is -1, 0 or +1, and each occurs");
    }

    @Test
    void stickOn20Or21PolicyMatchesItsExactValue() {
        // Sutton & Barto Fig. 5.1 evaluates the policy "stick on 20 or 21, else hit" by Monte Carlo.
        // Its exact value from a state follows from the infinite deck: the player's final sum by
        // recursion over the cards (1..9 w.p. 1/13, 10 w.p. 4/13), the dealer's final sum likewise
        // (hit below 17), then win/draw/lose by comparison. For (13, dealer 2, no usable ace) this
        // gives -0.57738 and for (15, dealer 7, usable ace) -0.30337 (computed below, and
        // independently in Python). 100 000 episodes give a standard error of at most
        // 1/sqrt(100 000) = 0.0032 (returns lie in [-1, 1]); the band 0.015 is about 4.7 of them.
        assertEquals(-0.5773768841698869, ExactBlackjack.value(13, 2, false), 1e-12);
        assertEquals(-0.3033651961959853, ExactBlackjack.value(15, 7, true), 1e-12);

        Blackjack game = new Blackjack();
        game.reset(2024);
        for (int[] state : new int[][] {{13, 2, 0}, {15, 7, 1}}) {
            int start = Blackjack.encode(state[0], state[1], state[2] == 1);
            double total = 0;
            int episodes = 100_000;
            for (int e = 0; e < episodes; e++) {
                int observation = game.resetTo(start);
                Step<Integer> step;
                do {
                    step = game.step(Blackjack.playerSum(observation) >= 20 ? STICK : HIT);
                    observation = step.observation();
                } while (!step.done());
                total += step.reward();
            }
            double exact = ExactBlackjack.value(state[0], state[1], state[2] == 1);
            assertEquals(exact, total / episodes, 0.015, Blackjack.describe(start));
        }
    }

    /** The exact value of "stick on 20 or 21" by recursion over an infinite deck, for starts that are not naturals. */
    private static final class ExactBlackjack {

        private static double cardProbability(int card) {
            return card == 10 ? 4.0 / 13 : 1.0 / 13;
        }

        /** {@code {sum, usable}} after adding {@code card}; sums above 21 are busts. */
        private static int[] add(int sum, boolean usable, int card) {
            int total = sum;
            boolean soft = usable;
            if (card == 1 && total + 11 <= 21) {
                total += 11;
                soft = true;
            } else {
                total += card;
            }
            if (total > 21 && soft) {
                total -= 10;
                soft = false;
            }
            return new int[] {total, soft ? 1 : 0};
        }

        /** Distribution of the final sum (index 22 = bust) of a hand hitting while below {@code stopAt}. */
        private static double[] finalSums(int sum, boolean usable, int stopAt, int cards) {
            double[] result = new double[23];
            if (sum >= stopAt && cards >= 2) {
                result[sum] = 1;
                return result;
            }
            for (int card = 1; card <= 10; card++) {
                int[] next = add(sum, usable, card);
                if (next[0] > 21) {
                    result[22] += cardProbability(card);
                    continue;
                }
                double[] after = finalSums(next[0], next[1] == 1, stopAt, cards + 1);
                for (int s = 0; s < 23; s++) {
                    result[s] += cardProbability(card) * after[s];
                }
            }
            return result;
        }

        static double value(int playerSum, int dealerCard, boolean usableAce) {
            double[] player = finalSums(playerSum, usableAce, 20, 2);
            int[] shown = add(0, false, dealerCard);
            double[] dealer = finalSums(shown[0], shown[1] == 1, 17, 1);
            double value = -player[22];
            for (int p = 20; p <= 21; p++) {
                for (int d = 17; d <= 22; d++) {
                    double outcome = d == 22 || p > d ? 1 : p == d ? 0 : -1;
                    value += player[p] * dealer[d] * outcome;
                }
            }
            return value;
        }
    }

    private static void assertMessage(RuntimeException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }
}
