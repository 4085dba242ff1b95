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
 * </table>
 */
public final class Environments {

    private record Registration(String id, int maxEpisodeSteps, OptionalDouble rewardThreshold) {
    }

    private static final List<Registration> REGISTRY = List.of(
            new Registration("CartPole-v1", 500, OptionalDouble.of(475.0)),
            new Registration("CartPole-v0", 200, OptionalDouble.of(195.0)),
            new Registration("MountainCar-v0", 200, OptionalDouble.of(-110.0)));

    private Environments() {
    }

    /** @return the registered ids, in the order of the table above */
    public static List<String> ids() {
        return REGISTRY.stream().map(Registration::id).toList();
    }

    /**
     * A new environment as registered under {@code id}: the raw environment in its default variant
     * wrapped in a {@link TimeLimit}. All environments registered so far take {@code Integer}
     * actions; {@link #make(String, Class)} gives the typed form.
     *
     * @param id a registered id, e.g. {@code "CartPole-v1"}
     * @return a new, not yet reset environment
     * @throws IllegalArgumentException if {@code id} is not registered
     */
    public static Environment<double[], ?> make(String id) {
        Registration r = registration(id);
        Environment<double[], Integer> raw = switch (r.id()) {
            case "CartPole-v1", "CartPole-v0" -> new CartPole();
            case "MountainCar-v0" -> new MountainCar();
            default -> throw new IllegalStateException("no factory for registered id " + r.id());
        };
        return new TimeLimit<>(raw, r.maxEpisodeSteps());
    }

    /**
     * As {@link #make(String)}, typed by the action class: {@code make("CartPole-v1", Integer.class)}.
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
        if (actionType != Integer.class) {
            throw new IllegalArgumentException("action type " + (actionType == null ? "null" : actionType.getName())
                    + " does not match " + r.id() + "; expected java.lang.Integer");
        }
        // Every registered environment takes Integer actions, checked just above.
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
