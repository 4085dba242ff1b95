package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.DiscreteSpace;

/**
 * A test environment whose observation is the step count and whose reward is the action plus 1; it
 * terminates after {@code terminateAfter} steps (0 = never) and enforces the step contract.
 */
class CountingEnvironment implements Environment<Integer, Integer> {

    private final int terminateAfter;
    private final DiscreteSpace actions = new DiscreteSpace(2);
    private int t;
    private boolean running;
    int resets;

    CountingEnvironment(int terminateAfter) {
        this.terminateAfter = terminateAfter;
    }

    @Override
    public DiscreteSpace observationSpace() {
        return new DiscreteSpace(1000);
    }

    @Override
    public DiscreteSpace actionSpace() {
        return actions;
    }

    @Override
    public Integer reset(long seed) {
        return reset();
    }

    @Override
    public Integer reset() {
        resets++;
        t = 0;
        running = true;
        return t;
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (!running) {
            throw new IllegalStateException("not running");
        }
        int a = actions.require(action, "action");
        t++;
        boolean terminated = t == terminateAfter;
        running = !terminated;
        return new Step<>(t, a + 1.0, terminated, false);
    }
}
