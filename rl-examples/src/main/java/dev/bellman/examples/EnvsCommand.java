package dev.bellman.examples;

import dev.bellman.core.Environment;
import dev.bellman.core.FiniteMdp;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.env.toytext.GamblersProblem;
import dev.bellman.env.toytext.JacksCarRental;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code bellman envs}: every bundled environment a subcommand can use — the classic-control ids of
 * {@code train} and {@code eval}, the grid-world presets of {@code gridworld}, the toy-text MDPs of
 * {@code mdp} — with its spaces, time limit and solved threshold. The lists come from the registries
 * ({@link Environments#ids()}, {@link GridWorldPreset#values()}, {@link MdpCommand.Preset}), so a new
 * environment appears here without an edit.
 */
@Command(name = "envs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists every bundled environment with its observation and action spaces, time limit and solved threshold.",
                "Example: bellman envs --format json"})
final class EnvsCommand implements Callable<Integer> {

    /** Kind of the classic-control environments ({@code bellman train}, {@code bellman eval}). */
    static final String CLASSIC_CONTROL = "classic-control";
    /** Kind of the grid-world presets ({@code bellman gridworld --preset}). */
    static final String GRID_WORLD = "grid-world";
    /** Kind of the toy-text MDPs ({@code bellman mdp --preset}). */
    static final String TOY_TEXT = "toy-text";

    /** What each classic-control id is; {@code EnvsCommandTest} fails for an id registered without one. */
    private static final Map<String, String> CLASSIC_DESCRIPTIONS = Map.of(
            "CartPole-v1", "Balance a pole on a cart by pushing it left or right (Barto, Sutton & Anderson 1983)",
            "CartPole-v0", "CartPole with the older 200-step limit and threshold 195",
            "MountainCar-v0", "Drive an underpowered car up a hill by rocking it (Moore 1990; Sutton & Barto Example 10.1)",
            "MountainCarContinuous-v0", "Mountain Car with a continuous force and a reward of 100 at the goal minus the energy used",
            "Pendulum-v1", "Swing a pendulum up and hold it upright with a limited torque",
            "Acrobot-v1", "Swing the tip of a two-link arm above a line by torquing the middle joint (Sutton 1996)");

    /** What each toy-text MDP is. */
    private static final Map<String, String> TOY_TEXT_DESCRIPTIONS = Map.of(
            "gamblers-problem", "Sutton & Barto Example 4.3: stake on coin flips to reach 100 (heads 0.4)",
            "jacks-car-rental", "Sutton & Barto Example 4.2: move cars between two rental locations overnight");

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /**
     * One bundled environment, as {@code bellman envs} lists it.
     *
     * @param id               the name the commands take
     * @param kind             {@link #CLASSIC_CONTROL}, {@link #GRID_WORLD} or {@link #TOY_TEXT}
     * @param observationSpace the observation space, as the space prints itself
     * @param actionSpace      the action space
     * @param maxEpisodeSteps  the registered time limit, null where there is none
     * @param rewardThreshold  the mean return that counts as solved, null where none is defined
     * @param description      one line: what the task is and where it comes from
     * @param command          the subcommand (and option) that runs it
     */
    record Entry(String id, String kind, String observationSpace, String actionSpace, Integer maxEpisodeSteps,
                 Double rewardThreshold, String description, String command) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("kind", kind);
            json.put("observationSpace", observationSpace);
            json.put("actionSpace", actionSpace);
            json.put("maxEpisodeSteps", maxEpisodeSteps);
            json.put("rewardThreshold", rewardThreshold);
            json.put("description", description);
            json.put("command", command);
            return json;
        }
    }

    /** @return every bundled environment: classic control, then grid worlds, then toy text */
    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String id : Environments.ids()) {
            // Classic-control environments hold no resources, so they need no closing.
            Environment<double[], ?> env = Environments.make(id);
            OptionalDouble threshold = Environments.rewardThreshold(id);
            entries.add(new Entry(id, CLASSIC_CONTROL, env.observationSpace().toString(), env.actionSpace().toString(),
                    Environments.maxEpisodeSteps(id), threshold.isPresent() ? threshold.getAsDouble() : null,
                    CLASSIC_DESCRIPTIONS.getOrDefault(id, ""), "train --env, eval --env"));
        }
        for (GridWorldPreset preset : GridWorldPreset.values()) {
            GridWorld world = preset.build();
            entries.add(new Entry(preset.id(), GRID_WORLD, world.observationSpace().toString(), world.actionSpace().toString(),
                    null, null, preset.description() + "; gamma " + preset.gamma(), "gridworld --preset"));
        }
        for (MdpCommand.Preset preset : MdpCommand.Preset.values()) {
            FiniteMdp mdp = switch (preset) {
                case GAMBLERS_PROBLEM -> new GamblersProblem();
                case JACKS_CAR_RENTAL -> new JacksCarRental();
            };
            entries.add(new Entry(preset.id(), TOY_TEXT, new DiscreteSpace(mdp.stateCount()).toString(),
                    new DiscreteSpace(mdp.actionCount()).toString(), null, null,
                    TOY_TEXT_DESCRIPTIONS.getOrDefault(preset.id(), "") + "; gamma " + preset.gamma(), "mdp --preset"));
        }
        return entries;
    }

    @Override
    public Integer call() throws IOException {
        output.json();
        List<Entry> entries = entries();
        List<Map<String, Object>> json = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "KIND", "OBSERVATIONS", "ACTIONS", "TIME LIMIT", "SOLVED AT", "COMMAND"});
        for (Entry entry : entries) {
            json.add(entry.json());
            rows.add(new String[] {entry.id(), entry.kind(), compact(entry.observationSpace()), compact(entry.actionSpace()),
                    entry.maxEpisodeSteps() == null ? "-" : entry.maxEpisodeSteps().toString(),
                    entry.rewardThreshold() == null ? "-" : TextTable.number(entry.rewardThreshold()), entry.command()});
        }
        StringBuilder text = new StringBuilder(TextTable.render(rows));
        text.append(System.lineSeparator());
        for (Entry entry : entries) {
            text.append(entry.id()).append(": ").append(entry.description()).append(System.lineSeparator());
        }
        output.emit(spec.commandLine().getOut(), text.toString(), json);
        return 0;
    }

    /**
     * A space in a few characters for the table: {@code Box(4)} for a four-dimensional box (its
     * bounds are in the JSON and in {@code docs/environments.md}), {@code Discrete(n)} as it is.
     */
    static String compact(String space) {
        String prefix = "Box(low=[";
        if (!space.startsWith(prefix)) {
            return space;
        }
        String low = space.substring(prefix.length(), space.indexOf(']'));
        return "Box(" + low.split(",").length + ")";
    }
}
