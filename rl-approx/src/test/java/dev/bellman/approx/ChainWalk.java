package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.DiscreteSpace;

import java.util.SplittableRandom;

/**
 * Lagoudakis &amp; Parr's chain walk (JMLR 2003, after Koller &amp; Parr 2000): states 1..4
 * in a row (observations 0..3 here), actions L (0) and R (1) that move one state that way with
 * probability 0.9 and the other way otherwise, staying put at the ends; the reward is 1 for
 * arriving in state 2 or 3 and 0 elsewhere. Nothing terminates: an episode starts in a uniformly
 * random state and is truncated after {@code episodeLength} steps. With γ = 0.9 the optimal policy
 * is R R L L.
 */
final class ChainWalk implements Environment<Integer, Integer> {

    static final int STATES = 4;
    static final int LEFT = 0;
    static final int RIGHT = 1;
    private static final double SUCCESS = 0.9;

    private final DiscreteSpace observationSpace = new DiscreteSpace(STATES);
    private final DiscreteSpace actionSpace = new DiscreteSpace(2);
    private final int episodeLength;
    private SplittableRandom random = new SplittableRandom(0);
    private int state = -1;
    private int steps;

    ChainWalk(int episodeLength) {
        this.episodeLength = episodeLength;
    }

    /** Lagoudakis &amp; Parr's polynomial features of state s (1-based): {@code [1, s, s²]}. */
    static Features<Integer> polynomial() {
        return new Features<>() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void write(Integer observation, double[] out) {
                double s = observation + 1;
                out[0] = 1;
                out[1] = s;
                out[2] = s * s;
            }
        };
    }

    @Override
    public DiscreteSpace observationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace actionSpace() {
        return actionSpace;
    }

    @Override
    public Integer reset(long seed) {
        random = new SplittableRandom(seed);
        return reset();
    }

    @Override
    public Integer reset() {
        state = random.nextInt(STATES);
        steps = 0;
        return state;
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (state < 0) {
            throw new IllegalStateException("step before reset");
        }
        int a = actionSpace.require(action, "action");
        boolean right = (a == RIGHT) == (random.nextDouble() < SUCCESS);
        state = Math.max(0, Math.min(STATES - 1, state + (right ? 1 : -1)));
        steps++;
        double reward = state == 1 || state == 2 ? 1.0 : 0.0;
        boolean truncated = steps >= episodeLength;
        Step<Integer> step = new Step<>(state, reward, false, truncated);
        if (truncated) {
            state = -1;
        }
        return step;
    }
}
