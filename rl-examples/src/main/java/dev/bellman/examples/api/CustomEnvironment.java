package dev.bellman.examples.api;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.EnvironmentChecker;
import dev.bellman.core.Evaluation;
import dev.bellman.core.Policy;
import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.SplitMixRandom;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.td.QLearning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A minimal environment written inline, checked with {@link EnvironmentChecker}, trained with
 * Q-learning and resumed from a checkpoint. Run it with
 * {@code java -cp rl-examples/target/bellman.jar dev.bellman.examples.api.CustomEnvironment [episodes]}.
 */
public final class CustomEnvironment {

    /** Training episodes by default. */
    public static final int EPISODES = 20_000;

    /**
     * A slippery corridor of 9 cells with a coin at each end: +1 at cell 0, +10 at cell 8, both
     * terminal. Every move costs 1, and with probability 0.2 the floor sends the agent the other way.
     * Observation: the cell; action: 0 = left, 1 = right. Episodes start at a random inner cell.
     */
    public static final class CoinCorridor implements Environment<Integer, Integer>, Checkpointable {
        private static final int LAST = 8;
        private final DiscreteSpace cells = new DiscreteSpace(LAST + 1);
        private final DiscreteSpace moves = new DiscreteSpace(2);
        // All randomness from one stream that reset(seed) replaces: the checker tests exactly this.
        private SplitMixRandom rng = new SplitMixRandom(0);
        private int cell = -1; // -1: no episode running, so step must refuse

        @Override public DiscreteSpace observationSpace() { return cells; }
        @Override public DiscreteSpace actionSpace() { return moves; }
        @Override public Integer reset(long seed) { rng = new SplitMixRandom(seed); return reset(); }
        @Override public Integer reset() { cell = 1 + rng.nextInt(LAST - 1); return cell; }

        @Override
        public Step<Integer> step(Integer action) {
            if (cell < 0) {
                throw new IllegalStateException("step without a running episode; call reset first");
            }
            int direction = moves.require(action, "action") == 1 ? 1 : -1; // names the bad value and the space
            cell += rng.nextDouble() < 0.2 ? -direction : direction;
            boolean atCoin = cell == 0 || cell == LAST;
            double reward = -1 + (cell == 0 ? 1 : cell == LAST ? 10 : 0);
            int observation = cell;
            if (atCoin) {
                cell = -1;
            }
            // terminated, not truncated: the MDP really ends at a coin, so learners bootstrap with 0.
            return new Step<>(observation, reward, atCoin, false, Map.of());
        }

        // Everything the next step and reset depend on, so a checkpointed run resumes exactly.
        @Override public void writeState(StateWriter out) throws IOException {
            out.section("CoinCorridor");
            out.writeRandom(rng);
            out.writeInt(cell);
        }
        @Override public void readState(StateReader in) throws IOException {
            in.section("CoinCorridor");
            in.readRandom(rng);
            cell = in.readInt();
        }
        @Override public void close() { }
        @Override public String toString() { return "CoinCorridor"; }
    }

    private CustomEnvironment() {
    }

    /**
     * Checks, trains, resumes from a checkpoint, compares.
     *
     * @param args optionally the number of training episodes (default {@value #EPISODES})
     * @throws IOException if the checkpoint cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        long episodes = args.length > 0 ? Long.parseLong(args[0]) : EPISODES;
        System.out.println(EnvironmentChecker.check(new CoinCorridor()));

        // gamma 1: the task is episodic and the move cost already rewards short paths.
        LearnerSettings settings = LearnerSettings.builder().gamma(1.0).alpha(0.1).epsilon(0.1).seed(7).build();
        QLearning learner = new QLearning(settings);
        learner.train(new CoinCorridor(), Budget.episodes(episodes));

        // The same run cut in two by a checkpoint: a fresh learner and environment carry on exactly.
        QLearning firstHalf = new QLearning(settings);
        CoinCorridor env = new CoinCorridor();
        firstHalf.train(env, Budget.episodes(episodes / 2));
        Path file = Files.createTempFile("corridor", ".ckpt");
        firstHalf.saveCheckpoint(file, env);
        QLearning resumed = new QLearning(settings);
        CoinCorridor freshEnv = new CoinCorridor();
        resumed.loadCheckpoint(file, freshEnv);
        resumed.train(freshEnv, Budget.episodes(episodes - episodes / 2));
        Files.delete(file);
        System.out.println("resumed run equals uninterrupted run: "
                + Arrays.equals(learner.actionValues().toArray(), resumed.actionValues().toArray()));

        StringBuilder arrows = new StringBuilder("learned policy, cells 1..7: ");
        for (int cell = 1; cell < CoinCorridor.LAST; cell++) {
            arrows.append(learner.policy().mostProbableAction(cell) == 1 ? "→ " : "← ");
        }
        System.out.println(arrows.toString().strip());

        // Undiscounted mean return over the same 1000 starts for each policy (seeds 1000..1999).
        System.out.printf("mean return: learned %.2f, always right %.2f, always left %.2f%n",
                meanReturn(learner.policy()), meanReturn((cell, rng) -> 1), meanReturn((cell, rng) -> 0));
    }

    private static double meanReturn(Policy<Integer, Integer> policy) {
        return Evaluation.run(new CoinCorridor(), policy, 1000, 1000, 10_000).meanReturn();
    }
}
