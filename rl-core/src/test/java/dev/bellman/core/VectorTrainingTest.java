package dev.bellman.core;

import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.wrappers.SyncVectorEnvironment;
import dev.bellman.core.wrappers.VectorEnvironment;
import dev.bellman.env.classic.CartPole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EpisodicLearner#train(VectorEnvironment, Budget)}: the copies' transitions, budgets and checkpoints. */
class VectorTrainingTest {

    /** One transition as the learner saw it. */
    private record Transition(double[] observation, int action, double reward, double[] next, boolean terminated,
                              boolean truncated) {
        @Override
        public String toString() {
            return Arrays.toString(observation) + " " + action + " " + reward + " " + Arrays.toString(next) + " "
                    + terminated + " " + truncated;
        }
    }

    /** Acts uniformly at random from its own stream and records every update; keeps no per-episode state. */
    private static class Recorder extends EpisodicLearner<double[], Integer> {
        final List<Transition> seen = new ArrayList<>();

        private final boolean vectorAllowed;

        Recorder(long seed, long maxEpisodeLength) {
            this(seed, maxEpisodeLength, true);
        }

        Recorder(long seed, long maxEpisodeLength, boolean vectorAllowed) {
            super(seed, maxEpisodeLength);
            this.vectorAllowed = vectorAllowed;
        }

        @Override
        protected void prepare(Environment<double[], Integer> env) {
        }

        @Override
        protected void prepareVector(VectorEnvironment<double[], Integer> envs) {
            if (!vectorAllowed) {
                super.prepareVector(envs);
            }
        }

        @Override
        protected Integer act(double[] observation) {
            return random().nextInt(2);
        }

        @Override
        protected void update(double[] observation, Integer action, double reward, double[] next, boolean terminated,
                              boolean truncated) {
            seen.add(new Transition(observation.clone(), action, reward, next.clone(), terminated, truncated));
        }

        @Override
        protected void writeLearnerState(StateWriter out) {
        }

        @Override
        protected void readLearnerState(StateReader in) {
        }

        @Override
        public Policy<double[], Integer> policy() {
            return (observation, rng) -> 0;
        }
    }

    private static SyncVectorEnvironment<double[], Integer> cartPoles(int copies) {
        return new SyncVectorEnvironment<>(CartPole::new, copies);
    }

    @Test
    void oneCopyGivesExactlyTheSingleEnvironmentRun() {
        Recorder single = new Recorder(11, 0);
        Recorder vector = new Recorder(11, 0);
        CartPole env = new CartPole();
        SyncVectorEnvironment<double[], Integer> envs = cartPoles(1);
        // Two calls each: the second continues the environment's stream after abandoning an unfinished episode.
        for (long steps : new long[] {700, 333}) {
            TrainingReport expected = single.train(env, Budget.steps(steps));
            TrainingReport actual = vector.train(envs, Budget.steps(steps));
            assertArrayEquals(expected.episodeReturns(), actual.episodeReturns(), 0.0);
            assertArrayEquals(expected.episodeLengths(), actual.episodeLengths());
            assertEquals(expected.totalSteps(), actual.totalSteps());
        }
        assertEquals(single.seen.toString(), vector.seen.toString());
        assertEquals(single.totalEpisodes(), vector.totalEpisodes());
        assertTrue(single.totalEpisodes() > 30, "enough episodes to cover resets: " + single.totalEpisodes());
    }

    @Test
    void aFinishedEpisodeBootstrapsFromItsOwnLastObservationNotTheNextEpisodesFirst() {
        Recorder learner = new Recorder(3, 0);
        learner.train(cartPoles(3), Budget.steps(3000));
        int terminated = 0;
        for (Transition transition : learner.seen) {
            if (transition.terminated()) {
                terminated++;
                // CartPole terminates past ±2.4 m or ±12°; a fresh episode starts within ±0.05 of 0.
                double[] last = transition.next();
                assertTrue(Math.abs(last[0]) > 2.4 || Math.abs(last[2]) > 12 * 2 * Math.PI / 360,
                        "terminal observation " + Arrays.toString(last));
            }
        }
        assertTrue(terminated > 100, "terminations seen: " + terminated);
    }

    @Test
    void eachCopyContinuesItsOwnEpisodeAndCopyIStartsWithSeedPlusI() {
        Recorder learner = new Recorder(5, 0);
        learner.train(cartPoles(3), Budget.steps(3 * 40));
        double[][] firstObservations = new double[3][];
        for (int copy = 0; copy < 3; copy++) {
            firstObservations[copy] = learner.seen.get(copy).observation();
            assertArrayEquals(new CartPole().reset(5 + copy), firstObservations[copy], 0.0, "copy " + copy);
        }
        // Transitions arrive in copy order: copy i's k-th transition is number 3k + i, and its next
        // observation is where its following transition starts, unless its episode ended.
        for (int t = 0; t + 3 < learner.seen.size(); t++) {
            Transition now = learner.seen.get(t);
            if (!now.terminated() && !now.truncated()) {
                assertArrayEquals(now.next(), learner.seen.get(t + 3).observation(), 0.0, "transition " + t);
            }
        }
    }

    @Test
    void aStepBudgetCountsTransitionsAndAnEpisodeBudgetCountsEpisodes() {
        Recorder learner = new Recorder(1, 0);
        TrainingReport steps = learner.train(cartPoles(4), Budget.steps(10));
        assertEquals(10, steps.totalSteps());
        assertEquals(10, learner.seen.size());
        assertEquals(10, learner.totalSteps());

        TrainingReport episodes = learner.train(cartPoles(4), Budget.episodes(7));
        assertEquals(7, episodes.episodeCount());
        assertEquals(7, learner.totalEpisodes());
        // Reward 1 per step: each return is its episode's length.
        assertArrayEquals(Arrays.stream(episodes.episodeLengths()).asDoubleStream().toArray(), episodes.episodeReturns(), 0.0);
        Transition last = learner.seen.get(learner.seen.size() - 1);
        assertTrue(last.terminated() || last.truncated(), "training stops at the transition that ends the 7th episode");
        assertTrue(Arrays.stream(episodes.episodeLengths()).sum() < learner.seen.size() - 10,
                "the other copies' unfinished episodes were stepped too");
    }

    @Test
    void checkpointsBetweenCallsResumeExactly(@TempDir Path directory) throws IOException {
        Recorder uninterrupted = new Recorder(9, 0);
        SyncVectorEnvironment<double[], Integer> envs = cartPoles(3);
        uninterrupted.train(envs, Budget.steps(500));
        Path file = directory.resolve("vector.bin");
        uninterrupted.saveCheckpoint(file, envs);
        int before = uninterrupted.seen.size();
        TrainingReport expected = uninterrupted.train(envs, Budget.steps(500));

        Recorder resumed = new Recorder(9, 0);
        SyncVectorEnvironment<double[], Integer> fresh = cartPoles(3);
        resumed.loadCheckpoint(file, fresh);
        assertEquals(500, resumed.totalSteps());
        TrainingReport actual = resumed.train(fresh, Budget.steps(500));
        assertArrayEquals(expected.episodeReturns(), actual.episodeReturns(), 0.0);
        assertEquals(uninterrupted.seen.subList(before, uninterrupted.seen.size()).toString(), resumed.seen.toString());

        InvalidCheckpointException otherCount = assertThrows(InvalidCheckpointException.class,
                () -> new Recorder(9, 0).loadCheckpoint(file, cartPoles(2)));
        assertTrue(otherCount.getMessage().contains("3 copies of " + CartPole.class.getName()), otherCount.getMessage());
        assertThrows(InvalidCheckpointException.class, () -> new Recorder(9, 0).loadCheckpoint(file, new CartPole()));
    }

    @Test
    void refusesWhatItCannotServe() {
        Recorder learner = new Recorder(0, 0);
        SyncVectorEnvironment<double[], Integer> nextStep = new SyncVectorEnvironment<>(
                List.of(new CartPole(), new CartPole()), VectorEnvironment.AutoresetMode.NEXT_STEP);
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> learner.train(nextStep, Budget.steps(10)));
        assertTrue(mode.getMessage().contains("NEXT_STEP"), mode.getMessage());

        UnsupportedOperationException limit = assertThrows(UnsupportedOperationException.class,
                () -> new Recorder(0, 200).train(cartPoles(2), Budget.steps(10)));
        assertTrue(limit.getMessage().contains("TimeLimit"), limit.getMessage());

        Recorder checkpointing = new Recorder(0, 0);
        checkpointing.checkpointEvery(100, Path.of("unused.bin"));
        assertThrows(IllegalStateException.class, () -> checkpointing.train(cartPoles(2), Budget.steps(10)));

        UnsupportedOperationException episodic = assertThrows(UnsupportedOperationException.class,
                () -> new Recorder(0, 0, false).train(cartPoles(2), Budget.steps(10)));
        assertTrue(episodic.getMessage().contains("one episode at a time"), episodic.getMessage());
        assertThrows(IllegalArgumentException.class, () -> learner.train((VectorEnvironment<double[], Integer>) null,
                Budget.steps(10)));
        assertEquals(0, learner.totalSteps(), "nothing was trained by a refused call");
    }
}
