package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.approx.features.GridCoordinates;
import dev.bellman.approx.features.Normalization;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.td.TdZero;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Semi-gradient TD(0): tabular TD(0) as its one-hot case, and Zhao's TD-Linear grid example (§8.2). */
class SemiGradientTdZeroTest {

    @Test
    void oneHotFeaturesReproduceTabularTdZeroStepForStep() {
        GridWorld world = ZhaoGridFixture.world();
        TabularPolicy policy = ZhaoGridFixture.uniformPolicy(world);
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(0.1).seed(17).maxEpisodeLength(40).build();
        TdZero tabular = new TdZero(settings, policy);
        SemiGradientTdZero<Integer, Integer> linear =
                new SemiGradientTdZero<>(settings, new OneHotFeatures(world.stateCount()), policy);
        GridWorld tabularWorld = ZhaoGridFixture.world();
        GridWorld linearWorld = ZhaoGridFixture.world();
        for (int episode = 1; episode <= 30; episode++) {
            tabular.train(tabularWorld, Budget.episodes(1));
            linear.train(linearWorld, Budget.episodes(1));
            assertArrayEquals(tabular.stateValues().toArray(), linear.weights(), 0.0, "after episode " + episode);
        }
        assertEquals(tabular.totalSteps(), linear.totalSteps());
        assertTrue(tabular.totalSteps() == 30 * 40, "episodes run to the 40-step limit: " + tabular.totalSteps());
    }

    /**
     * Zhao §8.2.4 (Figs. 8.7–8.9): TD-Linear evaluating the uniform policy from 500 episodes of 500
     * steps with α = 0.0005. The estimate's RMSE against the exact values (which range over
     * [−4.46, −2.90]) falls as the features grow richer. Measured (seed 1), with the LSTD fixed point
     * of the same features in brackets: polynomial order 1 (3 features) 0.226 [0.224], order 2 (6)
     * 0.195 [0.195], order 3 (10) 0.134 [0.127], Fourier order 3 (16) 0.107 [0.099]. Coordinates
     * are normalised to [−1, 1]: on [0, 1] the higher monomials are so small that 500 episodes leave
     * order 3 far from its fixed point (0.258 against 0.127).
     */
    @Test
    void zhaoTdLinearErrorFallsAsTheFeaturesGrowRicher() {
        GridWorld world = ZhaoGridFixture.world();
        double[] truth = ZhaoGridFixture.exactValues(world);
        GridCoordinates grid = GridCoordinates.of(world);
        Map<String, Features<Integer>> featureSets = new LinkedHashMap<>();
        featureSets.put("polynomial 1", grid.polynomial(1, Normalization.SYMMETRIC));
        featureSets.put("polynomial 2", grid.polynomial(2, Normalization.SYMMETRIC));
        featureSets.put("polynomial 3", grid.polynomial(3, Normalization.SYMMETRIC));
        featureSets.put("fourier 3", grid.fourier(3));
        double[][] bands = {{0.20, 0.25}, {0.17, 0.22}, {0.11, 0.16}, {0.08, 0.13}};
        List<Double> errors = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        for (Map.Entry<String, Features<Integer>> entry : featureSets.entrySet()) {
            LearnerSettings settings = LearnerSettings.builder().gamma(ZhaoGridFixture.GAMMA).alpha(0.0005).seed(1)
                    .maxEpisodeLength(500).build();
            SemiGradientTdZero<Integer, Integer> td =
                    new SemiGradientTdZero<>(settings, entry.getValue(), ZhaoGridFixture.uniformPolicy(world));
            td.train(world, Budget.episodes(500));
            Lstd<Integer, Integer> lstd = new Lstd<>(settings, entry.getValue(), ZhaoGridFixture.uniformPolicy(world), 0.0);
            lstd.train(ZhaoGridFixture.world(), Budget.episodes(500));
            double error = ZhaoGridFixture.rmse(td.stateValues(), truth);
            double fixedPointError = ZhaoGridFixture.rmse(lstd.stateValues(), truth);
            errors.add(error);
            figures.append(entry.getKey()).append(": ").append(error).append(" [").append(fixedPointError).append("]\n");
            assertEquals(fixedPointError, error, 0.01, "TD-Linear is not near its fixed point:\n" + figures);
        }
        for (int i = 0; i < errors.size(); i++) {
            double error = errors.get(i);
            assertTrue(error > bands[i][0] && error < bands[i][1], "RMSE outside its band:\n" + figures);
            assertTrue(i == 0 || error < errors.get(i - 1), "RMSE does not fall with richer features:\n" + figures);
        }
    }

    @Test
    void rejectsMissingArguments() {
        GridWorld world = ZhaoGridFixture.world();
        LearnerSettings settings = LearnerSettings.builder().build();
        TabularPolicy policy = ZhaoGridFixture.uniformPolicy(world);
        assertThrows(IllegalArgumentException.class, () -> new SemiGradientTdZero<>(settings, null, policy));
        assertThrows(IllegalArgumentException.class,
                () -> new SemiGradientTdZero<>(null, new OneHotFeatures(world.stateCount()), policy));
        assertThrows(IllegalArgumentException.class,
                () -> new SemiGradientTdZero<Integer, Integer>(settings, new OneHotFeatures(world.stateCount()), null));
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> LearnerSettings.builder().alpha(0.0).build());
        assertTrue(alpha.getMessage().contains("0.0"), alpha.getMessage());
    }
}
