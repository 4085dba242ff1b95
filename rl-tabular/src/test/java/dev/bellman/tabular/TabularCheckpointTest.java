package dev.bellman.tabular;

import dev.bellman.core.Budget;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.checkpoint.CheckpointFiles;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.mc.McBasic;
import dev.bellman.tabular.mc.McEpsilonGreedy;
import dev.bellman.tabular.mc.McExploringStarts;
import dev.bellman.tabular.mc.MonteCarloPrediction;
import dev.bellman.tabular.mc.OffPolicyMonteCarlo;
import dev.bellman.tabular.mc.Visits;
import dev.bellman.tabular.td.DoubleQLearning;
import dev.bellman.tabular.td.ExpectedSarsa;
import dev.bellman.tabular.td.NStepSarsa;
import dev.bellman.tabular.td.NStepTd;
import dev.bellman.tabular.td.QLearning;
import dev.bellman.tabular.td.Sarsa;
import dev.bellman.tabular.td.SarsaLambda;
import dev.bellman.tabular.td.TdLambda;
import dev.bellman.tabular.td.TdZero;
import dev.bellman.tabular.td.Traces;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact resume of every tabular learner on Zhao's 5x5 world: a run stopped at a checkpoint and
 * continued by a fresh learner and a fresh environment gives the numbers of the run that never
 * stopped, bit for bit.
 */
class TabularCheckpointTest {

    private static final int STATES = 25;
    private static final int ACTIONS = 5;

    @TempDir
    Path dir;

    /** epsilon 0.2 and 40-step episodes, so that exploration and truncation both draw on the streams. */
    private static LearnerSettings settings(double alpha) {
        return LearnerSettings.builder().gamma(0.9).alpha(alpha).epsilon(0.2).seed(5).maxEpisodeLength(40).build();
    }

    private static GridWorld zhao() {
        return GridWorldPreset.ZHAO_5X5.build();
    }

    private static Named<Supplier<EpisodicLearner<Integer, Integer>>> learner(String name,
                                                                            Supplier<EpisodicLearner<Integer, Integer>> factory) {
        return Named.of(name, factory);
    }

    static Stream<Named<Supplier<EpisodicLearner<Integer, Integer>>>> learners() {
        TabularPolicy uniform = TabularPolicy.uniform(STATES, ACTIONS);
        TabularPolicy soft = TabularPolicy.epsilonGreedy(new int[STATES], ACTIONS, 0.5);
        return Stream.of(
                learner("Q-learning", () -> new QLearning(settings(0.1))),
                learner("off-policy Q-learning", () -> QLearning.offPolicy(settings(0.1), uniform)),
                learner("Sarsa", () -> new Sarsa(settings(0.1))),
                learner("Expected Sarsa", () -> new ExpectedSarsa(settings(0.1))),
                learner("Double Q-learning", () -> new DoubleQLearning(settings(0.1))),
                learner("3-step Sarsa", () -> new NStepSarsa(settings(0.1), 3)),
                learner("Sarsa(0.8), replacing traces", () -> new SarsaLambda(settings(0.1), 0.8, Traces.REPLACING)),
                learner("MC epsilon-greedy", () -> new McEpsilonGreedy(settings(0.1), Visits.FIRST)),
                learner("MC exploring starts", () -> new McExploringStarts(
                        settings(0.1).toBuilder().alpha(Schedules.harmonic()).build(), Visits.EVERY)),
                learner("MC Basic", () -> new McBasic(settings(0.1), 10, 1)),
                learner("off-policy MC control, weighted", () -> OffPolicyMonteCarlo.control(settings(0.1), soft,
                        OffPolicyMonteCarlo.Weighting.WEIGHTED)),
                learner("off-policy MC prediction, ordinary", () -> OffPolicyMonteCarlo.prediction(settings(0.05), soft,
                        uniform, OffPolicyMonteCarlo.Weighting.ORDINARY)),
                learner("TD(0)", () -> new TdZero(settings(0.1), uniform)),
                learner("TD(0.7), accumulating traces", () -> new TdLambda(settings(0.1), uniform, 0.7, Traces.ACCUMULATING)),
                learner("4-step TD", () -> new NStepTd(settings(0.1), uniform, 4)),
                learner("MC prediction", () -> new MonteCarloPrediction(settings(0.1), uniform, Visits.EVERY)));
    }

    /** Everything a tabular learner has learned: its action values, or its state values. */
    private static double[] table(EpisodicLearner<Integer, Integer> learner) {
        if (learner instanceof TabularControlLearner control) {
            double[] q = control.actionValues().toArray();
            double[] v = control.stateValues().toArray();
            double[] both = Arrays.copyOf(q, q.length + v.length);
            System.arraycopy(v, 0, both, q.length, v.length);
            return both;
        }
        return ((TabularPredictionLearner) learner).stateValues().toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void aResumedRunContinuesBitForBit(Supplier<EpisodicLearner<Integer, Integer>> factory) throws IOException {
        Path file = dir.resolve("run.ckpt");
        // Step budgets end each call inside an episode, which the next call abandons: the checkpoint
        // between them must not depend on that episode.
        EpisodicLearner<Integer, Integer> uninterrupted = factory.get();
        GridWorld env = zhao();
        uninterrupted.train(env, Budget.steps(1_500));
        uninterrupted.saveCheckpoint(file, env);
        TrainingReport expected = uninterrupted.train(env, Budget.steps(1_500));

        EpisodicLearner<Integer, Integer> resumed = factory.get();
        GridWorld freshEnv = zhao();
        CheckpointFiles.Header header = resumed.loadCheckpoint(file, freshEnv);
        assertEquals(1_500, header.steps());
        TrainingReport actual = resumed.train(freshEnv, Budget.steps(1_500));

        assertArrayEquals(expected.episodeReturns(), actual.episodeReturns());
        assertArrayEquals(expected.episodeLengths(), actual.episodeLengths());
        assertArrayEquals(table(uninterrupted), table(resumed));
        assertEquals(uninterrupted.totalSteps(), resumed.totalSteps());
        assertEquals(uninterrupted.totalEpisodes(), resumed.totalEpisodes());
    }

    static Stream<Named<Supplier<EpisodicLearner<Integer, Integer>>>> periodicLearners() {
        return learners().filter(named -> Set.of("Q-learning", "Sarsa", "MC epsilon-greedy", "Sarsa(0.8), replacing traces")
                .contains(named.getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periodicLearners")
    void aRunResumedFromItsPeriodicCheckpointEndsLikeTheUninterruptedRun(Supplier<EpisodicLearner<Integer, Integer>> factory)
            throws IOException {
        Path file = dir.resolve("periodic.ckpt");
        int episodes = 150;
        EpisodicLearner<Integer, Integer> uninterrupted = factory.get();
        uninterrupted.checkpointEvery(900, file);
        TrainingReport whole = uninterrupted.train(zhao(), Budget.episodes(episodes));

        int done = (int) CheckpointFiles.readHeader(file).episodes();
        // Zhao's world has no terminal state, so every episode lasts 40 steps: checkpoints at 920, 1840, ... 5520.
        assertEquals(138, done);
        EpisodicLearner<Integer, Integer> resumed = factory.get();
        GridWorld env = zhao();
        resumed.loadCheckpoint(file, env);
        TrainingReport rest = resumed.train(env, Budget.episodes(episodes - done));

        assertArrayEquals(Arrays.copyOfRange(whole.episodeReturns(), done, episodes), rest.episodeReturns());
        assertArrayEquals(table(uninterrupted), table(resumed));
    }

    @Test
    void loadingIntoALearnerWithAnotherAlphaFailsNamingAlpha() throws IOException {
        Path file = trainedQLearningCheckpoint();
        QLearning other = new QLearning(settings(0.2));
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> other.loadCheckpoint(file, zhao()));
        assertTrue(failure.getMessage().contains("alpha"), failure.getMessage());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void loadingIntoALearnerWithAnotherLambdaFailsNamingLambda() throws IOException {
        Path file = dir.resolve("lambda.ckpt");
        GridWorld env = zhao();
        SarsaLambda learner = new SarsaLambda(settings(0.1), 0.8, Traces.REPLACING);
        learner.train(env, Budget.steps(200));
        learner.saveCheckpoint(file, env);
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> new SarsaLambda(settings(0.1), 0.9, Traces.REPLACING).loadCheckpoint(file, zhao()));
        assertTrue(failure.getMessage().contains("lambda 0.8"), failure.getMessage());
    }

    @Test
    void loadingAQLearningCheckpointIntoSarsaFailsSayingAnotherAlgorithm() throws IOException {
        Path file = trainedQLearningCheckpoint();
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> new Sarsa(settings(0.1)).loadCheckpoint(file, zhao()));
        assertTrue(failure.getMessage().contains("another algorithm"), failure.getMessage());
        assertTrue(failure.getMessage().contains(QLearning.class.getName()), failure.getMessage());
    }

    @Test
    void loadingOnPolicyQLearningIntoOffPolicyQLearningFails() throws IOException {
        Path file = trainedQLearningCheckpoint();
        QLearning offPolicy = QLearning.offPolicy(settings(0.1), TabularPolicy.uniform(STATES, ACTIONS));
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> offPolicy.loadCheckpoint(file, zhao()));
        assertTrue(failure.getMessage().contains("behaviour"), failure.getMessage());
    }

    @Test
    void settingsDescribeTheirSchedulesByValueSoEqualSettingsLookEqual() {
        LearnerSettings first = LearnerSettings.builder().alpha(Schedules.harmonic()).build();
        LearnerSettings second = LearnerSettings.builder().alpha(Schedules.harmonic()).build();
        assertEquals(first.toString(), second.toString());
        assertFalse(first.toString().equals(first.toBuilder().alpha(Schedules.polynomial(1, 0.7)).build().toString()));
    }

    private Path trainedQLearningCheckpoint() throws IOException {
        Path file = dir.resolve("q-learning.ckpt");
        GridWorld env = zhao();
        QLearning learner = new QLearning(settings(0.1));
        learner.train(env, Budget.steps(500));
        learner.saveCheckpoint(file, env);
        return file;
    }
}
