package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.space.Space;

import java.util.Objects;
import java.util.function.Function;

/**
 * Applies a function to every observation, as Gymnasium's {@code TransformObservation}. The caller
 * states the space of the transformed observations; the function should map every observation of
 * the inner space into it ({@code EnvironmentChecker} verifies this on sampled trajectories).
 *
 * @param <O> the transformed observation type
 * @param <A> the action type
 * @param <I> the inner observation type
 */
public final class TransformObservation<O, A, I> extends ObservationWrapper<O, A, I> {

    private final Function<? super I, ? extends O> function;
    private final Space<O> observationSpace;

    /**
     * @param env              the environment whose observations to transform
     * @param function         the transformation, applied to the observations of {@code reset} and {@code step}
     * @param observationSpace the space of the transformed observations
     * @throws NullPointerException if {@code function} or {@code observationSpace} is {@code null}
     */
    public TransformObservation(Environment<I, A> env, Function<? super I, ? extends O> function,
                                Space<O> observationSpace) {
        super(env);
        this.function = Objects.requireNonNull(function, "function must not be null");
        this.observationSpace = Objects.requireNonNull(observationSpace, "observationSpace must not be null");
    }

    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    protected O observation(I observation) {
        return function.apply(observation);
    }
}
