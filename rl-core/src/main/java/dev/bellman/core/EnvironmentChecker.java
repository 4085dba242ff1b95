package dev.bellman.core;

import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.space.Space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Validates an {@link Environment} against the contract of {@code Environment} and {@link Step}, as
 * Gymnasium's {@code check_env}, and reports every problem found in one list, each with a hint on
 * how to fix it. The checks, in order:
 * <ol>
 *   <li>{@link Check#SPACES}: both spaces non-null; {@code sample} returns members
 *       ({@code contains} accepts them); {@code contains(null)} is {@code false} without throwing.</li>
 *   <li>{@link Check#RESET}: {@code reset(seed)} returns a non-null observation inside the
 *       observation space, with no NaN in a {@code double[]}.</li>
 *   <li>{@link Check#STEP}: one episode of up to {@code maxSteps} steps with actions sampled from the
 *       action space (by a generator seeded from {@code seed}): every {@code Step} non-null, its
 *       observation inside the space and free of NaN, its reward finite.</li>
 *   <li>{@link Check#STEP_AFTER_DONE}: if that episode ended, one more {@code step} throws
 *       {@link IllegalStateException} (skipped, with a note, if it did not end).</li>
 *   <li>{@link Check#INVALID_ACTION}: after a fresh {@code reset(seed)}, each of a few invalid actions
 *       is rejected with {@link IllegalArgumentException}: {@code null} for every space; {@code -1}
 *       and {@code n} for a {@link DiscreteSpace}; a wrong length, a NaN component and a component
 *       beyond a finite bound for a {@link BoxSpace}.</li>
 *   <li>{@link Check#DETERMINISM}: a second run with the same seed and the same sampled actions gives
 *       the same observations (by {@code equals}, arrays by content), rewards and flags.</li>
 * </ol>
 * The checker never throws because of the environment: an exception it raises becomes a problem.
 */
public final class EnvironmentChecker {

    /** The default number of steps of the checked episode. */
    public static final int DEFAULT_MAX_STEPS = 1000;

    /** A class of checks, for grouping and filtering problems. */
    public enum Check {
        /** The observation and action spaces. */
        SPACES,
        /** The observation returned by {@code reset}. */
        RESET,
        /** The {@code Step}s of a running episode. */
        STEP,
        /** Stepping after the episode ended. */
        STEP_AFTER_DONE,
        /** Rejection of actions outside the action space. */
        INVALID_ACTION,
        /** Reproducibility under a seed. */
        DETERMINISM
    }

    /**
     * One problem found.
     *
     * @param check   the class of check that found it
     * @param message what is wrong, naming the offending value
     * @param hint    how to fix it
     */
    public record Problem(Check check, String message, String hint) {

        /** @return {@code [CHECK] message (fix: hint)} */
        @Override
        public String toString() {
            return "[" + check + "] " + message + " (fix: " + hint + ")";
        }
    }

    /**
     * The outcome of a check.
     *
     * @param environment a description of the checked environment ({@code toString})
     * @param problems    every problem found, in the order found; empty if none
     * @param notes       checks that could not run and why (not problems)
     */
    public record Report(String environment, List<Problem> problems, List<String> notes) {

        /**
         * Copies the lists.
         *
         * @param environment a description of the checked environment ({@code toString})
         * @param problems    every problem found, in the order found; empty if none
         * @param notes       checks that could not run and why (not problems)
         */
        public Report {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        /** @return {@code true} if no problem was found */
        public boolean isOk() {
            return problems.isEmpty();
        }

        /**
         * @param check a class of checks
         * @return the problems that class found
         */
        public List<Problem> problems(Check check) {
            return problems.stream().filter(p -> p.check() == check).toList();
        }

        /** @return a readable multi-line summary: one numbered line per problem, then the notes */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("EnvironmentChecker: ");
            text.append(problems.isEmpty() ? "no problems" : problems.size() + (problems.size() == 1 ? " problem" : " problems"))
                    .append(" in ").append(environment);
            for (int i = 0; i < problems.size(); i++) {
                Problem p = problems.get(i);
                text.append(System.lineSeparator()).append("  ").append(i + 1).append(". [").append(p.check()).append("] ")
                        .append(p.message()).append(System.lineSeparator()).append("     fix: ").append(p.hint());
            }
            for (String note : notes) {
                text.append(System.lineSeparator()).append("  note: ").append(note);
            }
            return text.toString();
        }
    }

    private EnvironmentChecker() {
    }

    /**
     * Checks {@code env} with seed 0 and episodes of at most {@link #DEFAULT_MAX_STEPS} steps.
     *
     * @param env the environment to check; it is reset and stepped, not closed
     * @param <O>  the observation type
     * @param <A>  the action type
     * @return the report; {@link Report#isOk()} if no problem was found
     * @throws NullPointerException if {@code env} is {@code null}
     */
    public static <O, A> Report check(Environment<O, A> env) {
        return check(env, 0L, DEFAULT_MAX_STEPS);
    }

    /**
     * Checks {@code env}.
     *
     * @param env      the environment to check; it is reset and stepped, not closed
     * @param seed     the seed of {@code reset(seed)} and of the sampled actions
     * @param maxSteps the most steps of the checked episode, at least 1
     * @param <O>      the observation type
     * @param <A>      the action type
     * @return the report; {@link Report#isOk()} if no problem was found
     * @throws NullPointerException     if {@code env} is {@code null}
     * @throws IllegalArgumentException if {@code maxSteps < 1}
     */
    public static <O, A> Report check(Environment<O, A> env, long seed, int maxSteps) {
        Objects.requireNonNull(env, "the environment to check must not be null");
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps = " + maxSteps + " must be at least 1");
        }
        return new Run<>(env, seed, maxSteps).check();
    }

    /** The state of one check. */
    private static final class Run<O, A> {

        private final Environment<O, A> env;
        private final long seed;
        private final int maxSteps;
        private final List<Problem> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Set<String> reported = new HashSet<>();
        private Space<O> observationSpace;
        private Space<A> actionSpace;

        Run(Environment<O, A> env, long seed, int maxSteps) {
            this.env = env;
            this.seed = seed;
            this.maxSteps = maxSteps;
        }

        Report check() {
            String name;
            try {
                name = String.valueOf(env);
            } catch (RuntimeException e) {
                name = env.getClass().getName();
            }
            if (checkSpaces()) {
                O first = checkReset();
                if (first != null) {
                    Trajectory run = runEpisode(true);
                    if (run != null) {
                        if (run.ended) {
                            checkStepAfterDone();
                        } else {
                            notes.add("the episode did not end within " + maxSteps
                                    + " steps, so stepping after the end was not checked");
                        }
                        checkInvalidActions();
                        Trajectory again = runEpisode(false);
                        if (again != null) {
                            compare(run, again);
                        }
                    }
                }
            }
            return new Report(name, problems, notes);
        }

        private void problem(Check check, String message, String hint) {
            problems.add(new Problem(check, message, hint));
        }

        /** Reports a problem only the first time its key is seen, so one fault is not listed per step. */
        private void problemOnce(String key, Check check, String message, String hint) {
            if (reported.add(key)) {
                problem(check, message, hint);
            }
        }

        private boolean checkSpaces() {
            try {
                observationSpace = env.observationSpace();
            } catch (RuntimeException e) {
                problem(Check.SPACES, "observationSpace() threw " + e, "return the space of the observations");
            }
            try {
                actionSpace = env.actionSpace();
            } catch (RuntimeException e) {
                problem(Check.SPACES, "actionSpace() threw " + e, "return the space of the actions");
            }
            boolean ok = problems.isEmpty();
            if (ok && observationSpace == null) {
                problem(Check.SPACES, "observationSpace() returned null",
                        "return the space every observation belongs to, e.g. new DiscreteSpace(n) or new BoxSpace(low, high)");
                ok = false;
            }
            if (ok && actionSpace == null) {
                problem(Check.SPACES, "actionSpace() returned null",
                        "return the space of legal actions, e.g. new DiscreteSpace(n) or new BoxSpace(low, high)");
                ok = false;
            }
            if (!ok) {
                return false;
            }
            return checkSpace(observationSpace, "observation") & checkSpace(actionSpace, "action");
        }

        private <T> boolean checkSpace(Space<T> space, String what) {
            SplittableRandom rng = new SplittableRandom(seed);
            try {
                for (int i = 0; i < 20; i++) {
                    T sample = space.sample(rng);
                    if (sample == null || !space.contains(sample)) {
                        problem(Check.SPACES, "the " + what + " space " + space + " sampled " + describe(sample)
                                        + ", which its contains() rejects",
                                "make sample() draw only members and contains() accept every member");
                        return false;
                    }
                }
            } catch (RuntimeException e) {
                problem(Check.SPACES, "the " + what + " space " + space + " threw " + e + " while sampling",
                        "make sample(rng) and contains(value) total: they must not throw");
                return false;
            }
            try {
                if (space.contains(null)) {
                    problem(Check.SPACES, "the " + what + " space " + space + " contains null",
                            "return false from contains(null)");
                }
            } catch (RuntimeException e) {
                problem(Check.SPACES, "the " + what + " space " + space + " threw " + e + " from contains(null)",
                        "return false from contains(null) instead of throwing");
            }
            return true;
        }

        private O checkReset() {
            O first;
            try {
                first = env.reset(seed);
            } catch (RuntimeException e) {
                problem(Check.RESET, "reset(" + seed + ") threw " + e, "make reset(seed) start an episode from any state");
                return null;
            }
            if (first == null) {
                problem(Check.RESET, "reset(" + seed + ") returned null", "return the first observation of the episode");
                return null;
            }
            checkObservation(first, Check.RESET, "reset(" + seed + ")");
            return first;
        }

        /** Reports a NaN in, or an observation outside, the observation space. */
        private void checkObservation(O observation, Check check, String where) {
            if (observation instanceof double[] array) {
                for (int i = 0; i < array.length; i++) {
                    if (Double.isNaN(array[i])) {
                        problemOnce(check + "nan", check, where + " returned the observation " + describe(array)
                                        + " with NaN at index " + i,
                                "find the computation that produced NaN (0/0, sqrt of a negative, an unset state)");
                        return;
                    }
                }
            }
            boolean inside;
            try {
                inside = observationSpace.contains(observation);
            } catch (RuntimeException e) {
                inside = false;
            }
            if (!inside) {
                problemOnce(check + "outside", check, where + " returned the observation " + describe(observation)
                                + ", outside the observation space " + observationSpace,
                        "widen the observation space to cover every reachable observation, or fix the observation");
            }
        }

        /** One recorded episode: entries of {reset observation} then {observation, reward, terminated, truncated}. */
        private record Trajectory(List<Object[]> entries, boolean ended) {
        }

        private Trajectory runEpisode(boolean checkContract) {
            SplittableRandom actions = new SplittableRandom(seed ^ 0x5DEECE66DL);
            List<Object[]> entries = new ArrayList<>();
            O first;
            try {
                first = env.reset(seed);
            } catch (RuntimeException e) {
                problem(Check.RESET, "reset(" + seed + ") threw " + e + " when called again",
                        "make reset(seed) callable at any time, also in the middle of an episode");
                return null;
            }
            entries.add(new Object[] {copy(first)});
            for (int t = 1; t <= maxSteps; t++) {
                A action = actionSpace.sample(actions);
                Step<O> step;
                try {
                    step = env.step(action);
                } catch (RuntimeException e) {
                    problem(checkContract ? Check.STEP : Check.DETERMINISM, "step(" + describe(action) + ") threw " + e
                                    + " at step " + t + " of a running episode",
                            "accept every action of the action space " + actionSpace + " while the episode runs");
                    return null;
                }
                if (step == null) {
                    problem(Check.STEP, "step(" + describe(action) + ") returned null at step " + t,
                            "return new Step<>(observation, reward, terminated, truncated)");
                    return null;
                }
                if (checkContract) {
                    checkObservation(step.observation(), Check.STEP, "step " + t);
                    if (!Double.isFinite(step.reward())) {
                        problemOnce("reward", Check.STEP, "step " + t + " returned the reward " + step.reward(),
                                "return a finite reward (no NaN or infinity)");
                    }
                }
                entries.add(new Object[] {copy(step.observation()), step.reward(), step.terminated(), step.truncated()});
                if (step.done()) {
                    return new Trajectory(entries, true);
                }
            }
            return new Trajectory(entries, false);
        }

        private void checkStepAfterDone() {
            A action = actionSpace.sample(new SplittableRandom(seed));
            try {
                env.step(action);
                problem(Check.STEP_AFTER_DONE, "step(" + describe(action) + ") after the episode ended returned normally",
                        "remember that the episode is done and throw IllegalStateException from step until reset");
            } catch (IllegalStateException expected) {
                // the contract
            } catch (RuntimeException e) {
                problem(Check.STEP_AFTER_DONE, "step(" + describe(action) + ") after the episode ended threw " + e
                                + " instead of IllegalStateException",
                        "check for a finished episode first in step and throw IllegalStateException");
            }
        }

        private void checkInvalidActions() {
            List<Object> invalid = new ArrayList<>();
            invalid.add(null);
            if (actionSpace instanceof DiscreteSpace discrete) {
                invalid.add(-1);
                invalid.add(discrete.n());
            } else if (actionSpace instanceof BoxSpace box) {
                int n = box.dimension();
                invalid.add(new double[n + 1]);
                double[] nan = box.sample(new SplittableRandom(seed));
                nan[0] = Double.NaN;
                invalid.add(nan);
                double[] high = box.high();
                for (int i = 0; i < n; i++) {
                    if (Double.isFinite(high[i])) {
                        double[] beyond = box.sample(new SplittableRandom(seed));
                        beyond[i] = high[i] + Math.max(1, Math.abs(high[i]));
                        invalid.add(beyond);
                        break;
                    }
                }
            }
            @SuppressWarnings("unchecked")
            Environment<O, Object> raw = (Environment<O, Object>) env;
            for (Object action : invalid) {
                try {
                    raw.reset(seed);
                } catch (RuntimeException e) {
                    problem(Check.RESET, "reset(" + seed + ") threw " + e + " when called again",
                            "make reset(seed) callable at any time");
                    return;
                }
                try {
                    raw.step(action);
                    problem(Check.INVALID_ACTION, "step(" + describe(action) + ") accepted an action outside the action space "
                                    + actionSpace,
                            "check the action first in step and throw IllegalArgumentException naming the value and the space");
                } catch (IllegalArgumentException expected) {
                    // the contract
                } catch (RuntimeException e) {
                    problem(Check.INVALID_ACTION, "step(" + describe(action) + ") threw " + e
                                    + " instead of IllegalArgumentException",
                            "check the action first in step and throw IllegalArgumentException naming the value and the space");
                }
            }
        }

        private void compare(Trajectory first, Trajectory second) {
            int n = Math.min(first.entries.size(), second.entries.size());
            for (int i = 0; i < n; i++) {
                if (!Arrays.deepEquals(first.entries.get(i), second.entries.get(i))) {
                    String what = i == 0 ? "reset(" + seed + ")" : "step " + i;
                    problem(Check.DETERMINISM, "two runs with seed " + seed + " and the same actions differ at " + what + ": "
                                    + describeEntry(first.entries.get(i)) + " vs " + describeEntry(second.entries.get(i)),
                            "draw all randomness from a generator created in reset(seed) from the seed, "
                                    + "and reset every piece of episode state in reset");
                    return;
                }
            }
            if (first.entries.size() != second.entries.size()) {
                problem(Check.DETERMINISM, "two runs with seed " + seed + " and the same actions have lengths "
                                + (first.entries.size() - 1) + " and " + (second.entries.size() - 1),
                        "draw all randomness from a generator created in reset(seed) from the seed");
            }
        }

        private static Object copy(Object observation) {
            return observation instanceof double[] array ? array.clone() : observation;
        }

        private static String describeEntry(Object[] entry) {
            if (entry.length == 1) {
                return describe(entry[0]);
            }
            return "(" + describe(entry[0]) + ", reward " + entry[1] + ", terminated " + entry[2]
                    + ", truncated " + entry[3] + ")";
        }
    }

    private static String describe(Object value) {
        if (value instanceof double[] array) {
            return Arrays.toString(array);
        }
        if (value instanceof int[] array) {
            return Arrays.toString(array);
        }
        return String.valueOf(value);
    }
}
