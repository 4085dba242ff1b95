package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bellman train --config FILE}: JSON and YAML files, the command line overriding them, and
 * the {@code config.json} every run with {@code --out} writes repeating the run exactly.
 */
class TrainConfigFileTest {

    @TempDir
    Path dir;

    private static JsonNode train(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("train", "--format", "json", "--quiet"));
        all.addAll(List.of(args));
        CommandRun run = CommandRun.of(all.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return run.json();
    }

    /** Every number of the two reports is the same; only the wall time may differ. */
    private static void assertSameRun(JsonNode expected, JsonNode actual) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("seconds");
        ((com.fasterxml.jackson.databind.node.ObjectNode) actual).remove("seconds");
        assertEquals(expected, actual);
    }

    @Test
    void jsonFileGivesTheOptionsAndTheCommandLineOverridesThem() throws IOException {
        Path file = Files.writeString(dir.resolve("run.json"), """
                {"env": "MountainCar-v0", "algo": "sarsa", "episodes": 3, "seed": 3, "alpha": 0.1,
                 "features": "tile-coding:4x4", "eval-episodes": 1, "quiet": true, "bounds": null}
                """);
        JsonNode fromFile = train("--config", file.toString());
        assertEquals(3, fromFile.get("seed").asLong());
        assertEquals(0.1, fromFile.get("alpha").asDouble(), 0.0);
        assertEquals("tile-coding:4x4", fromFile.get("features").asText());
        assertEquals(3, fromFile.get("episodes").asInt());
        JsonNode overridden = train("--config", file.toString(), "--seed", "4", "--alpha=0.2");
        assertEquals(4, overridden.get("seed").asLong());
        assertEquals(0.2, overridden.get("alpha").asDouble(), 0.0);
        assertEquals("tile-coding:4x4", overridden.get("features").asText(), "the file's options the command line leaves");
        // the file's run is the run of the same options on the command line
        assertSameRun(fromFile, train("--env", "MountainCar-v0", "--episodes", "3", "--seed", "3", "--alpha", "0.1",
                "--features", "tile-coding:4x4", "--eval-episodes", "1"));
    }

    @Test
    void yamlFileGivesTheSameRunAsJson() throws IOException {
        Path yaml = Files.writeString(dir.resolve("run.yaml"), """
                # a YAML configuration: YAML reads 1e-1 as a string, which a number option accepts
                env: MountainCar-v0
                algo: q-learning
                episodes: 2
                seed: 5
                alpha: 1e-1
                eval-episodes: 1
                """);
        Path json = Files.writeString(dir.resolve("run.json"), """
                {"env": "MountainCar-v0", "algo": "q-learning", "episodes": 2, "seed": 5, "alpha": 0.1, "eval-episodes": 1}
                """);
        JsonNode fromYaml = train("--config", yaml.toString());
        assertEquals(0.1, fromYaml.get("alpha").asDouble(), 0.0);
        assertSameRun(train("--config", json.toString()), fromYaml);
        assertEquals(6, train("--config", yaml.toString(), "--seed", "6").get("seed").asLong());
    }

    @Test
    void configJsonRepeatsALinearRunExactly() throws IOException {
        Path first = dir.resolve("first");
        JsonNode original = train("--env", "MountainCar-v0", "--algo", "sarsa", "--episodes", "5", "--out", first.toString());
        JsonNode config = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(first.resolve(TrainConfigFile.EFFECTIVE_CONFIG_FILE).toFile());
        assertEquals(0.0625, config.get("alpha").asDouble(), 0.0, "the resolved default, not null");
        assertEquals(200, config.get("time-limit").asInt());
        assertEquals(TrainConfigFile.keys(CliReference.subcommands().get("train")).size(), config.size(),
                "every option that may be in a file");
        JsonNode repeated = train("--config", first.resolve(TrainConfigFile.EFFECTIVE_CONFIG_FILE).toString(),
                "--out", dir.resolve("second").toString());
        assertSameRun(original, repeated);
        // the repeat saved the file's options with its own, so --resume continues it
        assertEquals(7, train("--resume", dir.resolve("second").toString(), "--episodes", "7").get("episodes").asInt());
    }

    @Test
    void configJsonRepeatsADqnRunExactly() throws IOException {
        Path first = dir.resolve("dqn");
        JsonNode original = train("--env", "CartPole-v1", "--algo", "dqn", "--steps", "600", "--hidden", "8",
                "--learning-starts", "100", "--batch-size", "8", "--eval-episodes", "2", "--out", first.toString());
        Path config = first.resolve(TrainConfigFile.EFFECTIVE_CONFIG_FILE);
        JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(config.toFile());
        // rl-zoo's CartPole-v1 learning rate, resolved into the file, and the record it came from
        assertEquals(2.3e-3, written.get("learning-rate").asDouble(), 0.0);
        assertEquals(original.get("config"), written.get(TrainConfigFile.RESOLVED_KEY));
        JsonNode repeated = train("--config", config.toString());
        assertSameRun(original, repeated);
        assertTrue(repeated.get("gradientSteps").asLong() > 0, "the repeat trained too");
    }

    @Test
    void unknownKeysAndWrongTypesExitWithStatusTwoAndOneLineNamingTheKey() throws IOException {
        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"env\": \"CartPole-v1\", \"stepz\": 3}");
        CommandRun.of("train", "--config", unknown.toString()).assertUsageError("unknown key 'stepz'");
        Path text = Files.writeString(dir.resolve("text.yaml"), "env: MountainCar-v0\nsteps: many\n");
        CommandRun.of("train", "--config", text.toString()).assertUsageError("key 'steps' must be a whole number");
        Path fraction = Files.writeString(dir.resolve("fraction.json"), "{\"episodes\": 2.5}");
        CommandRun.of("train", "--config", fraction.toString()).assertUsageError("key 'episodes' must be a whole number");
        Path flag = Files.writeString(dir.resolve("flag.json"), "{\"quiet\": \"yes\"}");
        CommandRun.of("train", "--config", flag.toString()).assertUsageError("key 'quiet' must be true or false");
        Path hidden = Files.writeString(dir.resolve("hidden.json"), "{\"hidden\": [\"wide\"]}");
        CommandRun.of("train", "--config", hidden.toString()).assertUsageError("key 'hidden' must be a list of whole numbers");
        Path env = Files.writeString(dir.resolve("env.json"), "{\"env\": 3}");
        CommandRun.of("train", "--config", env.toString()).assertUsageError("key 'env' must be a string");
        Path nested = Files.writeString(dir.resolve("nested.json"), "{\"config\": \"other.json\"}");
        CommandRun.of("train", "--config", nested.toString()).assertUsageError("unknown key 'config'");
        Path list = Files.writeString(dir.resolve("list.json"), "[1, 2]");
        CommandRun.of("train", "--config", list.toString()).assertUsageError("expected a mapping of option names");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"env\": ");
        CommandRun.of("train", "--config", broken.toString()).assertUsageError("is not valid JSON");
        Path range = Files.writeString(dir.resolve("range.json"), "{\"env\": \"MountainCar-v0\", \"alpha\": 2}");
        CommandRun.of("train", "--config", range.toString()).assertUsageError("--alpha 2.0 is outside (0, 1]");
        CommandRun.of("train", "--config", dir.resolve("missing.json").toString()).assertUsageError("no such file");
        CommandRun.of("train", "--config", dir.resolve("run.toml").toString()).assertUsageError("expected a .json, .yaml or .yml file");
        CommandRun.of("train", "--config", unknown.toString(), "--resume", dir.toString())
                .assertUsageError("--config cannot be given with --resume");
    }
}
