package dev.bellman.env.grid;

import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slip noise: with probability p the chosen action is replaced by a uniformly random one. */
class GridWorldSlipTest {

    /** S at (0,0): up and left bump (-1), right enters forbidden (-1), down is free (0), stay 0. */
    private static final String MAP = "S#.\n.W.\n..T";

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 1.0})
    void transitionProbabilitiesSumToOneForEveryPair(double slip) {
        GridWorld world = GridWorld.builder(MAP).slip(slip).build();

        for (int s = 0; s < world.stateCount(); s++) {
            for (int a = 0; a < world.actionCount(); a++) {
                double sum = 0;
                for (Transition t : world.transitions(s, a)) {
                    assertTrue(t.probability() > 0, "no zero-probability outcome is listed");
                    sum += t.probability();
                }
                assertEquals(1.0, sum, 1e-12, "state " + s + ", action " + a);
            }
        }
        assertEquals(world.stateCount(), TabularModel.of(world).stateCount());
    }

    @Test
    void slipOutcomesAreMergedWithHandComputedProbabilities() {
        // From (0,0) choosing RIGHT with slip 0.3: 0.7 + 0.3/5 to the forbidden cell; the two bumps
        // (up, left) share (0, -1): 2 * 0.06; down 0.06; stay (0, 0) 0.06.
        GridWorld world = GridWorld.builder(MAP).slip(0.3).build();

        List<Transition> outcomes = world.transitions(0, GridAction.RIGHT.ordinal());

        assertEquals(4, outcomes.size());
        Map<String, Double> byOutcome = byOutcome(outcomes);
        assertEquals(0.76, byOutcome.get("1/-1.0"), 1e-12);
        assertEquals(0.12, byOutcome.get("0/-1.0"), 1e-12);
        assertEquals(0.06, byOutcome.get("3/0.0"), 1e-12);
        assertEquals(0.06, byOutcome.get("0/0.0"), 1e-12);
    }

    @Test
    void fullSlipIgnoresTheChosenAction() {
        GridWorld world = GridWorld.builder(MAP).slip(1.0).build();

        for (int a = 0; a < 5; a++) {
            assertEquals(byOutcome(world.transitions(0, 0)), byOutcome(world.transitions(0, a)));
        }
        assertEquals(0.4, byOutcome(world.transitions(0, 2)).get("0/-1.0"), 1e-12);
    }

    @Test
    void empiricalNextStateFrequenciesMatchTransitionProbabilities() {
        GridWorld world = GridWorld.builder(MAP).slip(0.3).build();
        int action = GridAction.RIGHT.ordinal();
        Map<String, Double> expected = byOutcome(world.transitions(0, action));
        int n = 40_000;
        Map<String, Integer> counts = new HashMap<>();
        world.reset(2024);
        for (int i = 0; i < n; i++) {
            world.reset(); // back to S = (0,0); the random stream continues
            var step = world.step(action);
            counts.merge(step.observation() + "/" + step.reward(), 1, Integer::sum);
        }

        assertEquals(expected.keySet(), counts.keySet(), "only modelled outcomes occur");
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            double p = e.getValue();
            // Five binomial standard deviations: a correct sampler fails with probability < 1e-6.
            double band = 5 * Math.sqrt(p * (1 - p) / n);
            assertEquals(p, counts.get(e.getKey()) / (double) n, band, "outcome " + e.getKey());
        }
    }

    @Test
    void fourActionSlipSpreadsOverFourActions() {
        GridWorld world = GridWorld.builder("...\n.S.\n..T").withStay(false).slip(0.2).build();
        int centre = world.state(1, 1);

        Map<String, Double> outcomes = byOutcome(world.transitions(centre, GridAction.UP.ordinal()));
        assertEquals(0.85, outcomes.get(world.state(0, 1) + "/0.0"), 1e-12);
        assertEquals(0.05, outcomes.get(world.state(1, 2) + "/0.0"), 1e-12);
        assertEquals(0.05, outcomes.get(world.state(2, 1) + "/0.0"), 1e-12);
        assertEquals(0.05, outcomes.get(world.state(1, 0) + "/0.0"), 1e-12);
        assertEquals(0.2, world.slip(), 0.0);
    }

    @Test
    void slipOutsideUnitIntervalIsRejected() {
        for (double bad : new double[] {-0.1, 1.01, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GridWorld.builder(MAP).slip(bad));
            assertEquals("slip probability " + bad + " is outside [0, 1]", e.getMessage());
        }
    }

    private static Map<String, Double> byOutcome(List<Transition> outcomes) {
        Map<String, Double> map = new HashMap<>();
        for (Transition t : outcomes) {
            map.merge(t.nextState() + "/" + t.reward(), t.probability(), Double::sum);
        }
        return map;
    }
}
