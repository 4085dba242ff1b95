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
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The auto-reset bookkeeping shared by the vector environments; subclasses decide only which
 * thread runs the work of each copy.
 */
abstract class VectorCopies<O, A> implements VectorEnvironment<O, A> {

    private final String kind;
    private final List<Environment<O, A>> envs;
    private final AutoresetMode mode;
    private final boolean[] pendingReset;
    private final Object[] results;
    private boolean started;

    VectorCopies(String kind, List<? extends Environment<O, A>> envs, AutoresetMode mode) {
        this.kind = kind;
        Objects.requireNonNull(envs, "envs must not be null");
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        if (envs.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs at least one environment; got none");
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
        this.results = new Object[envs.size()];
    }

    static <O, A> List<Environment<O, A>> copies(String kind, Supplier<? extends Environment<O, A>> factory, int n) {
        Objects.requireNonNull(factory, "factory must not be null");
        if (n < 1) {
            throw new IllegalArgumentException(kind + " size n = " + n + " must be at least 1");
        }
        List<Environment<O, A>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(factory.get());
        }
        return list;
    }

    /**
     * Runs {@code work} once for every copy index in {@code [0, size())}, returning when all are
     * done; the first exception thrown by any index is rethrown.
     */
    abstract void forEachCopy(IntConsumer work);

    @Override
    public final int size() {
        return envs.size();
    }

    @Override
    public final AutoresetMode mode() {
        return mode;
    }

    @Override
    public final Space<O> singleObservationSpace() {
        return envs.get(0).observationSpace();
    }

    @Override
    public final Space<A> singleActionSpace() {
        return envs.get(0).actionSpace();
    }

    @Override
    public final List<Environment<O, A>> environments() {
        return envs;
    }

    @Override
    public final List<O> reset(long seed) {
        forEachCopy(i -> results[i] = envs.get(i).reset(seed + i));
        return start();
    }

    @Override
    public final List<O> reset() {
        forEachCopy(i -> results[i] = envs.get(i).reset());
        return start();
    }

    private List<O> start() {
        Arrays.fill(pendingReset, false);
        started = true;
        return collect();
    }

    @Override
    public final List<Step<O>> step(List<? extends A> actions) {
        if (!started) {
            throw new IllegalStateException("step called before reset; call reset(seed) first");
        }
        if (actions == null || actions.size() != envs.size()) {
            throw new IllegalArgumentException("got " + (actions == null ? "null" : actions.size() + " actions")
                    + "; expected one action for each of the " + envs.size() + " environments");
        }
        requireActionsInSpace(actions);
        forEachCopy(i -> results[i] = stepCopy(i, actions.get(i)));
        return collect();
    }

    // Checked before any copy moves, so that a bad action leaves every copy where it was.
    private void requireActionsInSpace(List<? extends A> actions) {
        for (int i = 0; i < envs.size(); i++) {
            A action = actions.get(i);
            Space<A> space = envs.get(i).actionSpace();
            if (!pendingReset[i] && !space.contains(action)) {
                throw new IllegalArgumentException("action " + describe(action) + " for environment " + i
                        + " is outside its action space " + space);
            }
        }
    }

    private static String describe(Object value) {
        return value instanceof double[] array ? Arrays.toString(array) : String.valueOf(value);
    }

    private Step<O> stepCopy(int i, A action) {
        Environment<O, A> env = envs.get(i);
        if (pendingReset[i]) {
            pendingReset[i] = false;
            return new Step<>(env.reset(), 0.0, false, false);
        }
        Step<O> step = env.step(action);
        if (!step.done()) {
            return step;
        }
        if (mode == AutoresetMode.NEXT_STEP) {
            pendingReset[i] = true;
            return step;
        }
        O first = env.reset();
        Map<String, Object> info = new HashMap<>();
        info.put(INFO_FINAL_OBSERVATION, step.observation());
        info.put(INFO_FINAL_INFO, step.info());
        return new Step<>(first, step.reward(), step.terminated(), step.truncated(), info);
    }

    @SuppressWarnings("unchecked") // results[i] was written by reset or stepCopy with the type T asked for
    private <T> List<T> collect() {
        List<T> list = new ArrayList<>(results.length);
        for (int i = 0; i < results.length; i++) {
            list.add((T) results[i]);
            results[i] = null;
        }
        return list;
    }

    @Override
    public void close() {
        for (Environment<O, A> env : envs) {
            env.close();
        }
    }

    @Override
    public String toString() {
        return kind + "(" + envs.size() + " x " + envs.get(0) + ", " + mode + ")";
    }
}
