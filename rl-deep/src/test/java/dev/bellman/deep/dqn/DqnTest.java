package dev.bellman.deep.dqn;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.TrainingDivergedException;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.space.Space;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.classic.Pendulum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DQN on small tasks whose answers are known, and on CartPole. */
class DqnTest {

    /**
     * One state, one action, reward 1 per step. With {@code terminateAfter = 1} every episode ends
     * in a terminal state after one step (Q = 1); otherwise the episode is only truncated after
     * {@code truncateAfter} steps and Q is the infinite discounted sum {@code 1 / (1 − γ)}.
     */
    private static final class ConstantReward implements Environment<double[], Integer> {
        private final boolean terminates;
        private final int truncateAfter;
        private final BoxSpace observations = new BoxSpace(new double[] {0}, new double[] {1});
        private final DiscreteSpace actions = new DiscreteSpace(1);
        private int steps;

        ConstantReward(boolean terminates, int truncateAfter) {
            this.terminates = terminates;
            this.truncateAfter = truncateAfter;
        }

        @Override
        public Space<double[]> observationSpace() {
            return observations;
        }

        @Override
        public Space<Integer> actionSpace() {
            return actions;
        }

        @Override
        public double[] reset(long seed) {
            return reset();
        }

        @Override
        public double[] reset() {
            steps = 0;
            return new double[] {0.5};
        }

        @Override
        public Step<double[]> step(Integer action) {
            steps++;
            return new Step<>(new double[] {0.5}, 1.0, terminates, !terminates && steps >= truncateAfter);
        }

        @Override
        public void close() {
        }
    }

    private static DqnConfig small() {
        return DqnConfig.builder().hiddenLayers(8).learningRate(1e-2).gamma(0.5).bufferSize(1000).batchSize(16)
                .learningStarts(16).trainFrequency(1).gradientSteps(1).targetUpdateInterval(20).build();
    }

    private static double q(Dqn dqn) {
        double[] values = new double[1];
        dqn.network().predict(new double[] {0.5}, values);
        return values[0];
    }

    @Test
    void aTruncatedEpisodeBootstrapsATerminatedOneDoesNot() {
        Dqn truncated = new Dqn(small(), 3000, 1);
        truncated.train(new ConstantReward(false, 5), Budget.steps(3000));
        // γ = 0.5: 1 + 0.5 + 0.25 + ... = 2, although no episode is longer than 5 steps.
        assertEquals(2.0, q(truncated), 0.05);
        Dqn terminated = new Dqn(small(), 3000, 1);
        terminated.train(new ConstantReward(true, 5), Budget.steps(3000));
        assertEquals(1.0, q(terminated), 0.05);
    }

    /**
     * The same fixed points with every option that changes how targets and samples are made: n-step
     * returns (the n-step target of a truncated episode still bootstraps), prioritized replay (its
     * importance weights keep the fixed point), double and dueling networks, squared-error loss.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n-step", "prioritized", "double", "dueling", "mse"})
    void everyVariantKeepsTheBootstrapRules(String variant) {
        DqnConfig.Builder builder = small().toBuilder();
        switch (variant) {
            case "n-step" -> builder.nSteps(3);
            case "prioritized" -> builder.prioritized(true);
            case "double" -> builder.doubleDqn(true);
            case "mse" -> builder.loss(DqnConfig.Loss.MSE);
            default -> builder.dueling(true);
        }
        DqnConfig config = builder.build();
        Dqn truncated = new Dqn(config, 3000, 2);
        truncated.train(new ConstantReward(false, 5), Budget.steps(3000));
        assertEquals(2.0, q(truncated), 0.05, variant + ", truncated");
        Dqn terminated = new Dqn(config, 3000, 2);
        terminated.train(new ConstantReward(true, 5), Budget.steps(3000));
        assertEquals(1.0, q(terminated), 0.05, variant + ", terminated");
    }

    @Test
    void epsilonFallsLinearlyOverTheExplorationFraction() {
        DqnConfig config = small().toBuilder().explorationFraction(0.5).initialEpsilon(1.0).finalEpsilon(0.1).build();
        Dqn dqn = new Dqn(config, 1000, 1);
        ConstantReward env = new ConstantReward(false, 5);
        dqn.train(env, Budget.steps(250));
        assertEquals(1.0 - 0.9 * 0.5, dqn.epsilon(), 1e-12, "half way through the fall");
        dqn.train(env, Budget.steps(500));
        assertEquals(0.1, dqn.epsilon(), 1e-12, "after the fall");
    }

    @Test
    void sameSeedSameNumbers() {
        double[] first = new double[2];
        double[] second = new double[2];
        for (double[] out : new double[][] {first, second}) {
            Dqn dqn = new Dqn(DqnConfig.builder().hiddenLayers(16).learningStarts(100).trainFrequency(4).build(), 2000, 7);
            dqn.train(Environments.make("CartPole-v1", Integer.class), Budget.steps(2000));
            dqn.network().predict(new double[] {0.01, 0.02, 0.03, 0.04}, out);
        }
        assertEquals(first[0], second[0], 0.0);
        assertEquals(first[1], second[1], 0.0);
    }

    @Test
    void rejectsEnvironmentsItCannotServe() {
        Dqn dqn = new Dqn(small(), 100, 0);
        IllegalArgumentException continuous = assertThrows(IllegalArgumentException.class,
                () -> dqn.train(castDiscrete(new Pendulum()), Budget.steps(10)));
        assertTrue(continuous.getMessage().contains("Discrete actions"), continuous.getMessage());
        dqn.train(new ConstantReward(false, 5), Budget.steps(10));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> dqn.train(Environments.make("CartPole-v1", Integer.class), Budget.steps(10)));
        assertTrue(other.getMessage().contains("built for 1 observation values and 1 actions"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dqn(small(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DqnConfig.builder().learningRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> DqnConfig.builder().batchSize(0).build());
        assertThrows(IllegalStateException.class, () -> new Dqn(small(), 10, 0).policy());
    }

    @SuppressWarnings("unchecked") // deliberately the wrong action type, to see it rejected by its space
    private static Environment<double[], Integer> castDiscrete(Environment<double[], ?> env) {
        return (Environment<double[], Integer>) env;
    }

    @Test
    void nonFiniteQValuesStopTrainingInsteadOfPickingActionZero() {
        DqnConfig config = DqnConfig.builder().hiddenLayers(8).learningStarts(20).trainFrequency(10_000)
                .initialEpsilon(0).finalEpsilon(0).build();
        Dqn dqn = new Dqn(config, 1_000, 4);
        Environment<double[], Integer> env = Environments.make("CartPole-v1", Integer.class);
        dqn.train(env, Budget.steps(30));
        dqn.network().parameters().assign(Float.NaN);
        dqn.network().markParametersChanged();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> dqn.train(env, Budget.steps(5)));
        assertTrue(e.getMessage().startsWith("training diverged at step 30: a Q-value is NaN; DQN found it choosing the action"
                + " of environment step 31, after gradient step 0: Q-values [NaN, NaN]"), e.getMessage());
        assertEquals(30, e.step());
    }
}
