package dev.bellman.deep.ac;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.deep.checkpoint.RecordedUpdates;
import dev.bellman.deep.nn.Mlp;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DDPG, TD3 and SAC checkpoints on Pendulum-v1: a run resumed from a checkpoint in a fresh learner
 * and a fresh environment gives exactly the episode returns and metrics of the run that was never
 * stopped.
 */
class ActorCriticCheckpointTest {

    /** Ends inside the third episode (200 steps each), so the first part's last episode is abandoned. */
    private static final long FIRST_PART = 500;
    private static final long SECOND_PART = 700;

    @TempDir
    Path directory;

    private static Environment<double[], double[]> pendulum() {
        return Environments.make("Pendulum-v1", double[].class);
    }

    private static ActorCriticConfig.Builder small(ActorCriticConfig.Builder builder) {
        return builder.hiddenLayers(32, 32).batchSize(32).learningStarts(200).bufferSize(5_000).checkpointReplay(true);
    }

    private static SacConfig.Builder smallSac() {
        return SacConfig.builder().hiddenLayers(32, 32).batchSize(32).learningStarts(200).learningRate(1e-3)
                .bufferSize(5_000).checkpointReplay(true);
    }

    private <L extends EpisodicLearner<double[], double[]>> void assertResumesExactly(Supplier<L> learners,
                                                                                    Function<L, Mlp> actor)
            throws IOException {
        assertResumesExactly(learners, learners, actor);
    }

    /** The run {@code learners} makes, saved and resumed into the one {@code resumedLearners} makes. */
    private <L extends EpisodicLearner<double[], double[]>> void assertResumesExactly(Supplier<L> learners,
                                                                                    Supplier<L> resumedLearners,
                                                                                    Function<L, Mlp> actor)
            throws IOException {
        Path file = directory.resolve("learner.ckpt");
        L uninterrupted = learners.get();
        Environment<double[], double[]> env = pendulum();
        uninterrupted.train(env, Budget.steps(FIRST_PART));
        uninterrupted.saveCheckpoint(file, env);
        RecordedUpdates expectedMetrics = new RecordedUpdates();
        uninterrupted.addListener(expectedMetrics);
        TrainingReport expected = uninterrupted.train(env, Budget.steps(SECOND_PART));

        L resumed = resumedLearners.get();
        Environment<double[], double[]> freshEnv = pendulum();
        resumed.loadCheckpoint(file, freshEnv);
        RecordedUpdates actualMetrics = new RecordedUpdates();
        resumed.addListener(actualMetrics);
        TrainingReport actual = resumed.train(freshEnv, Budget.steps(SECOND_PART));

        assertEquals(3, expected.episodeCount());
        assertArrayEquals(expected.episodeReturns(), actual.episodeReturns());
        assertEquals(SECOND_PART, expectedMetrics.size());
        actualMetrics.assertSameAs(expectedMetrics);
        assertArrayEquals(actor.apply(uninterrupted).parameters().toFloatVector(),
                actor.apply(resumed).parameters().toFloatVector());
    }

    @Test
    void ddpgWithOrnsteinUhlenbeckNoiseResumesExactly() throws IOException {
        ActorCriticConfig config = small(ActorCriticConfig.ddpg()).noise(ActorCriticConfig.NoiseType.ORNSTEIN_UHLENBECK)
                .noiseSigma(0.3).build();
        assertResumesExactly(() -> new Ddpg(config, 7), Ddpg::actor);
    }

    @Test
    void td3OnTwoThreadsResumesExactly() throws IOException {
        ActorCriticConfig config = small(ActorCriticConfig.td3()).threads(2).build();
        assertResumesExactly(() -> new Td3(config, 8), Td3::actor);
    }

    /** The thread count does not change the numbers, so a run may resume on a machine with other cores. */
    @Test
    void aOneThreadRunResumesExactlyOnTwoThreads() throws IOException {
        ActorCriticConfig oneThread = small(ActorCriticConfig.td3()).build();
        ActorCriticConfig twoThreads = small(ActorCriticConfig.td3()).threads(2).build();
        assertResumesExactly(() -> new Td3(oneThread, 8), () -> new Td3(twoThreads, 8), Td3::actor);
    }

    @Test
    void sacResumesExactly() throws IOException {
        SacConfig config = smallSac().build();
        assertResumesExactly(() -> new Sac(config, 9), Sac::actor);
    }

    @Test
    void loadingIntoOtherSettingsNamesTheSetting() throws IOException {
        Path file = directory.resolve("td3.ckpt");
        Td3 td3 = new Td3(small(ActorCriticConfig.td3()).build(), 1);
        Environment<double[], double[]> env = pendulum();
        td3.train(env, Budget.steps(300));
        td3.saveCheckpoint(file, env);

        Td3 other = new Td3(small(ActorCriticConfig.td3()).policyDelay(3).build(), 1);
        InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                () -> other.loadCheckpoint(file, pendulum()));
        assertTrue(e.getMessage().contains("policyDelay is 2 in the checkpoint but 3 here"), e.getMessage());

        Sac sac = new Sac(smallSac().build(), 1);
        InvalidCheckpointException algorithm = assertThrows(InvalidCheckpointException.class,
                () -> sac.loadCheckpoint(file, pendulum()));
        assertTrue(algorithm.getMessage().contains("another algorithm"), algorithm.getMessage());
    }

    @Test
    void sacWithoutTheReplayBufferContinuesFromItsNetworksAndEntropyCoefficient() throws IOException {
        Path file = directory.resolve("sac.ckpt");
        SacConfig config = smallSac().checkpointReplay(false).build();
        Sac sac = new Sac(config, 4);
        Environment<double[], double[]> env = pendulum();
        sac.train(env, Budget.steps(400));
        sac.saveCheckpoint(file, env);

        Sac resumed = new Sac(config, 4);
        Environment<double[], double[]> freshEnv = pendulum();
        resumed.loadCheckpoint(file, freshEnv);
        assertEquals(sac.entropyCoefficient(), resumed.entropyCoefficient());
        assertEquals(sac.gradientSteps(), resumed.gradientSteps());
        assertArrayEquals(sac.critic(1).parameters().toFloatVector(), resumed.critic(1).parameters().toFloatVector());
        resumed.train(freshEnv, Budget.steps(200));
        assertEquals(600, resumed.totalSteps());
        // The empty buffer fills to a batch of 32, then one gradient step per environment step.
        assertEquals(sac.gradientSteps() + 200 - 31, resumed.gradientSteps());
    }
}
