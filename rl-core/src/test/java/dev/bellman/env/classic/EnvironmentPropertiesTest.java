package dev.bellman.env.classic;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.Space;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every registered classic-control environment ({@link Environments#ids()}, in its time-limited
 * form) under random actions drawn from its own action space: every observation, the first of each
 * episode included, lies in the observation space and every reward is finite. A seeded reset is
 * reproducible; a negative seed (which Gymnasium's seeding rejects too) is refused with an
 * {@link IllegalArgumentException} naming it. jqwik chooses the environment, the reset seed and the
 * seed of the action stream; each try runs {@value #STEPS} steps over as many episodes as that
 * takes (240 tries, about 40 per environment: 1.2 million steps).
 */
class EnvironmentPropertiesTest {

    private static final int STEPS = 5_000;

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of(Environments.ids());
    }

    @Property(tries = 240)
    void randomActionsNeverLeaveTheObservationSpace(@ForAll("ids") String id,
                                                    @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long resetSeed,
                                                    @ForAll long actionSeed) {
        try (Environment<double[], ?> env = Environments.make(id)) {
            int episodes = run(env, id, resetSeed, new SplittableRandom(actionSeed));
            assertTrue(episodes >= 1);
        }
    }

    /** Steps {@code env} {@value #STEPS} times with sampled actions, resetting when an episode ends. */
    private static <A> int run(Environment<double[], A> env, String id, long resetSeed, SplittableRandom rng) {
        Space<double[]> observations = env.observationSpace();
        Space<A> actions = env.actionSpace();
        double[] observation = env.reset(resetSeed);
        requireInside(observations, observation, id, "the first observation after reset(" + resetSeed + ")");
        int episodes = 1;
        int episodeStep = 0;
        for (int t = 0; t < STEPS; t++) {
            A action = actions.sample(rng);
            assertTrue(actions.contains(action), id + ": the action space sampled a non-member");
            Step<double[]> step = env.step(action);
            episodeStep++;
            String where = "episode " + episodes + ", step " + episodeStep + " (action " + describe(action) + ")";
            requireInside(observations, step.observation(), id, where);
            if (!Double.isFinite(step.reward())) {
                fail(id + ": reward " + step.reward() + " at " + where);
            }
            if (step.done()) {
                observation = env.reset();
                requireInside(observations, observation, id, "the first observation of episode " + (episodes + 1));
                episodes++;
                episodeStep = 0;
            }
        }
        return episodes;
    }

    private static void requireInside(Space<double[]> space, double[] observation, String id, String where) {
        if (!space.contains(observation)) {
            fail(id + ": observation " + Arrays.toString(observation) + " at " + where + " is outside " + space);
        }
    }

    private static String describe(Object action) {
        return action instanceof double[] vector ? Arrays.toString(vector) : String.valueOf(action);
    }

    @Property(tries = 100)
    void resetWithTheSameSeedGivesTheSameFirstObservation(@ForAll("ids") String id,
                                                          @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                          @ForAll long actionSeed,
                                                          @ForAll @IntRange(min = 0, max = 300) int stepsBetween) {
        try (Environment<double[], ?> env = Environments.make(id);
             Environment<double[], ?> fresh = Environments.make(id)) {
            double[] first = env.reset(seed).clone();
            wander(env, stepsBetween, new SplittableRandom(actionSeed));
            double[] again = env.reset(seed).clone();
            assertArrayEquals(first, again, 0.0, id + ": reset(" + seed + ") after " + stepsBetween + " steps");
            assertArrayEquals(first, fresh.reset(seed), 0.0, id + ": reset(" + seed + ") of a new environment");
        }
    }

    /** Takes {@code steps} random actions, resetting (unseeded) when an episode ends. */
    private static <A> void wander(Environment<double[], A> env, int steps, SplittableRandom rng) {
        for (int t = 0; t < steps; t++) {
            if (env.step(env.actionSpace().sample(rng)).done()) {
                env.reset();
            }
        }
    }

    @Property(tries = 50)
    void negativeSeedsAreRejectedNamingTheSeed(@ForAll("ids") String id,
                                               @ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long seed) {
        try (Environment<double[], ?> env = Environments.make(id)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.reset(seed));
            assertTrue(e.getMessage().contains(Long.toString(seed)), id + ": " + e.getMessage());
        }
    }
}
