package dev.bellman.deep.ac;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Evaluation;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Sac}: determinism, the entropy coefficient's tuning, save and load, bad input. */
class SacTest {

    private static SacConfig small() {
        return SacConfig.builder().hiddenLayers(32, 32).batchSize(32).learningStarts(100).learningRate(1e-3).build();
    }

    private static Environment<double[], double[]> pendulum() {
        return Environments.make("Pendulum-v1", double[].class);
    }

    @Test
    void sameSeedSameNumbers() {
        double[][] returns = new double[2][];
        for (int run = 0; run < 2; run++) {
            Sac sac = new Sac(small(), 3);
            TrainingReport report = sac.train(pendulum(), Budget.steps(600));
            returns[run] = report.episodeReturns();
        }
        assertArrayEquals(returns[0], returns[1], 0.0);
    }

    @Test
    void entropyCoefficientFallsWhileThePolicyIsMoreRandomThanTheTarget() {
        Sac sac = new Sac(small(), 0);
        sac.train(pendulum(), Budget.steps(600));
        // 500 gradient steps of Adam at 1e-3 on log α, each pushed down while the entropy exceeds −1.
        assertEquals(500, sac.gradientSteps());
        assertTrue(sac.entropyCoefficient() < 0.7 && sac.entropyCoefficient() > 0.5,
                "alpha " + sac.entropyCoefficient());
    }

    @Test
    void savedNetworksLoadIntoAFreshSacAndActTheSame(@TempDir Path dir) throws IOException {
        Sac trained = new Sac(small(), 1);
        trained.train(pendulum(), Budget.steps(400));
        trained.saveNetworks(dir);
        Sac restored = new Sac(small(), 1);
        restored.loadNetworks(dir);
        assertEquals(trained.entropyCoefficient(), restored.entropyCoefficient(), 0.0);
        assertThrows(IllegalStateException.class, restored::policy, "the action bounds come with training");
        double[] observation = {0.3, -0.9, 1.2};
        assertArrayEquals(trained.actor().predict(observation), restored.actor().predict(observation), 0.0);
        double[] criticInput = {0.3, -0.9, 1.2, 0.4};
        assertArrayEquals(trained.critic(1).predict(criticInput), restored.critic(1).predict(criticInput), 0.0);
        restored.train(pendulum(), Budget.steps(300));
        double mean = Evaluation.run(pendulum(), restored.policy(), 1, 5, 1_000).meanReturn();
        assertTrue(Double.isFinite(mean));
    }

    @Test
    void aBrokenSaveFailsCleanlyAndLeavesTheSacUntouched(@TempDir Path dir) throws IOException {
        Sac trained = new Sac(small(), 2);
        trained.train(pendulum(), Budget.steps(300));
        trained.saveNetworks(dir);
        Path entropy = dir.resolve("entropy.bin");
        byte[] bytes = Files.readAllBytes(entropy);
        Files.write(entropy, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        Sac restored = new Sac(small(), 2);
        IOException truncated = assertThrows(IOException.class, () -> restored.loadNetworks(dir));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        assertThrows(IllegalStateException.class, restored::actor, "nothing was kept");
        Files.write(entropy, bytes);
        restored.loadNetworks(dir);
        assertEquals(trained.entropyCoefficient(), restored.entropyCoefficient(), 0.0);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sac(null, 0));
        assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().tau(0).build());
        assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().initialEntropyCoefficient(0).build());
        assertThrows(IllegalStateException.class, () -> new Sac(small(), 0).actor());
        Sac sac = new Sac(small(), 0);
        IllegalArgumentException discrete = assertThrows(IllegalArgumentException.class,
                () -> sac.train(castToContinuous(Environments.make("CartPole-v1")), Budget.steps(10)));
        assertTrue(discrete.getMessage().startsWith("SAC needs Box observations and Box actions"), discrete.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Environment<double[], double[]> castToContinuous(Environment<double[], ?> env) {
        // A discrete-action environment typed as a continuous one: the learner must check the spaces itself.
        return (Environment<double[], double[]>) env;
    }
}
