package dev.bellman.examples;

import dev.bellman.core.Environment;
import dev.bellman.core.Evaluation;
import dev.bellman.core.Policy;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.deep.ac.ActionScaling;
import dev.bellman.deep.ac.DeterministicActorCritic;
import dev.bellman.deep.ac.Sac;
import dev.bellman.deep.dqn.Dqn;
import dev.bellman.deep.nn.Activation;
import dev.bellman.deep.nn.InvalidModelFileException;
import dev.bellman.deep.nn.Mlp;
import dev.bellman.deep.nn.ModelFiles;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.classic.render.AnimatedGif;
import dev.bellman.env.classic.render.EpisodeRecorder;
import dev.bellman.env.classic.render.EpisodeRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code bellman eval}: runs the policy of a network saved by {@code bellman train --out DIR}
 * ({@code DIR/model.bin}) and reports its returns: the greedy policy of a Q-network (DQN) on a
 * discrete-action environment, the deterministic policy of an actor (DDPG, TD3) on a
 * continuous-action one. {@code --render} draws one episode as an animated GIF.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates a saved network on a bundled environment: the greedy policy of a Q-network (DQN) "
                + "for discrete actions, the deterministic policy of an actor (DDPG, TD3) for continuous ones.",
                "Example: bellman eval --model runs/dqn/model.bin --env CartPole-v1 --episodes 100",
                "Example: bellman eval --model runs/td3/model.bin --env Pendulum-v1 --render pendulum.gif"})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR|FILE", required = true,
            description = "The directory of a bellman train --out DIR run, or the network file it saved (DIR/model.bin): "
                    + "a Q-network (dqn, double-dqn, dueling-dqn) or an actor (ddpg, td3, sac).")
    Path model;

    @Option(names = "--env", paramLabel = "ID", required = true,
            description = "The environment: CartPole-v1, MountainCar-v0 or Acrobot-v1 for a Q-network; Pendulum-v1 or "
                    + "MountainCarContinuous-v0 for an actor.")
    String environmentId;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10",
            description = "Evaluation episodes, reset with seeds SEED, SEED+1, ... Default: ${DEFAULT-VALUE}.")
    int episodes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the first episode. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--render", paramLabel = "FILE.gif",
            description = "Also draw the first episode as an animated GIF (20 ms per frame). Default: none.")
    Path render;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        output.json();
        if (episodes < 1 || episodes > 100_000) {
            throw new IllegalArgumentException("--episodes " + episodes + " is outside [1, 100000]");
        }
        if (Files.isDirectory(model)) {
            Path saved = model.resolve(TrainCommand.MODEL_FILE);
            if (!Files.isRegularFile(saved)) {
                throw new IllegalArgumentException("--model " + model + ": the directory holds no " + TrainCommand.MODEL_FILE
                        + "; bellman train saves one for dqn, double-dqn, dueling-dqn, ddpg, td3 and sac");
            }
            model = saved;
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--model " + model + ": no such file or directory");
        }
        Mlp network;
        try {
            network = ModelFiles.load(model);
        } catch (InvalidModelFileException e) {
            throw new IllegalArgumentException("--model " + model + ": " + e.getMessage());
        }
        Environment<double[], ?> registered = Environments.make(environmentId);
        int observationSize = ((BoxSpace) registered.observationSpace()).dimension();
        Played played;
        if (registered.actionSpace() instanceof DiscreteSpace actions) {
            requireSizes(network, observationSize, actions.n(), "a discrete-action environment needs a Q-network "
                    + "saved by bellman train --algo dqn, double-dqn or dueling-dqn");
            played = play(Integer.class, Dqn.greedyPolicy(network));
        } else {
            BoxSpace actions = (BoxSpace) registered.actionSpace();
            String needed = "a continuous-action environment needs an actor saved by bellman train --algo ddpg, td3 or sac";
            boolean sacActor = network.config().output() == Activation.IDENTITY
                    && network.outputSize() == 2 * actions.dimension() && network.inputSize() == observationSize;
            if (sacActor) {
                // A SAC actor gives means and log standard deviations; its deterministic policy is tanh of the means.
                played = play(double[].class, Sac.meanPolicy(network, new ActionScaling(actions)));
            } else {
                requireSizes(network, observationSize, actions.dimension(), needed);
                if (network.config().output() != Activation.TANH) {
                    throw new IllegalArgumentException("--model " + model + " is not an actor: its output activation is "
                            + network.config().output() + ", an actor's is TANH (" + needed + ")");
                }
                played = play(double[].class, DeterministicActorCritic.deterministicPolicy(network, new ActionScaling(actions)));
            }
        }
        Evaluation evaluation = played.evaluation();
        EpisodeRecording recording = played.recording();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", environmentId);
        json.put("model", model.toString());
        json.put("episodes", episodes);
        json.put("returns", evaluation.returns());
        // mean, std, min and max are DESIGN.md's keys; meanReturn and standardDeviation match train's.
        json.put("mean", evaluation.meanReturn());
        json.put("std", evaluation.standardDeviation());
        json.put("min", Arrays.stream(evaluation.returns()).min().orElseThrow());
        json.put("max", Arrays.stream(evaluation.returns()).max().orElseThrow());
        json.put("meanReturn", evaluation.meanReturn());
        json.put("standardDeviation", evaluation.standardDeviation());
        json.put("meanLength", evaluation.meanLength());
        OptionalDouble threshold = Environments.rewardThreshold(environmentId);
        threshold.ifPresent(value -> json.put("solvedThreshold", value));
        if (recording != null) {
            json.put("gif", render.toString());
            json.put("gifFrames", recording.frames());
        }
        String text = String.format(Locale.ROOT, "%s: %s policy of %s over %d episodes: return %.1f \u00b1 %.1f, %.1f steps per episode%s%n",
                environmentId, registered.actionSpace() instanceof DiscreteSpace ? "greedy" : "deterministic", model, episodes, evaluation.meanReturn(), evaluation.standardDeviation(), evaluation.meanLength(),
                threshold.isPresent() ? String.format(Locale.ROOT, " (solved at %.0f: %s)", threshold.getAsDouble(),
                        evaluation.meanReturn() >= threshold.getAsDouble() ? "yes" : "not yet") : "")
                + (recording == null ? "" : String.format(Locale.ROOT, "Wrote %s: %d frames%n", render, recording.frames()));
        output.emit(spec.commandLine().getOut(), text, json);
        return 0;
    }

    /** The evaluation of a policy, and the GIF's recording with {@code --render} (else null). */
    private record Played(Evaluation evaluation, EpisodeRecording recording) {
    }

    private <A> Played play(Class<A> actionType, Policy<double[], A> policy) throws IOException {
        Evaluation evaluation = Evaluation.run(Environments.make(environmentId, actionType), policy, episodes, seed, 1_000_000);
        EpisodeRecording recording = null;
        if (render != null) {
            try (AnimatedGif gif = AnimatedGif.create(render, 20)) {
                recording = EpisodeRecorder.record(Environments.make(environmentId, actionType), policy, seed, gif);
            }
        }
        return new Played(evaluation, recording);
    }

    /**
     * @throws IllegalArgumentException if the network's input and output sizes are not the
     *                                  environment's observation and action sizes
     */
    private void requireSizes(Mlp network, int observationSize, int actionSize, String needed) {
        if (network.inputSize() != observationSize || network.outputSize() != actionSize) {
            throw new IllegalArgumentException("--model " + model + " takes " + network.inputSize() + " observation values and gives "
                    + network.outputSize() + " action values; " + environmentId + " has " + observationSize + " and " + actionSize
                    + " (" + needed + ")");
        }
    }
}
