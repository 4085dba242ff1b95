package dev.bellman.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TabularModelTest {

    /**
     * Two states, two actions, hand-computed numbers:
     * (0,0): 0 w.p. 0.5 reward 1, 1 w.p. 0.5 reward 3   -> r = 2
     * (0,1): 1 w.p. 1 reward -2                          -> r = -2
     * (1,0): 1 w.p. 1 reward 0                           -> r = 0
     * (1,1): 0 w.p. 0.25 reward 4, 1 w.p. 0.75 reward 0 -> r = 1
     */
    private static ListMdp twoStateMdp() {
        return ListMdp.rows(2, 2)
                .add(0, 0, 0, 0.5, 1).add(0, 0, 1, 0.5, 3)
                .add(0, 1, 1, 1.0, -2)
                .add(1, 0, 1, 1.0, 0)
                .add(1, 1, 0, 0.25, 4).add(1, 1, 1, 0.75, 0)
                .build();
    }

    @Test
    void compiledModelKeepsCountsAndOutcomeLayout() {
        TabularModel model = TabularModel.of(twoStateMdp());

        assertEquals(2, model.stateCount());
        assertEquals(2, model.actionCount());
        assertEquals(6, model.transitionCount());
        assertEquals(0, model.transitionStart(0, 0));
        assertEquals(2, model.transitionEnd(0, 0));
        assertEquals(2, model.transitionStart(0, 1));
        assertEquals(3, model.transitionEnd(0, 1));
        assertEquals(4, model.transitionStart(1, 1));
        assertEquals(6, model.transitionEnd(1, 1));
        int k = model.transitionStart(1, 1);
        assertEquals(0, model.nextState(k));
        assertEquals(0.25, model.probability(k), 0.0);
        assertEquals(4.0, model.reward(k), 0.0);
    }

    @Test
    void expectedRewardIsProbabilityWeightedSum() {
        TabularModel model = TabularModel.of(twoStateMdp());

        assertEquals(2.0, model.expectedReward(0, 0), 1e-12);
        assertEquals(-2.0, model.expectedReward(0, 1), 1e-12);
        assertEquals(0.0, model.expectedReward(1, 0), 1e-12);
        assertEquals(1.0, model.expectedReward(1, 1), 1e-12);
    }

    @Test
    void backupComputesRewardPlusDiscountedExpectedNextValue() {
        TabularModel model = TabularModel.of(twoStateMdp());
        double[] v = {10, 20};

        // 2 + 0.9 * (0.5 * 10 + 0.5 * 20) = 15.5
        assertEquals(15.5, model.backup(0, 0, 0.9, v), 1e-12);
        // -2 + 0.9 * 20 = 16
        assertEquals(16.0, model.backup(0, 1, 0.9, v), 1e-12);
        // 1 + 0.5 * (0.25 * 10 + 0.75 * 20) = 9.75
        assertEquals(9.75, model.backup(1, 1, 0.5, v), 1e-12);
        // gamma 0 leaves the expected immediate reward
        assertEquals(1.0, model.backup(1, 1, 0.0, v), 1e-12);
    }

    @Test
    void transitionsRoundTripInSourceOrder() {
        ListMdp source = twoStateMdp();
        TabularModel model = TabularModel.of(source);

        for (int s = 0; s < 2; s++) {
            for (int a = 0; a < 2; a++) {
                assertEquals(source.transitions(s, a), model.transitions(s, a), "pair (" + s + ", " + a + ")");
            }
        }
    }

    @Test
    void transitionsListIsUnmodifiable() {
        List<Transition> outcomes = TabularModel.of(twoStateMdp()).transitions(0, 0);

        assertThrows(UnsupportedOperationException.class, () -> outcomes.add(new Transition(0, 1, 0)));
    }

    @Test
    void transitionsRejectOutOfRangeStateAndAction() {
        TabularModel model = TabularModel.of(twoStateMdp());

        IllegalArgumentException state = assertThrows(IllegalArgumentException.class, () -> model.transitions(2, 0));
        assertTrue(state.getMessage().contains("state 2"), state.getMessage());
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class, () -> model.transitions(0, -1));
        assertTrue(action.getMessage().contains("action -1"), action.getMessage());
    }

    @Test
    void ofReturnsSameInstanceForCompiledModel() {
        TabularModel model = TabularModel.of(twoStateMdp());

        assertSame(model, TabularModel.of(model));
    }

    @Test
    void terminalFlagsAreCopiedFromSource() {
        ListMdp mdp = ListMdp.rows(3, 1).always(0, 1, 0).always(1, 2, 0).always(2, 2, 0).terminal(2).build();
        TabularModel model = TabularModel.of(mdp);

        assertFalse(model.isTerminal(0));
        assertFalse(model.isTerminal(1));
        assertTrue(model.isTerminal(2));
    }

    @Test
    void probabilitiesNotSummingToOneAreRejectedNamingStateAndAction() {
        ListMdp mdp = ListMdp.rows(2, 2)
                .always(0, 0, 0)
                .add(1, 0, 0, 0.5, 0).add(1, 0, 1, 0.4, 0)
                .add(1, 1, 1, 1.0, 0)
                .build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(mdp));
        assertTrue(e.getMessage().contains("state 1, action 0"), e.getMessage());
        assertTrue(e.getMessage().contains("sum to 0.9"), e.getMessage());
    }

    @Test
    void probabilitySumWithinToleranceIsAcceptedAndBeyondIsRejected() {
        ListMdp within = ListMdp.rows(1, 1).add(0, 0, 0, 0.6, 0).add(0, 0, 0, 0.4 + 5e-10, 0).build();
        ListMdp beyond = ListMdp.rows(1, 1).add(0, 0, 0, 0.6, 0).add(0, 0, 0, 0.4 + 5e-9, 0).build();

        assertEquals(1, TabularModel.of(within).stateCount());
        assertThrows(IllegalArgumentException.class, () -> TabularModel.of(beyond));
    }

    @Test
    void negativeProbabilityIsRejectedEvenWhenSumIsOne() {
        ListMdp mdp = ListMdp.rows(1, 2)
                .add(0, 0, 0, 1.0, 0)
                .add(0, 1, 0, 1.5, 0).add(0, 1, 0, -0.5, 0)
                .build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(mdp));
        assertTrue(e.getMessage().contains("state 0, action 1"), e.getMessage());
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
    }

    @Test
    void nanProbabilityIsRejected() {
        ListMdp mdp = ListMdp.rows(1, 1).add(0, 0, 0, Double.NaN, 0).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(mdp));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void nextStateOutOfRangeIsRejected() {
        ListMdp high = ListMdp.rows(2, 1).always(0, 1, 0).add(1, 0, 7, 1.0, 0).build();
        ListMdp negative = ListMdp.rows(2, 1).add(0, 0, -1, 1.0, 0).always(1, 1, 0).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(high));
        assertTrue(e.getMessage().contains("state 1, action 0"), e.getMessage());
        assertTrue(e.getMessage().contains("next state 7"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(negative));
        assertTrue(n.getMessage().contains("next state -1"), n.getMessage());
    }

    @Test
    void nonFiniteRewardIsRejected() {
        ListMdp nan = ListMdp.rows(1, 2).add(0, 0, 0, 1.0, 0).add(0, 1, 0, 1.0, Double.NaN).build();
        ListMdp infinite = ListMdp.rows(1, 1).add(0, 0, 0, 1.0, Double.NEGATIVE_INFINITY).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(nan));
        assertTrue(e.getMessage().contains("state 0, action 1"), e.getMessage());
        assertTrue(e.getMessage().contains("reward NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TabularModel.of(infinite));
    }

    @Test
    void pairWithoutTransitionsIsRejected() {
        ListMdp empty = ListMdp.rows(2, 2).always(0, 0, 0).add(1, 0, 1, 1.0, 0).build();
        ListMdp nullList = new ListMdp(1, 1, java.util.Collections.singletonList(null));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(empty));
        assertTrue(e.getMessage().contains("state 1, action 1"), e.getMessage());
        assertTrue(e.getMessage().contains("no transitions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TabularModel.of(nullList));
    }

    @Test
    void modelWithoutStatesOrActionsIsRejected() {
        IllegalArgumentException states = assertThrows(IllegalArgumentException.class,
                () -> TabularModel.of(new ListMdp(0, 2, List.of())));
        assertTrue(states.getMessage().contains("0 states"), states.getMessage());
        IllegalArgumentException actions = assertThrows(IllegalArgumentException.class,
                () -> TabularModel.of(new ListMdp(3, 0, List.of())));
        assertTrue(actions.getMessage().contains("0 actions"), actions.getMessage());
    }

    @Test
    void everyStateOfChainReachesTerminal() {
        // 0 -> 1 -> 2 (terminal)
        TabularModel model = TabularModel.of(
                ListMdp.rows(3, 1).always(0, 1, -1).always(1, 2, -1).always(2, 2, 0).terminal(2).build());

        assertEquals(-1, model.firstStateNotReachingTerminal(null));
    }

    @Test
    void firstStateNotReachingTerminalIsSmallestTrappedState() {
        // 0 -> 3 (trap loop), 1 -> 2 (terminal), 3 -> 3, 4 -> 1: states 0 and 3 never reach 2.
        TabularModel model = TabularModel.of(ListMdp.rows(5, 1)
                .always(0, 3, 0).always(1, 2, 0).always(2, 2, 0).always(3, 3, 0).always(4, 1, 0)
                .terminal(2).build());

        assertEquals(0, model.firstStateNotReachingTerminal(null));
    }

    @Test
    void trappedStateIsFoundAfterReachingOnes() {
        // 0 -> 1 -> 0 (loop, no exit), 2 terminal; states 0 and 1 are trapped. With 0 reaching: only 1.
        TabularModel loop = TabularModel.of(ListMdp.rows(3, 1)
                .always(0, 1, 0).always(1, 0, 0).always(2, 2, 0).terminal(2).build());
        TabularModel oneTrapped = TabularModel.of(ListMdp.rows(3, 1)
                .always(0, 2, 0).always(1, 1, 0).always(2, 2, 0).terminal(2).build());

        assertEquals(0, loop.firstStateNotReachingTerminal(null));
        assertEquals(1, oneTrapped.firstStateNotReachingTerminal(null));
    }

    @Test
    void disallowedActionsAreNotUsedToReachTerminal() {
        // state 0: action 0 -> terminal 1, action 1 -> stays in 0
        TabularModel model = TabularModel.of(ListMdp.rows(2, 2)
                .add(0, 0, 1, 1.0, 0).add(0, 1, 0, 1.0, 0).always(1, 1, 0).terminal(1).build());

        assertEquals(-1, model.firstStateNotReachingTerminal(null));
        assertEquals(-1, model.firstStateNotReachingTerminal(new boolean[][] {{true, false}, {true, true}}));
        assertEquals(0, model.firstStateNotReachingTerminal(new boolean[][] {{false, true}, {true, true}}));
    }

    @Test
    void zeroProbabilityEdgeDoesNotCountAsReaching() {
        TabularModel model = TabularModel.of(ListMdp.rows(2, 1)
                .add(0, 0, 1, 0.0, 0).add(0, 0, 0, 1.0, 0).always(1, 1, 0).terminal(1).build());

        assertEquals(0, model.firstStateNotReachingTerminal(null));
    }

    @Test
    void stochasticPathToTerminalCounts() {
        // 0 -> {0 w.p. 0.9, 1 w.p. 0.1}, 1 -> terminal 2
        TabularModel model = TabularModel.of(ListMdp.rows(3, 1)
                .add(0, 0, 0, 0.9, 0).add(0, 0, 1, 0.1, 0).always(1, 2, 0).always(2, 2, 0).terminal(2).build());

        assertEquals(-1, model.firstStateNotReachingTerminal(null));
    }

    @Test
    void modelWithoutTerminalStatesHasStateZeroNotReaching() {
        TabularModel model = TabularModel.of(twoStateMdp());

        assertEquals(0, model.firstStateNotReachingTerminal(null));
    }

    @Test
    void checkStateAndCheckActionNameTheValueAndRange() {
        TabularModel model = TabularModel.of(twoStateMdp());

        model.checkState(1);
        model.checkAction(1);
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> model.checkState(2));
        assertEquals("state 2 is outside [0, 1]", s.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> model.checkAction(5));
        assertEquals("action 5 is outside [0, 1]", a.getMessage());
    }
}
