package dev.bellman.approx;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.DiscreteSpace;

/** One state, one action, reward 1 per step, never terminating: {@code v = 1 / (1 − γ)}. */
final class LoopEnvironment implements Environment<Integer, Integer> {

    private final DiscreteSpace single = new DiscreteSpace(1);

    @Override
    public DiscreteSpace observationSpace() {
        return single;
    }

    @Override
    public DiscreteSpace actionSpace() {
        return single;
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
        single.require(action, "action");
        return new Step<>(0, 1.0, false, false);
    }

    @Override
    public void close() {
    }
}
