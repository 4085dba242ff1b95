package dev.bellman.bench;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.Ddpg;
import dev.bellman.deep.dqn.Dqn;
import dev.bellman.deep.dqn.DqnConfig;
import dev.bellman.env.classic.Environments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a checkpoint costs: its size, and the median time to write it (atomically, forced to disk)
 * and to load it, for DQN on CartPole-v1 (rl-zoo's settings) and DDPG on Pendulum-v1 (rl-zoo's),
 * each after {@code steps} steps, with and without the replay buffer.
 *
 * <p>Run: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.CheckpointCost [steps] [repeats]}
 * (default 20000 steps, 5 repeats; about a minute and a half).
 */
public final class CheckpointCost {

    private CheckpointCost() {
    }

    /**
     * @param args optional: steps before the checkpoint, repeats of each measurement
     * @throws IOException if a checkpoint cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path directory = Files.createTempDirectory("bellman-checkpoints");
        System.out.printf(Locale.ROOT, "%nCheckpoint cost after %d steps (median of %d)%n%n", steps, repeats);
        System.out.println("| learner | replay | size (MB) | write (ms) | load (ms) |\n|---|---|---:|---:|---:|");
        for (boolean replay : new boolean[] {false, true}) {
            DqnConfig dqnConfig = DqnConfig.zooCartPole().toBuilder().checkpointReplay(replay).build();
            measure("DQN, CartPole-v1", replay, () -> new Dqn(dqnConfig, steps, 0), "CartPole-v1", Integer.class, steps,
                    repeats, directory);
        }
        for (boolean replay : new boolean[] {false, true}) {
            ActorCriticConfig ddpgConfig = ActorCriticConfig.zooPendulumDdpg().toBuilder().checkpointReplay(replay).build();
            measure("DDPG, Pendulum-v1", replay, () -> new Ddpg(ddpgConfig, 0), "Pendulum-v1", double[].class, steps,
                    repeats, directory);
        }
    }

    private interface Factory<A> {
        EpisodicLearner<double[], A> make();
    }

    private static <A> void measure(String name, boolean replay, Factory<A> factory, String id, Class<A> actionType, long steps,
                                    int repeats, Path directory) throws IOException {
        EpisodicLearner<double[], A> learner = factory.make();
        Environment<double[], A> env = Environments.make(id, actionType);
        learner.train(env, Budget.steps(steps));
        Path file = directory.resolve("checkpoint.bin");
        double[] writes = new double[repeats];
        double[] loads = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            learner.saveCheckpoint(file, env);
            writes[i] = (System.nanoTime() - start) / 1e6;
            EpisodicLearner<double[], A> fresh = factory.make();
            start = System.nanoTime();
            fresh.loadCheckpoint(file, Environments.make(id, actionType));
            loads[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.0f | %.0f |%n", name, replay ? "yes" : "no", Files.size(file) / 1e6,
                median(writes), median(loads));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
