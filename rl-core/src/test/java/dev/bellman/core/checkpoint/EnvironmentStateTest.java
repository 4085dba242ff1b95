package dev.bellman.core.checkpoint;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.wrappers.EpisodeStatistics;
import dev.bellman.core.wrappers.NormalizeObservation;
import dev.bellman.core.wrappers.NormalizeReward;
import dev.bellman.core.wrappers.TimeLimit;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.env.toytext.Blackjack;
import dev.bellman.env.toytext.RandomWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled environment and stateful wrapper, saved in the middle of a run (mid-episode, after
 * several resets) and restored into a fresh copy, continues with exactly the observations, rewards
 * and flags of the original under the same actions, resets included.
 */
class EnvironmentStateTest {

    static List<String> classicIds() {
        return Environments.ids();
    }

    @ParameterizedTest
    @MethodSource("classicIds")
    void classicControlResumesExactly(String id) throws IOException {
        assertResumes(() -> Environments.make(id), 731, 1500);
    }

    @Test
    void gridWorldsResumeExactly() throws IOException {
        for (GridWorldPreset preset : GridWorldPreset.values()) {
            assertResumes(() -> new TimeLimit<>(preset.builder().slip(0.2).build(), 40), 97, 400);
        }
    }

    @Test
    void toyTextResumesExactly() throws IOException {
        assertResumes(RandomWalk::nineteenStates, 55, 300);
        assertResumes(Blackjack::new, 55, 300);
    }

    @Test
    void statefulWrappersResumeExactly() throws IOException {
        assertResumes(() -> new NormalizeReward<>(new NormalizeObservation<>(Environments.make("Pendulum-v1"))), 333, 600);
        assertResumes(() -> new EpisodeStatistics<>(Environments.make("CartPole-v1")), 333, 600);
    }

    @Test
    void restoringAnotherEnvironmentsStateNamesTheSection() throws IOException {
        Environment<double[], ?> cartPole = Environments.make("CartPole-v1");
        cartPole.reset(3);
        byte[] saved = save((Checkpointable) cartPole);
        Environment<double[], ?> pendulum = Environments.make("Pendulum-v1");
        InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                () -> ((Checkpointable) pendulum).readState(new StateReader(new ByteArrayInputStream(saved))));
        assertTrue(e.getMessage().contains("expected the section 'Pendulum' after 'wrapped' but found 'CartPole'"), e.getMessage());
    }

    @Test
    void aWrapperOfAnEnvironmentWithoutStateSaysSo() {
        Environment<Integer, Integer> plain = new Environment<>() {
            private final dev.bellman.core.space.DiscreteSpace space = new dev.bellman.core.space.DiscreteSpace(2);

            @Override
            public dev.bellman.core.space.Space<Integer> observationSpace() {
                return space;
            }

            @Override
            public dev.bellman.core.space.Space<Integer> actionSpace() {
                return space;
            }

            @Override
            public Integer reset(long seed) {
                return 0;
            }

            @Override
            public Integer reset() {
                return 0;
            }

            @Override
            public Step<Integer> step(Integer action) {
                return new Step<>(0, 0, true, false);
            }
        };
        TimeLimit<Integer, Integer> limited = new TimeLimit<>(plain, 5);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> save(limited));
        assertTrue(e.getMessage().contains("does not implement dev.bellman.core.checkpoint.Checkpointable"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <O, A> void assertResumes(Supplier<? extends Environment<O, ?>> factory, int before, int after) throws IOException {
        Environment<O, A> original = (Environment<O, A>) factory.get();
        SplittableRandom actions = new SplittableRandom(11);
        original.reset(5);
        play(original, actions, before);
        byte[] saved = save((Checkpointable) original);
        long actionSeed = actions.nextLong();
        List<String> expected = play(original, new SplittableRandom(actionSeed), after);

        Environment<O, A> restored = (Environment<O, A>) factory.get();
        ((Checkpointable) restored).readState(new StateReader(new ByteArrayInputStream(saved)));
        List<String> actual = play(restored, new SplittableRandom(actionSeed), after);
        assertEquals(expected, actual, original.toString());
    }

    /** Random actions, resetting (without a seed) after each episode; the record of every step and reset. */
    private static <O, A> List<String> play(Environment<O, A> env, SplittableRandom actions, int steps) {
        List<String> record = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            Step<O> step = env.step(env.actionSpace().sample(actions));
            record.add(describe(step.observation()) + " " + step.reward() + " " + step.terminated() + " " + step.truncated());
            if (step.done()) {
                record.add("reset " + describe(env.reset()));
            }
        }
        return record;
    }

    private static String describe(Object observation) {
        return observation instanceof double[] values ? Arrays.toString(values) : String.valueOf(observation);
    }

    private static byte[] save(Checkpointable state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        state.writeState(out);
        out.flush();
        return bytes.toByteArray();
    }
}
