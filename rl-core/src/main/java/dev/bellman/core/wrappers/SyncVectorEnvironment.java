package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.Space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Steps {@code N} copies of an environment one after the other in the calling thread, as
 * Gymnasium's {@code SyncVectorEnv}, resetting each copy automatically when its episode ends.
 *
 * <p>{@link #reset(long) reset(seed)} resets copy {@code i} with {@code seed + i} (as Gymnasium's
 * {@code reset(seed=k)} does); {@link #step(List)} takes one action per copy and returns one
 * {@link Step} per copy, in order. Two auto-reset modes are offered, both Gymnasium's:
 * <ul>
 *   <li>{@link AutoresetMode#SAME_STEP} (the default; Gymnasium 0.26–0.29 and 1.x's
 *       {@code SAME_STEP}): when copy {@code i}'s episode ends, the copy is reset within the same
 *       call. Its {@code Step} keeps the reward and the {@code terminated}/{@code truncated} flags
 *       of the finished step, but its observation is the first observation of the new episode; the
 *       final observation of the finished episode is kept in the info map under
 *       {@link #INFO_FINAL_OBSERVATION}, and the finished step's own info under
 *       {@link #INFO_FINAL_INFO}. Bootstrap a truncated episode from the final observation, never
 *       from {@code observation}.</li>
 *   <li>{@link AutoresetMode#NEXT_STEP} (Gymnasium 1.x's default): the finished step is returned as
 *       the copy returned it; on the next call the copy is reset instead of stepped, its action is
 *       ignored, and its {@code Step} is the first observation of the new episode with reward 0 and
 *       both flags {@code false}.</li>
 * </ul>
 * Automatic resets continue each copy's random stream ({@link Environment#reset()}).
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class SyncVectorEnvironment<O, A> implements AutoCloseable {

    /** Info key, in {@link AutoresetMode#SAME_STEP}, of the finished episode's final observation. */
    public static final String INFO_FINAL_OBSERVATION = "final_observation";
    /** Info key, in {@link AutoresetMode#SAME_STEP}, of the finished step's own info map. */
    public static final String INFO_FINAL_INFO = "final_info";

    /** When a copy whose episode ended is reset. */
    public enum AutoresetMode {
        /** In the same {@code step} call that ended the episode; the final observation goes to the info. */
        SAME_STEP,
        /** In the following {@code step} call, which ignores that copy's action. */
        NEXT_STEP
    }

    private final List<Environment<O, A>> envs;
    private final AutoresetMode mode;
    private final boolean[] pendingReset;
    private boolean started;

    /**
     * Creates {@code n} copies with {@code factory}, with {@link AutoresetMode#SAME_STEP}.
     *
     * @param factory makes one independent copy per call
     * @param n       the number of copies, at least 1
     * @throws IllegalArgumentException if {@code n < 1} or the factory returns {@code null}
     */
    public SyncVectorEnvironment(Supplier<? extends Environment<O, A>> factory, int n) {
        this(copies(factory, n), AutoresetMode.SAME_STEP);
    }

    /**
     * @param envs the copies, at least one, all distinct objects
     * @param mode when finished copies are reset
     * @throws IllegalArgumentException if {@code envs} is empty, holds {@code null} or the same object twice
     * @throws NullPointerException     if {@code envs} or {@code mode} is {@code null}
     */
    public SyncVectorEnvironment(List<? extends Environment<O, A>> envs, AutoresetMode mode) {
        Objects.requireNonNull(envs, "envs must not be null");
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        if (envs.isEmpty()) {
            throw new IllegalArgumentException("SyncVectorEnvironment needs at least one environment; got none");
        }
        for (int i = 0; i < envs.size(); i++) {
            if (envs.get(i) == null) {
                throw new IllegalArgumentException("environment " + i + " is null");
            }
            for (int j = 0; j < i; j++) {
                if (envs.get(j) == envs.get(i)) {
                    throw new IllegalArgumentException("environments " + j + " and " + i
                            + " are the same object; each copy must be independent");
                }
            }
        }
        this.envs = List.copyOf(envs);
        this.pendingReset = new boolean[envs.size()];
    }

    private static <O, A> List<Environment<O, A>> copies(Supplier<? extends Environment<O, A>> factory, int n) {
        Objects.requireNonNull(factory, "factory must not be null");
        if (n < 1) {
            throw new IllegalArgumentException("SyncVectorEnvironment size n = " + n + " must be at least 1");
        }
        List<Environment<O, A>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(factory.get());
        }
        return list;
    }

    /** @return the number of copies */
    public int size() {
        return envs.size();
    }

    /** @return the auto-reset mode */
    public AutoresetMode mode() {
        return mode;
    }

    /** @return the observation space of one copy (that of copy 0) */
    public Space<O> singleObservationSpace() {
        return envs.get(0).observationSpace();
    }

    /** @return the action space of one copy (that of copy 0) */
    public Space<A> singleActionSpace() {
        return envs.get(0).actionSpace();
    }

    /** @return the copies, an unmodifiable list */
    public List<Environment<O, A>> environments() {
        return envs;
    }

    /**
     * Resets every copy, copy {@code i} with seed {@code seed + i}.
     *
     * @param seed the seed of copy 0
     * @return the first observation of each copy, in order
     */
    public List<O> reset(long seed) {
        List<O> observations = new ArrayList<>(envs.size());
        for (int i = 0; i < envs.size(); i++) {
            observations.add(envs.get(i).reset(seed + i));
        }
        start();
        return observations;
    }

    /**
     * Resets every copy, continuing each copy's random stream.
     *
     * @return the first observation of each copy, in order
     */
    public List<O> reset() {
        List<O> observations = new ArrayList<>(envs.size());
        for (Environment<O, A> env : envs) {
            observations.add(env.reset());
        }
        start();
        return observations;
    }

    private void start() {
        Arrays.fill(pendingReset, false);
        started = true;
    }

    /**
     * Steps every copy with its action, resetting finished copies as the {@link #mode()} says.
     *
     * @param actions one action per copy, in order
     * @return one step per copy, in order
     * @throws IllegalArgumentException if the number of actions is not {@link #size()}, or a copy
     *                                  rejects its action
     * @throws IllegalStateException    if {@link #reset(long)} or {@link #reset()} was never called
     */
    public List<Step<O>> step(List<? extends A> actions) {
        if (!started) {
            throw new IllegalStateException("step called before reset; call reset(seed) first");
        }
        if (actions == null || actions.size() != envs.size()) {
            throw new IllegalArgumentException("got " + (actions == null ? "null" : actions.size() + " actions")
                    + "; expected one action for each of the " + envs.size() + " environments");
        }
        List<Step<O>> steps = new ArrayList<>(envs.size());
        for (int i = 0; i < envs.size(); i++) {
            Environment<O, A> env = envs.get(i);
            if (pendingReset[i]) {
                pendingReset[i] = false;
                steps.add(new Step<>(env.reset(), 0.0, false, false));
                continue;
            }
            Step<O> step = env.step(actions.get(i));
            if (!step.done()) {
                steps.add(step);
            } else if (mode == AutoresetMode.NEXT_STEP) {
                pendingReset[i] = true;
                steps.add(step);
            } else {
                O first = env.reset();
                Map<String, Object> info = new HashMap<>();
                info.put(INFO_FINAL_OBSERVATION, step.observation());
                info.put(INFO_FINAL_INFO, step.info());
                steps.add(new Step<>(first, step.reward(), step.terminated(), step.truncated(), info));
            }
        }
        return steps;
    }

    /** Closes every copy. */
    @Override
    public void close() {
        for (Environment<O, A> env : envs) {
            env.close();
        }
    }

    @Override
    public String toString() {
        return "SyncVectorEnvironment(" + envs.size() + " x " + envs.get(0) + ", " + mode + ")";
    }
}
