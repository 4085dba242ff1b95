package dev.bellman.env.classic;

import dev.bellman.core.Environment;
import dev.bellman.core.wrappers.TimeLimit;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The classic-control environments in their registered form, as Gymnasium's {@code make}: the raw
 * environment with its default settings wrapped in a {@link TimeLimit} of the registered length.
 *
 * <table>
 *   <caption>Registered ids</caption>
 *   <tr><th>id</th><th>class</th><th>max episode steps</th><th>reward threshold</th></tr>
 *   <tr><td>{@code CartPole-v1}</td><td>{@link CartPole}</td><td>500</td><td>475</td></tr>
 *   <tr><td>{@code CartPole-v0}</td><td>{@link CartPole}</td><td>200</td><td>195</td></tr>
 *   <tr><td>{@code MountainCar-v0}</td><td>{@link MountainCar}</td><td>200</td><td>−110</td></tr>
 *   <tr><td>{@code MountainCarContinuous-v0}</td><td>{@link ContinuousMountainCar}</td><td>999</td><td>90</td></tr>
 *   <tr><td>{@code Pendulum-v1}</td><td>{@link Pendulum}</td><td>200</td><td>none</td></tr>
 *   <tr><td>{@code Acrobot-v1}</td><td>{@link Acrobot}</td><td>500</td><td>−100</td></tr>
 * </table>
 */
public final class Environments {

    private record Registration(String id, int maxEpisodeSteps, OptionalDouble rewardThreshold,
                                Class<?> actionType) {
    }

    private static final List<Registration> REGISTRY = List.of(
            new Registration("CartPole-v1", 500, OptionalDouble.of(475.0), Integer.class),
            new Registration("CartPole-v0", 200, OptionalDouble.of(195.0), Integer.class),
            new Registration("MountainCar-v0", 200, OptionalDouble.of(-110.0), Integer.class),
            new Registration("MountainCarContinuous-v0", 999, OptionalDouble.of(90.0), double[].class),
            new Registration("Pendulum-v1", 200, OptionalDouble.empty(), double[].class),
            new Registration("Acrobot-v1", 500, OptionalDouble.of(-100.0), Integer.class));

    private Environments() {
    }

    /** @return the registered ids, in the order of the table above */
    public static List<String> ids() {
        return REGISTRY.stream().map(Registration::id).toList();
    }

    /**
     * A new environment as registered under {@code id}: the raw environment in its default variant
     * wrapped in a {@link TimeLimit}. Discrete environments take {@code Integer} actions, continuous
     * ones ({@code MountainCarContinuous-v0}, {@code Pendulum-v1}) {@code double[]};
     * {@link #make(String, Class)} gives the typed form.
     *
     * @param id a registered id, e.g. {@code "CartPole-v1"}
     * @return a new, not yet reset environment
     * @throws IllegalArgumentException if {@code id} is not registered
     */
    public static Environment<double[], ?> make(String id) {
        Registration r = registration(id);
        return switch (r.id()) {
            case "CartPole-v1", "CartPole-v0" -> new TimeLimit<>(new CartPole(), r.maxEpisodeSteps());
            case "MountainCar-v0" -> new TimeLimit<>(new MountainCar(), r.maxEpisodeSteps());
            case "MountainCarContinuous-v0" -> new TimeLimit<>(new ContinuousMountainCar(), r.maxEpisodeSteps());
            case "Pendulum-v1" -> new TimeLimit<>(new Pendulum(), r.maxEpisodeSteps());
            case "Acrobot-v1" -> new TimeLimit<>(new Acrobot(), r.maxEpisodeSteps());
            default -> throw new IllegalStateException("no factory for registered id " + r.id());
        };
    }

    /**
     * As {@link #make(String)}, typed by the action class: {@code make("CartPole-v1", Integer.class)},
     * {@code make("Pendulum-v1", double[].class)}.
     *
     * @param id         a registered id
     * @param actionType the class of the environment's actions
     * @param <A>        the action type
     * @return a new, not yet reset environment
     * @throws IllegalArgumentException if {@code id} is not registered or its actions are not
     *                                  {@code actionType}
     */
    @SuppressWarnings("unchecked")
    public static <A> Environment<double[], A> make(String id, Class<A> actionType) {
        Registration r = registration(id);
        if (actionType != r.actionType()) {
            throw new IllegalArgumentException("action type " + (actionType == null ? "null" : actionType.getTypeName())
                    + " does not match " + r.id() + "; expected " + r.actionType().getTypeName());
        }
        // The registered action class of the environment, checked just above.
        return (Environment<double[], A>) make(id);
    }

    /**
     * @param id a registered id
     * @return the registered time limit of {@code id}
     * @throws IllegalArgumentException if {@code id} is not registered
     */
    public static int maxEpisodeSteps(String id) {
        return registration(id).maxEpisodeSteps();
    }

    /**
     * @param id a registered id
     * @return the average return at which the task counts as solved, if Gymnasium registers one
     * @throws IllegalArgumentException if {@code id} is not registered
     */
    public static OptionalDouble rewardThreshold(String id) {
        return registration(id).rewardThreshold();
    }

    private static Registration registration(String id) {
        for (Registration r : REGISTRY) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("environment id " + (id == null ? "null" : "\"" + id + "\"")
                + " is not registered; expected one of " + ids());
    }
}
