package dev.bellman.tabular.mc;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.space.Space;
import dev.bellman.env.toytext.Blackjack;

/** What the Blackjack tests compare with: Sutton &amp; Barto's Figure 5.2 and Example 5.4. */
final class BlackjackReference {

    private BlackjackReference() {
    }

    /**
     * The optimal policy {@code pi*} of Sutton &amp; Barto Figure 5.2 (found there by Monte Carlo ES),
     * as the book draws it. Usable ace: stick on 19 or more, and on 18 when the dealer shows 2..8;
     * hit otherwise. No usable ace: stick on 17 or more; on 13..16 stick when the dealer shows 2..6;
     * on 12 stick when the dealer shows 4..6; hit otherwise (an ace showing counts as 1 here, so it
     * is never in 2..6).
     */
    static int figure5_2(int observation) {
        int sum = Blackjack.playerSum(observation);
        int dealer = Blackjack.dealerCard(observation);
        if (Blackjack.usableAce(observation)) {
            boolean stick = sum >= 19 || (sum == 18 && dealer >= 2 && dealer <= 8);
            return stick ? Blackjack.STICK : Blackjack.HIT;
        }
        boolean stick = sum >= 17
                || (sum >= 13 && dealer >= 2 && dealer <= 6)
                || (sum == 12 && dealer >= 4 && dealer <= 6);
        return stick ? Blackjack.STICK : Blackjack.HIT;
    }

    /** @return how many of the 200 states {@code policy} acts in as Figure 5.2 does */
    static int agreementWithFigure5_2(TabularPolicy policy) {
        int agree = 0;
        for (int s = 0; s < Blackjack.OBSERVATION_COUNT; s++) {
            if (policy.mostProbableAction(s) == figure5_2(s)) {
                agree++;
            }
        }
        return agree;
    }

    /** Sutton &amp; Barto Example 5.4's target policy: stick on 20 and 21, hit otherwise. */
    static TabularPolicy sticksOn20() {
        int[] actions = new int[Blackjack.OBSERVATION_COUNT];
        for (int s = 0; s < actions.length; s++) {
            actions[s] = Blackjack.playerSum(s) >= 20 ? Blackjack.STICK : Blackjack.HIT;
        }
        return TabularPolicy.deterministic(actions, 2);
    }

    /**
     * Blackjack in which every game starts in {@code state} (Example 5.4: sum 13 with a usable ace,
     * dealer showing 2); the dealer's hidden card and all later cards come from the game's stream.
     */
    static Environment<Integer, Integer> startingIn(int state) {
        Blackjack game = new Blackjack();
        return new Environment<>() {
            @Override
            public Space<Integer> observationSpace() {
                return game.observationSpace();
            }

            @Override
            public Space<Integer> actionSpace() {
                return game.actionSpace();
            }

            @Override
            public Integer reset(long seed) {
                game.reset(seed);
                return game.resetTo(state);
            }

            @Override
            public Integer reset() {
                return game.resetTo(state);
            }

            @Override
            public Step<Integer> step(Integer action) {
                return game.step(action);
            }
        };
    }
}
