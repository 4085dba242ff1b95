package dev.bellman.bench;

import dev.bellman.core.Budget;
import dev.bellman.core.Evaluation;
import dev.bellman.core.TrainingListener;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.Ddpg;
import dev.bellman.env.classic.Environments;

import java.util.Locale;

/**
 * The DDPG/TD3 issue's stretch goal: DDPG on MountainCarContinuous-v0 with rl-zoo's settings (SB3's
 * defaults with Ornstein–Uhlenbeck noise σ 0.5: learning rate 1e-3, batch 256, 400-300 networks,
 * τ 0.005, γ 0.99, learning from step 100), greedy mean over 10 episodes ≥ 90 within 300,000 steps
 * (rl-zoo: 93.5). The deterministic policy is evaluated every {@code interval} steps from inside
 * the run (a snapshot of the actor on its own environment), so the training is not interrupted.
 *
 * <p>Run: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.MountainCarContinuousDdpg
 * [seed] [steps] [interval] [threads]}, defaults {@code 0 300000 50000 2}; it stops at the first
 * evaluation that reaches 90.
 */
public final class MountainCarContinuousDdpg {

    private MountainCarContinuousDdpg() {
    }

    /**
     * @param args optional: seed, steps, evaluation interval, threads
     */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 0;
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 300_000;
        long interval = args.length > 2 ? Long.parseLong(args[2]) : 50_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        ActorCriticConfig config = ActorCriticConfig.ddpg().noise(ActorCriticConfig.NoiseType.ORNSTEIN_UHLENBECK)
                .noiseSigma(0.5).threads(threads).build();
        Ddpg ddpg = new Ddpg(config, seed);
        long start = System.nanoTime();
        boolean[] reached = {false};
        ddpg.addListener(new TrainingListener() {
            @Override
            public void onStep(long totalSteps, double reward) {
                if (totalSteps % interval == 0) {
                    double mean = Evaluation.run(Environments.make("MountainCarContinuous-v0", double[].class), ddpg.policy(),
                            10, 1_000_000L + seed, 1_000_000).meanReturn();
                    reached[0] = mean >= 90;
                    System.out.printf(Locale.ROOT, "seed %d, %,d steps (%.0f s): greedy mean over 10 episodes %.1f%n",
                            seed, totalSteps, (System.nanoTime() - start) / 1e9, mean);
                }
            }

            @Override
            public boolean shouldStop() {
                return reached[0];
            }
        });
        ddpg.train(Environments.make("MountainCarContinuous-v0", double[].class), Budget.steps(steps));
    }
}
