package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.BoxSpace;

import java.util.ArrayList;
import java.util.List;

/**
 * A test environment with box observations and actions that replays a script: {@code reset} returns
 * {@code observations[0]}, step {@code k} (from 1) returns {@code observations[k]} and
 * {@code rewards[k - 1]}, and terminates at step {@code terminateAt} (0 = never). It records the
 * actions it receives. It does not check its own contract beyond the action shape.
 */
final class ScriptedBoxEnvironment implements Environment<double[], double[]> {

    private final BoxSpace observationSpace;
    private final BoxSpace actionSpace;
    private final double[][] observations;
    private final double[] rewards;
    private final int terminateAt;
    final List<double[]> actions = new ArrayList<>();
    private int t;

    ScriptedBoxEnvironment(BoxSpace observationSpace, BoxSpace actionSpace, double[][] observations,
                           double[] rewards, int terminateAt) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.observations = observations;
        this.rewards = rewards;
        this.terminateAt = terminateAt;
    }

    @Override
    public BoxSpace observationSpace() {
        return observationSpace;
    }

    @Override
    public BoxSpace actionSpace() {
        return actionSpace;
    }

    @Override
    public double[] reset(long seed) {
        return reset();
    }

    @Override
    public double[] reset() {
        t = 0;
        return observations[0].clone();
    }

    @Override
    public Step<double[]> step(double[] action) {
        if (!actionSpace.contains(action)) {
            throw new IllegalArgumentException("action outside " + actionSpace);
        }
        actions.add(action.clone());
        t++;
        return new Step<>(observations[Math.min(t, observations.length - 1)].clone(),
                rewards[Math.min(t - 1, rewards.length - 1)], t == terminateAt, false);
    }
}
