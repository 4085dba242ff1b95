package dev.bellman.examples.api;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Evaluation;
import dev.bellman.core.TrainingReport;
import dev.bellman.deep.dqn.Dqn;
import dev.bellman.deep.dqn.DqnConfig;
import dev.bellman.deep.nn.ModelFiles;
import dev.bellman.env.classic.Environments;

import java.io.IOException;
import java.nio.file.Path;

/**
 * DQN on CartPole-v1 with rl-zoo's hyper-parameters, a greedy evaluation and the saved network.
 * Run it with
 * {@code java -cp rl-examples/target/bellman.jar dev.bellman.examples.api.CartPoleDqn [steps [model-file]]}.
 */
public final class CartPoleDqn {

    /** rl-zoo's training length for CartPole-v1: about 25 s here. */
    public static final long STEPS = 50_000;
    /** Where the network goes unless a second argument says otherwise. */
    public static final String MODEL_FILE = "cartpole-dqn.bin";

    private CartPoleDqn() {
    }

    /**
     * Trains, evaluates, saves.
     *
     * @param args optionally the training steps (default {@value #STEPS}) and the model file
     *             (default {@value #MODEL_FILE})
     * @throws IOException if the network cannot be saved
     */
    public static void main(String[] args) throws IOException {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : STEPS;
        Path modelFile = Path.of(args.length > 1 ? args[1] : MODEL_FILE);

        // rl-zoo's tuned CartPole-v1 entry (256-256 network, lr 2.3e-3, 128 gradient steps every 256
        // environment steps, ...): published settings, so results compare with Stable-Baselines3's.
        DqnConfig config = DqnConfig.zooCartPole();
        // The planned steps lay out the epsilon schedule (16% of them), as SB3's total_timesteps does.
        Dqn dqn = new Dqn(config, steps, 0);
        Environment<double[], Integer> env = Environments.make("CartPole-v1", Integer.class);
        TrainingReport report = dqn.train(env, Budget.steps(steps));
        System.out.printf("DQN (rl-zoo CartPole-v1 settings): %d steps, %d episodes, %d gradient steps, %.1f s%n",
                report.totalSteps(), report.episodeCount(), dqn.gradientSteps(), report.wallTime().toMillis() / 1000.0);

        // Evaluate on resets the training never saw (seeds 1,000,000 + i), as the benchmarks do;
        // the time limit caps every episode at 500, the best possible return.
        Evaluation greedy = Evaluation.run(Environments.make("CartPole-v1", Integer.class), dqn.policy(),
                100, 1_000_000, 1_000);
        System.out.printf("greedy policy: mean return %.1f (std %.1f) over 100 episodes; 475 counts as solved%n",
                greedy.meanReturn(), greedy.standardDeviation());

        // Network weights only; `bellman eval --model FILE --env CartPole-v1` loads the same format.
        ModelFiles.save(modelFile, dqn.network());
        System.out.println("saved the Q-network to " + modelFile);
    }
}
