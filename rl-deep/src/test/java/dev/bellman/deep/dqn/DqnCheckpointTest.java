package dev.bellman.deep.dqn;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.checkpoint.CheckpointFiles;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.Ddpg;
import dev.bellman.deep.checkpoint.RecordedUpdates;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DQN checkpoints on CartPole-v1: a run resumed from a checkpoint in a fresh learner and a fresh
 * environment gives exactly the episode returns and metrics of the run that was never stopped.
 */
class DqnCheckpointTest {

    private static final long PLANNED = 3_000;
    private static final long FIRST_PART = 1_300;
    private static final long SECOND_PART = 1_700;

    @TempDir
    Path directory;

    private static DqnConfig.Builder small() {
        return DqnConfig.builder().hiddenLayers(64, 64).learningRate(1e-3).learningStarts(200).trainFrequency(4)
                .gradientSteps(1).bufferSize(5_000).targetUpdateInterval(100).explorationFraction(0.3)
                .checkpointReplay(true);
    }

    private static Environment<double[], Integer> cartPole() {
        return Environments.make("CartPole-v1", Integer.class);
    }

    private void assertResumesExactly(DqnConfig config) throws IOException {
        Path file = directory.resolve("dqn.ckpt");
        Dqn uninterrupted = new Dqn(config, PLANNED, 11);
        Environment<double[], Integer> env = cartPole();
        uninterrupted.train(env, Budget.steps(FIRST_PART));
        uninterrupted.saveCheckpoint(file, env);
        RecordedUpdates expectedMetrics = new RecordedUpdates();
        uninterrupted.addListener(expectedMetrics);
        TrainingReport expected = uninterrupted.train(env, Budget.steps(SECOND_PART));

        Dqn resumed = new Dqn(config, PLANNED, 11);
        Environment<double[], Integer> freshEnv = cartPole();
        CheckpointFiles.Header header = resumed.loadCheckpoint(file, freshEnv);
        assertEquals(FIRST_PART, header.steps());
        RecordedUpdates actualMetrics = new RecordedUpdates();
        resumed.addListener(actualMetrics);
        TrainingReport actual = resumed.train(freshEnv, Budget.steps(SECOND_PART));

        assertTrue(expected.episodeCount() > 5, "too few episodes to compare: " + expected.episodeCount());
        assertArrayEquals(expected.episodeReturns(), actual.episodeReturns());
        assertArrayEquals(expected.episodeLengths(), actual.episodeLengths());
        assertTrue(expectedMetrics.size() > 100, "too few updates to compare: " + expectedMetrics.size());
        actualMetrics.assertSameAs(expectedMetrics);
        assertEquals(uninterrupted.epsilon(), resumed.epsilon());
        assertEquals(uninterrupted.gradientSteps(), resumed.gradientSteps());
        assertArrayEquals(uninterrupted.network().parameters().toFloatVector(), resumed.network().parameters().toFloatVector());
    }

    @Test
    void resumedRunRepeatsTheUninterruptedRunExactly() throws IOException {
        assertResumesExactly(small().build());
    }

    @Test
    void resumedRunIsExactWithPrioritizedNStepDoubleDuelingReplay() throws IOException {
        // Prioritized replay brings the sum and min trees, n = 3 the pending n-step window.
        assertResumesExactly(small().prioritized(true).nSteps(3).doubleDqn(true).dueling(true).build());
    }

    @Test
    void checkpointEveryLetsARunContinueFromItsLastCheckpoint() throws IOException {
        Path file = directory.resolve("every.ckpt");
        long total = 3_000;
        Dqn uninterrupted = new Dqn(small().build(), PLANNED, 5);
        uninterrupted.checkpointEvery(1_000, file);
        TrainingReport whole = uninterrupted.train(cartPole(), Budget.steps(total));
        assertEquals(file, uninterrupted.lastCheckpoint());

        Dqn resumed = new Dqn(small().build(), PLANNED, 5);
        Environment<double[], Integer> env = cartPole();
        CheckpointFiles.Header header = resumed.loadCheckpoint(file, env);
        assertTrue(header.steps() >= 2_000 && header.steps() < total, "last checkpoint at step " + header.steps());
        TrainingReport rest = resumed.train(env, Budget.steps(total - header.steps()));

        double[] expected = Arrays.copyOfRange(whole.episodeReturns(), (int) header.episodes(), whole.episodeCount());
        assertTrue(expected.length > 0, "no episode after the checkpoint");
        assertArrayEquals(expected, rest.episodeReturns());
        assertEquals(uninterrupted.totalSteps(), resumed.totalSteps());
        assertArrayEquals(uninterrupted.network().parameters().toFloatVector(), resumed.network().parameters().toFloatVector());
    }

    @Test
    void loadingIntoOtherSettingsNamesTheSetting() throws IOException {
        Path file = directory.resolve("settings.ckpt");
        Dqn dqn = new Dqn(small().build(), PLANNED, 1);
        Environment<double[], Integer> env = cartPole();
        dqn.train(env, Budget.steps(300));
        dqn.saveCheckpoint(file, env);

        Dqn other = new Dqn(small().learningRate(5e-4).build(), PLANNED, 1);
        InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                () -> other.loadCheckpoint(file, cartPole()));
        assertTrue(e.getMessage().contains("learningRate is 0.001 in the checkpoint but 5.0E-4 here"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());

        Dqn wider = new Dqn(small().hiddenLayers(64, 32).build(), PLANNED, 1);
        InvalidCheckpointException width = assertThrows(InvalidCheckpointException.class,
                () -> wider.loadCheckpoint(file, cartPole()));
        assertTrue(width.getMessage().contains("hiddenLayers is [64, 64] in the checkpoint but [64, 32] here"),
                width.getMessage());

        Dqn longer = new Dqn(small().build(), 2 * PLANNED, 1);
        InvalidCheckpointException planned = assertThrows(InvalidCheckpointException.class,
                () -> longer.loadCheckpoint(file, cartPole()));
        assertTrue(planned.getMessage().contains("planned steps"), planned.getMessage());

        Dqn withoutReplay = new Dqn(small().checkpointReplay(false).build(), PLANNED, 1);
        InvalidCheckpointException replay = assertThrows(InvalidCheckpointException.class,
                () -> withoutReplay.loadCheckpoint(file, cartPole()));
        assertTrue(replay.getMessage().contains("checkpointReplay is true in the checkpoint but false here"),
                replay.getMessage());
    }

    @Test
    void loadingIntoAnotherAlgorithmSaysSo() throws IOException {
        Path file = directory.resolve("dqn-for-ddpg.ckpt");
        Dqn dqn = new Dqn(small().build(), PLANNED, 1);
        Environment<double[], Integer> env = cartPole();
        dqn.train(env, Budget.steps(300));
        dqn.saveCheckpoint(file, env);

        Ddpg ddpg = new Ddpg(ActorCriticConfig.ddpg().hiddenLayers(8).build(), 1);
        InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                () -> ddpg.loadCheckpoint(file, Environments.make("Pendulum-v1", double[].class)));
        assertTrue(e.getMessage().contains("another algorithm"), e.getMessage());
        assertTrue(e.getMessage().contains(Dqn.class.getName()), e.getMessage());
    }

    @Test
    void withoutTheReplayBufferALoadedRunContinuesTraining() throws IOException {
        Path file = directory.resolve("small.ckpt");
        DqnConfig config = small().checkpointReplay(false).build();
        Dqn dqn = new Dqn(config, PLANNED, 3);
        Environment<double[], Integer> env = cartPole();
        dqn.train(env, Budget.steps(1_000));
        dqn.saveCheckpoint(file, env);
        long gradientSteps = dqn.gradientSteps();

        Dqn resumed = new Dqn(config, PLANNED, 3);
        Environment<double[], Integer> freshEnv = cartPole();
        resumed.loadCheckpoint(file, freshEnv);
        assertEquals(gradientSteps, resumed.gradientSteps());
        assertEquals(dqn.epsilon(), resumed.epsilon());
        assertArrayEquals(dqn.network().parameters().toFloatVector(), resumed.network().parameters().toFloatVector());
        TrainingReport rest = resumed.train(freshEnv, Budget.steps(500));
        assertEquals(500, rest.totalSteps());
        assertEquals(1_500, resumed.totalSteps());
        // The empty buffer fills to a batch, then training goes on.
        assertTrue(resumed.gradientSteps() > gradientSteps + 100, "gradient steps " + resumed.gradientSteps());
    }
}
