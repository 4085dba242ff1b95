package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.Policy;
import dev.bellman.core.TrainingListener;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LSPI on Lagoudakis &amp; Parr's chain walk, and its configuration checks. */
class LspiTest {

    private static final LearnerSettings CHAIN = LearnerSettings.builder().gamma(0.9).seed(3).build();

    private static Lspi<Integer> chainLspi() {
        return new Lspi<>(CHAIN, ActionFeatures.stack(ChainWalk.polynomial(), 2));
    }

    private static String policyString(Policy<Integer, Integer> policy) {
        StringBuilder letters = new StringBuilder();
        for (int s = 0; s < ChainWalk.STATES; s++) {
            letters.append(policy.act(s, null) == ChainWalk.RIGHT ? 'R' : 'L');
        }
        return letters.toString();
    }

    /**
     * Lagoudakis &amp; Parr's chain walk: from random samples, LSPI with the per-action polynomial basis
     * [1, s, s²] finds the optimal policy R R L L of the 4-state chain in a few iterations.
     * Measured (seed 3, 10 000 samples in episodes of 20 steps): 4 iterations, the last with a
     * weight change of exactly 0 (the same greedy policy evaluated again on the same samples);
     * seeds 1..12 all give R R L L in 4 iterations.
     */
    @Test
    void findsTheOptimalChainWalkPolicyInAFewIterations() {
        Lspi<Integer> lspi = chainLspi();
        List<Map<String, Double>> reports = new ArrayList<>();
        lspi.addListener(new TrainingListener() {
            @Override
            public void onUpdate(long totalSteps, Map<String, Double> metrics) {
                reports.add(metrics);
            }
        });
        lspi.train(new ChainWalk(20), Budget.steps(10_000));
        assertEquals(10_000, lspi.sampleCount());
        Lspi.Result result = lspi.solve();
        assertEquals("RRLL", policyString(lspi.policy()), result.toString());
        assertTrue(result.converged(), result.toString());
        assertTrue(result.iterations() >= 3 && result.iterations() <= 5, result.toString());
        assertEquals(result.iterations(), reports.size());
        Map<String, Double> last = reports.get(reports.size() - 1);
        assertEquals(result.iterations(), last.get(Lspi.METRIC_ITERATION), 0.0);
        assertEquals(result.weightChange(), last.get(Lspi.METRIC_WEIGHT_CHANGE), 0.0);
    }

    @Test
    void solvesOnceForTheSameSamplesAndAgainAfterMoreTraining() {
        Lspi<Integer> lspi = chainLspi();
        assertEquals(0, lspi.solve().iterations(), "nothing to solve before training");
        lspi.train(new ChainWalk(20), Budget.steps(2_000));
        Lspi.Result first = lspi.solve();
        assertTrue(first.iterations() > 0);
        assertEquals(first, lspi.solve(), "the same samples: no new iterations");
        ChainWalk more = new ChainWalk(20);
        lspi.train(more, Budget.steps(2_000));
        Lspi.Result second = lspi.solve();
        assertEquals(4_000, second.samples());
    }

    @Test
    void configRejectsInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> new Lspi.Config(-1e-6, 1e-5, 20));
        assertThrows(IllegalArgumentException.class, () -> new Lspi.Config(Double.NaN, 1e-5, 20));
        IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class,
                () -> new Lspi.Config(1e-6, 0.0, 20));
        assertTrue(tolerance.getMessage().contains("tolerance 0.0"), tolerance.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Lspi.Config(1e-6, -1, 20));
        IllegalArgumentException iterations = assertThrows(IllegalArgumentException.class,
                () -> new Lspi.Config(1e-6, 1e-5, 0));
        assertTrue(iterations.getMessage().contains("maxIterations 0"), iterations.getMessage());
        assertEquals(new Lspi.Config(1e-6, 1e-5, 20), Lspi.Config.DEFAULTS);
    }

    @Test
    void rejectsMissingArgumentsAndAnotherNumberOfActions() {
        ActionFeatures<Integer> features = ActionFeatures.stack(ChainWalk.polynomial(), 2);
        assertThrows(IllegalArgumentException.class, () -> new Lspi<Integer>(CHAIN, null));
        assertThrows(IllegalArgumentException.class, () -> new Lspi<>(CHAIN, features, null));
        Lspi<Integer> threeActions = new Lspi<>(CHAIN, ActionFeatures.stack(new OneHotFeatures(4), 3));
        assertThrows(IllegalArgumentException.class, () -> threeActions.train(new ChainWalk(20), Budget.steps(10)));
    }

    @Test
    void aSingularMatrixAsksForARidge() {
        // Without a ridge, one-hot features of a state-action pair never sampled leave A singular.
        Lspi<Integer> lspi = new Lspi<>(CHAIN, ActionFeatures.stack(new OneHotFeatures(4), 2),
                new Lspi.Config(0.0, 1e-5, 20));
        lspi.train(new ChainWalk(1), Budget.steps(1));
        IllegalStateException error = assertThrows(IllegalStateException.class, lspi::solve);
        assertTrue(error.getMessage().contains("ridge"), error.getMessage());
    }
}
