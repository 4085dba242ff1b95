package dev.bellman.deep.nn;

/**
 * Updates a network's parameters from its gradients.
 *
 * <p>An optimizer reads {@link Mlp#parameters()} and {@link Mlp#gradients()} (filled by
 * {@link Mlp#backward}), writes the parameters and calls {@link Mlp#markParametersChanged()}.
 * Stateful optimizers size their state on the first step and then serve only networks with that
 * parameter count. Implementations in this package: {@link Adam}, {@link RmsProp}, {@link Sgd};
 * {@link ModelFiles} saves and restores their state.
 */
public interface Optimizer {

    /**
     * Applies one update to {@code net}'s parameters using its current gradients.
     *
     * @param net the network to update, whose gradients are current
     * @throws NullPointerException     if {@code net} is null
     * @throws IllegalArgumentException if {@code net}'s parameter count differs from the one this
     *                                  optimizer's state was sized for
     */
    void step(Mlp net);

    /**
     * Number of steps taken so far (restored on load).
     *
     * @return the number of steps taken so far, 0 for a new optimizer
     */
    long stepCount();
}
