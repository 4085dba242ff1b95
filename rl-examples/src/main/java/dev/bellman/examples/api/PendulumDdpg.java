package dev.bellman.examples.api;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Evaluation;
import dev.bellman.core.TrainingReport;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.DeterministicActorCritic;
import dev.bellman.deep.ac.Ddpg;
import dev.bellman.deep.ac.Td3;
import dev.bellman.env.classic.Environments;

/**
 * TD3 (or DDPG) on Pendulum-v1 with rl-zoo's hyper-parameters, then a deterministic evaluation.
 * Run it with
 * {@code java -cp rl-examples/target/bellman.jar dev.bellman.examples.api.PendulumDdpg [steps [td3|ddpg]]}.
 */
public final class PendulumDdpg {

    /** rl-zoo's training length for Pendulum-v1. */
    public static final long STEPS = 20_000;

    private PendulumDdpg() {
    }

    /**
     * Trains and evaluates.
     *
     * @param args optionally the training steps (default {@value #STEPS}) and the algorithm,
     *             {@code td3} (default) or {@code ddpg}
     */
    public static void main(String[] args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : STEPS;
        boolean ddpg = args.length > 1 && args[1].equalsIgnoreCase("ddpg");

        // rl-zoo's Pendulum-v1 entries: 400-300 networks, gamma 0.98, 10,000 uniformly random steps
        // before the actor acts, Gaussian noise sigma 0.1 on the action scaled to [-1, 1]. TD3 adds
        // twin critics, a policy delay of 2 and smoothing noise on the target action.
        ActorCriticConfig zoo = ddpg ? ActorCriticConfig.zooPendulumDdpg() : ActorCriticConfig.zooPendulumTd3();
        // A second thread takes the independent matrix products: faster, and the same numbers bit for bit.
        ActorCriticConfig config = zoo.toBuilder().threads(2).build();
        DeterministicActorCritic agent = ddpg ? new Ddpg(config, 0) : new Td3(config, 0);
        Environment<double[], double[]> env = Environments.make("Pendulum-v1", double[].class);
        TrainingReport report = agent.train(env, Budget.steps(steps));
        System.out.printf("%s (rl-zoo Pendulum-v1 settings): %d steps, %d episodes, %d gradient steps, %.1f s%n",
                ddpg ? "DDPG" : "TD3", report.totalSteps(), report.episodeCount(), agent.gradientSteps(),
                report.wallTime().toMillis() / 1000.0);

        // The deterministic policy mu(s), no noise, on resets never trained on (seeds 1,000,000 + i, as in
        // docs/benchmarks.md). Every episode lasts 200 steps and every step costs, so returns are
        // negative: about -150 swings up and balances, below -1000 spins.
        Evaluation result = Evaluation.run(Environments.make("Pendulum-v1", double[].class), agent.policy(),
                10, 1_000_000, 1_000);
        System.out.printf("deterministic policy: mean return %.1f (std %.1f) over 10 episodes%n",
                result.meanReturn(), result.standardDeviation());
    }
}
