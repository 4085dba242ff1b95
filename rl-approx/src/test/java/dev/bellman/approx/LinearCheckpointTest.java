package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.TileCoder;
import dev.bellman.core.Budget;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.TrainingDivergedException;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.checkpoint.CheckpointFiles;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.env.classic.MountainCar;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact resume of the linear learners on Mountain Car with tile coding: a run stopped at a
 * checkpoint and continued by a fresh learner (with freshly built features, whose index table the
 * checkpoint restores) and a fresh environment gives the numbers of the run that never stopped.
 */
class LinearCheckpointTest {

    @TempDir
    Path dir;

    /** Sutton &amp; Barto's Mountain Car tiling (Sec. 10.1), with a table of {@code tableSize} indices. */
    private static TileCoder coder(int tableSize) {
        return new TileCoder(new double[] {(float) MountainCar.MIN_POSITION, (float) -MountainCar.MAX_SPEED},
                new double[] {MountainCar.GOAL_POSITION, (float) MountainCar.MAX_SPEED}, new int[] {8, 8}, 8, tableSize);
    }

    private static ActionFeatures<double[]> actionFeatures() {
        return coder(TileCoder.DEFAULT_TABLE_SIZE).forActions(3);
    }

    /** alpha 0.5/8 (Sutton &amp; Barto Fig. 10.1), epsilon 0.1 so that exploration draws on the stream, 200-step episodes. */
    private static LearnerSettings settings(double alpha) {
        return LearnerSettings.builder().gamma(1.0).alpha(alpha).epsilon(0.1).seed(3).maxEpisodeLength(200).build();
    }

    private static final Policy<double[], Integer> RANDOM = (observation, rng) -> rng.nextInt(3);

    private static Named<Supplier<EpisodicLearner<double[], Integer>>> learner(String name,
                                                                             Supplier<EpisodicLearner<double[], Integer>> factory) {
        return Named.of(name, factory);
    }

    static Stream<Named<Supplier<EpisodicLearner<double[], Integer>>>> learners() {
        DoubleFunction<LearnerSettings> s = LinearCheckpointTest::settings;
        return Stream.of(
                learner("semi-gradient Sarsa", () -> new SemiGradientSarsa<>(s.apply(0.5 / 8), actionFeatures())),
                learner("true online Sarsa(0.9)", () -> new TrueOnlineSarsaLambda<>(s.apply(0.5 / 8), actionFeatures(), 0.9)),
                learner("linear Q-learning", () -> new LinearQLearning<>(s.apply(0.5 / 8), actionFeatures())),
                learner("4-step semi-gradient Sarsa", () -> new NStepSemiGradientSarsa<>(s.apply(0.5 / 8), actionFeatures(), 4)),
                learner("semi-gradient TD(0)", () -> new SemiGradientTdZero<>(s.apply(0.01), coder(4096), RANDOM)),
                learner("semi-gradient TD(0.8)", () -> new SemiGradientTdLambda<>(s.apply(0.01), coder(4096), RANDOM, 0.8)),
                learner("true online TD(0.8)", () -> new TrueOnlineTdLambda<>(s.apply(0.01), coder(4096), RANDOM, 0.8)),
                learner("gradient Monte Carlo", () -> new GradientMonteCarlo<>(s.apply(0.001), coder(4096), RANDOM)),
                learner("LSTD", () -> new Lstd<>(s.apply(0.1), coder(64), RANDOM, 1e-3)),
                learner("LSPI", () -> new Lspi<>(s.apply(0.1), coder(64).forActions(3))));
    }

    private static double[] weights(EpisodicLearner<double[], Integer> learner) {
        if (learner instanceof LinearControlLearner<double[]> control) {
            return control.weights();
        }
        return ((LinearPredictionLearner<double[], Integer>) learner).weights();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void aResumedRunContinuesBitForBit(Supplier<EpisodicLearner<double[], Integer>> factory) throws IOException {
        Path file = dir.resolve("run.ckpt");
        EpisodicLearner<double[], Integer> uninterrupted = factory.get();
        MountainCar env = new MountainCar();
        uninterrupted.train(env, Budget.steps(1_100));
        uninterrupted.saveCheckpoint(file, env);
        TrainingReport expected = uninterrupted.train(env, Budget.steps(1_100));

        EpisodicLearner<double[], Integer> resumed = factory.get();
        MountainCar freshEnv = new MountainCar();
        resumed.loadCheckpoint(file, freshEnv);
        TrainingReport actual = resumed.train(freshEnv, Budget.steps(1_100));

        assertTrue(expected.episodeReturns().length > 0, "the second part finishes episodes");
        assertArrayEquals(expected.episodeReturns(), actual.episodeReturns());
        assertArrayEquals(expected.episodeLengths(), actual.episodeLengths());
        assertArrayEquals(weights(uninterrupted), weights(resumed));
    }

    @Test
    void aRunResumedFromItsPeriodicCheckpointEndsLikeTheUninterruptedRun() throws IOException {
        Path file = dir.resolve("periodic.ckpt");
        int episodes = 12;
        TrueOnlineSarsaLambda<double[]> uninterrupted = new TrueOnlineSarsaLambda<>(settings(0.5 / 8), actionFeatures(), 0.9);
        uninterrupted.checkpointEvery(1_000, file);
        TrainingReport whole = uninterrupted.train(new MountainCar(), Budget.episodes(episodes));

        int done = (int) CheckpointFiles.readHeader(file).episodes();
        assertTrue(done > 0 && done < episodes, "checkpointed after episode " + done + " of " + episodes);
        TrueOnlineSarsaLambda<double[]> resumed = new TrueOnlineSarsaLambda<>(settings(0.5 / 8), actionFeatures(), 0.9);
        MountainCar env = new MountainCar();
        resumed.loadCheckpoint(file, env);
        TrainingReport rest = resumed.train(env, Budget.episodes(episodes - done));

        assertArrayEquals(Arrays.copyOfRange(whole.episodeReturns(), done, episodes), rest.episodeReturns());
        assertArrayEquals(uninterrupted.weights(), resumed.weights());
    }

    @Test
    void loadingIntoALearnerWithAnotherAlphaFailsNamingAlpha() throws IOException {
        Path file = dir.resolve("sarsa.ckpt");
        MountainCar env = new MountainCar();
        SemiGradientSarsa<double[]> learner = new SemiGradientSarsa<>(settings(0.5 / 8), actionFeatures());
        learner.train(env, Budget.steps(300));
        learner.saveCheckpoint(file, env);
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> new SemiGradientSarsa<>(settings(0.3 / 8), actionFeatures()).loadCheckpoint(file, new MountainCar()));
        assertTrue(failure.getMessage().contains("alpha"), failure.getMessage());
    }

    @Test
    void loadingIntoLearnerWithAnotherFeatureSizeFailsNamingTheWeights() throws IOException {
        Path file = dir.resolve("sizes.ckpt");
        MountainCar env = new MountainCar();
        SemiGradientSarsa<double[]> learner = new SemiGradientSarsa<>(settings(0.5 / 8), actionFeatures());
        learner.train(env, Budget.steps(300));
        learner.saveCheckpoint(file, env);
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> new SemiGradientSarsa<>(settings(0.5 / 8), coder(2048).forActions(3)).loadCheckpoint(file, new MountainCar()));
        assertTrue(failure.getMessage().contains("feature dimension 4096"), failure.getMessage());
    }

    @Test
    void divergingWeightsStopTrainingWithATrainingDivergedException() {
        // Weights of 1e308 on 8 active tiles: every value overflows to infinity and the first TD
        // error is infinity minus infinity, NaN.
        LearnerSettings reckless = LearnerSettings.builder().gamma(1.0).alpha(0.5 / 8).epsilon(0.0).seed(1)
                .initialValue(1e308).maxEpisodeLength(200).build();
        SemiGradientSarsa<double[]> learner = new SemiGradientSarsa<>(reckless, actionFeatures());
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> learner.train(new MountainCar(), Budget.steps(10_000)));
        assertTrue(diverged.getMessage().contains("the weights have diverged"), diverged.getMessage());
        assertTrue(diverged.getMessage().contains("no checkpoint had been written"), diverged.getMessage());
        assertEquals(1, diverged.step());
    }
}
