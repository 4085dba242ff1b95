package dev.bellman.tabular.mc;

import dev.bellman.core.Environment;
import dev.bellman.core.ExploringStarts;
import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Step;
import dev.bellman.core.Transition;
import dev.bellman.core.space.DiscreteSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-made finite MDP run as an environment (that can also start anywhere, as
 * {@link ExploringStarts}), for the tests' small models. Episodes start in a fixed state or, if none is
 * given, in a uniformly random non-terminal state; each step samples the model's outcomes with the
 * environment's own stream; reaching a terminal state terminates the episode.
 *
 * <p>{@link #reset(long)} seeds the stream with {@code new SplittableRandom(seed)}, as the bundled
 * environments do; {@code EpisodicLearner} splits its own stream off the seed, so the two are
 * independent (the Example 5.5 test would fail if they ran in lockstep).
 */
final class MdpEnvironment implements Environment<Integer, Integer>, ExploringStarts<Integer> {

    private final FiniteMdp mdp;
    private final int start;
    private final List<Integer> startStates = new ArrayList<>();
    private final DiscreteSpace observations;
    private final DiscreteSpace actions;
    private SplittableRandom rng = new SplittableRandom(0);
    private int state = -1;
    private boolean done = true;

    /** @param start the state every {@link #reset()} starts in, or -1 for a uniformly random non-terminal one */
    MdpEnvironment(FiniteMdp mdp, int start) {
        this.mdp = mdp;
        this.start = start;
        for (int s = 0; s < mdp.stateCount(); s++) {
            if (!mdp.isTerminal(s)) {
                startStates.add(s);
            }
        }
        this.observations = new DiscreteSpace(mdp.stateCount());
        this.actions = new DiscreteSpace(mdp.actionCount());
    }

    @Override
    public DiscreteSpace observationSpace() {
        return observations;
    }

    @Override
    public DiscreteSpace actionSpace() {
        return actions;
    }

    @Override
    public Integer reset(long seed) {
        rng = new SplittableRandom(seed);
        return reset();
    }

    @Override
    public Integer reset() {
        return resetTo(start >= 0 ? start : startStates.get(rng.nextInt(startStates.size())));
    }

    @Override
    public List<Integer> startStates() {
        return List.copyOf(startStates);
    }

    @Override
    public Integer resetTo(Integer state) {
        if (!startStates.contains(state)) {
            throw new IllegalArgumentException("state " + state + " is not a start state");
        }
        this.state = state;
        done = false;
        return state;
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (done) {
            throw new IllegalStateException("episode is over");
        }
        List<Transition> outcomes = mdp.transitions(state, action);
        double u = rng.nextDouble();
        Transition chosen = outcomes.get(outcomes.size() - 1);
        for (Transition t : outcomes) {
            u -= t.probability();
            if (u < 0) {
                chosen = t;
                break;
            }
        }
        state = chosen.nextState();
        done = mdp.isTerminal(state);
        return new Step<>(state, chosen.reward(), done, false);
    }
}
