package dev.bellman.deep.ac;

import dev.bellman.core.Budget;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * {@code threads(2)} changes where the work runs, never the numbers: the same returns and the same
 * actor, bit for bit, as on one thread. Odd batch sizes split the actor's batch unevenly.
 */
class WorkerLaneNumbersTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 33, 1})
    void ddpgAndTd3GiveTheSameNumbersOnOneAndTwoThreads(int batchSize) {
        for (boolean td3 : new boolean[] {false, true}) {
            ActorCriticConfig.Builder builder = (td3 ? ActorCriticConfig.td3() : ActorCriticConfig.ddpg())
                    .hiddenLayers(24, 16).batchSize(batchSize).learningStarts(100).gamma(0.98);
            float[][] actors = new float[2][];
            double[][] returns = new double[2][];
            for (int threads = 1; threads <= 2; threads++) {
                ActorCriticConfig config = builder.threads(threads).build();
                DeterministicActorCritic learner = td3 ? new Td3(config, 5) : new Ddpg(config, 5);
                TrainingReport report = learner.train(Environments.make("Pendulum-v1", double[].class), Budget.steps(600));
                returns[threads - 1] = report.episodeReturns();
                actors[threads - 1] = learner.actor().parameters().toFloatVector();
            }
            assertArrayEquals(returns[0], returns[1], 0.0, (td3 ? "TD3" : "DDPG") + ", batch " + batchSize);
            assertArrayEquals(actors[0], actors[1], 0f, (td3 ? "TD3" : "DDPG") + ", batch " + batchSize);
        }
    }
}
