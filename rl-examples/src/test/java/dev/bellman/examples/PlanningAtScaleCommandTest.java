package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bellman.env.grid.ZigZagGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman gridworld --size} and {@code bellman mdp --file} (issue 10) end to end, in this JVM. */
class PlanningAtScaleCommandTest {

    /** The start's closed form at n = 30, gamma 0.99: d = 4(n - 1) = 116, v = -(1 - 0.99^116)/(1 - 0.99). */
    private static final double START_VALUE_30 = -(1 - Math.pow(0.99, 116)) / 0.01;

    @Test
    void sizeSolvesTheZigZagGridToItsClosedForm() throws IOException {
        for (String algo : new String[] {"in-place-vi", "mpi", "prioritized-sweeping", "value-iteration"}) {
            CommandRun run = CommandRun.of("gridworld", "--size", "30x30", "--algo", algo, "--format", "json");
            assertEquals(0, run.status(), run.err());
            JsonNode json = run.json();
            assertEquals(algo, json.get("algorithm").asText());
            assertEquals("zig-zag", json.get("world").asText());
            assertEquals(30, json.get("size").asInt());
            assertEquals(900, json.get("states").asInt());
            assertEquals(4, json.get("actions").asInt());
            assertEquals("float", json.get("precision").asText());
            assertEquals(116, json.get("startDistance").asInt());
            assertEquals(START_VALUE_30, json.get("startClosedForm").asDouble(), 1e-12);
            // The planners stop at a residual below 1e-6: within 1e-6 / (1 - 0.99) = 1e-4 of v*.
            assertEquals(START_VALUE_30, json.get("startValue").asDouble(), 1e-4, algo);
            assertTrue(json.get("maxClosedFormError").asDouble() < 1e-4, algo);
            assertTrue(json.get("errorBound").asDouble() < 1e-4, algo);
            assertTrue(json.get("converged").asBoolean(), algo);
            // 8 bytes per pair (next state + float reward) and 1 per state of terminal flags.
            assertEquals(8 * 3600 + 900, json.get("modelBytes").asLong());
            assertEquals(8.25, json.get("bytesPerStateAction").asDouble(), 1e-12);
            for (String field : new String[] {"buildSeconds", "solveSeconds", "iterations", "backups",
                    "backupsPerSecond", "heapUsedBytes", "modelMegabytes", "gamma", "tolerance"}) {
                assertTrue(json.has(field), field + " in " + json);
            }
            assertTrue(json.get("backups").asLong() > 0, algo);
            assertFalse(json.has("values"), "no value table for --size");
        }
    }

    @Test
    void backwardOrderSolvesTheGridInAFewSweepsWhateverTheThreads() throws IOException {
        for (String threads : new String[] {"1", "2"}) {
            JsonNode json = CommandRun.of("gridworld", "--size", "31", "--threads", threads, "--precision", "double",
                    "--format", "json").json();
            assertEquals("in-place-vi", json.get("algorithm").asText());
            assertEquals(Integer.parseInt(threads), json.get("threads").asInt());
            assertEquals("backward", json.get("order").asText());
            assertEquals("double", json.get("precision").asText());
            // On one thread, one sweep finds v* and the second sees no change; two threads split each
            // sweep into blocks, and the wave crosses a block boundary a sweep later.
            int iterations = json.get("iterations").asInt();
            assertTrue(threads.equals("1") ? iterations == 2 : iterations <= 5, threads + ": " + iterations);
            assertTrue(json.get("maxClosedFormError").asDouble() < 1e-9, threads);
        }
    }

    @Test
    void textReportShowsTimesMemoryAndTheClosedFormButNoGridWhenLarge() {
        CommandRun run = CommandRun.of("gridworld", "--size", "40");
        assertEquals(0, run.status(), run.err());
        String out = run.out();
        assertTrue(out.contains("zig-zag grid 40x40"), out);
        assertTrue(out.contains("in-place-vi (backward order, 1 thread), gamma 0.99, tolerance 1.0E-6"), out);
        assertTrue(out.contains("backups/s"), out);
        assertTrue(out.contains("bytes per state-action"), out);
        assertTrue(out.contains("closed form -(1 - 0.99^156)/(1 - 0.99)"), out);
        assertTrue(out.contains("JVM heap used"), out);
        assertFalse(out.contains("Map (y up"), "no map above 20x20: " + out);
        assertTrue(CommandRun.of("gridworld", "--size", "7").out().contains("Map (y up"));
    }

    @Test
    void writtenModelSolvesToTheSameValuesWithMdpFile(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("zigzag-30.blmdp");
        JsonNode grid = CommandRun.of("gridworld", "--size", "30", "--write-model", model.toString(), "--format", "json")
                .json();
        assertEquals(model.toString(), grid.get("modelFile").asText());
        assertTrue(Files.size(model) > 0);

        Path values = dir.resolve("values.f64");
        CommandRun run = CommandRun.of("mdp", "--file", model.toString(), "--values-out", values.toString(),
                "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = run.json();
        assertEquals("in-place-vi", json.get("algorithm").asText());
        assertEquals(0.99, json.get("gamma").asDouble());
        assertEquals(1e-6, json.get("tolerance").asDouble());
        assertEquals(900, json.get("states").asInt());
        assertEquals(grid.get("modelBytes").asLong(), json.get("modelBytes").asLong());
        assertEquals(5, json.get("firstValues").size());
        // State 0 is the start (0, 0).
        assertEquals(grid.get("startValue").asDouble(), json.get("firstValues").get(0).asDouble(), 1e-12);
        for (String field : new String[] {"readSeconds", "solveSeconds", "iterations", "backups", "backupsPerSecond",
                "errorBound", "bytesPerStateAction", "heapUsedBytes", "valuesOut"}) {
            assertTrue(json.has(field), field + " in " + json);
        }

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(values)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(8 * 900, bytes.capacity());
        int[] distances = ZigZagGrid.distances(30);
        for (int s = 0; s < 900; s++) {
            double exact = distances[s] < 0 ? 0 : ZigZagGrid.optimalValue(distances[s], 0.99);
            assertEquals(exact, bytes.getDouble(8 * s), 1e-4, "state " + s);
        }

        for (String algo : new String[] {"mpi", "prioritized-sweeping", "value-iteration"}) {
            JsonNode other = CommandRun.of("mdp", "--file", model.toString(), "--algo", algo, "--format", "json").json();
            assertEquals(grid.get("startValue").asDouble(), other.get("firstValues").get(0).asDouble(), 1e-4, algo);
        }
        String text = CommandRun.of("mdp", "--file", model.toString(), "--algo", "mpi", "--threads", "2").out();
        assertTrue(text.contains("mpi (10 evaluation sweeps, backward order, 2 threads)"), text);
        assertTrue(text.contains("v(0) = "), text);
    }

    @Test
    void presetsStillWork() throws IOException {
        JsonNode json = CommandRun.of("mdp", "--preset", "gamblers-problem", "--format", "json").json();
        assertEquals("value-iteration", json.get("algorithm").asText());
        assertEquals(1.0, json.get("gamma").asDouble());
        assertEquals(101, json.get("values").size());
        assertTrue(CommandRun.of("gridworld").out().contains("value-iteration: converged"));
    }

    @Test
    void badSizesAreRejectedNamingTheOption() {
        CommandRun.of("gridworld", "--size", "2x2").assertUsageError("--size 2x2 is below the minimum 5x5");
        CommandRun.of("gridworld", "--size", "10x20").assertUsageError("--size 10x20 is not square");
        CommandRun.of("gridworld", "--size", "big").assertUsageError("--size big is not a size; expected NxN");
        CommandRun.of("gridworld", "--size", "30000").assertUsageError("is above the maximum 23170x23170");
        CommandRun.of("gridworld", "--size", "30", "--threads", "0").assertUsageError("--threads 0 must be at least 1");
        CommandRun.of("gridworld", "--size", "30", "--algo", "q-learning")
                .assertUsageError("--algo q-learning does not apply to --size; expected one of in-place-vi, mpi, "
                        + "prioritized-sweeping, value-iteration");
        CommandRun.of("gridworld", "--size", "30", "--algo", "prioritized-sweeping", "--threads", "2")
                .assertUsageError("--threads 2 does not apply to prioritized-sweeping");
        CommandRun.of("gridworld", "--size", "30", "--gamma", "1")
                .assertUsageError("--gamma 1.0 is outside [0, 1) for in-place-vi");
        CommandRun.of("gridworld", "--size", "30", "--precision", "half")
                .assertUsageError("--precision half is not allowed; expected float or double");
        CommandRun.of("gridworld", "--size", "30", "--order", "random")
                .assertUsageError("--order random is not allowed; expected backward or natural");
        CommandRun.of("gridworld", "--size", "30", "--reward-step", "0").assertUsageError("--reward-step does not apply to --size");
        CommandRun.of("gridworld", "--size", "30", "--preset", "zhao-5x5").assertUsageError("mutually exclusive");
        CommandRun.of("gridworld", "--threads", "2").assertUsageError("--threads applies only to --size");
    }

    @Test
    void badFilesAreRejectedInOneLine(@TempDir Path dir) throws IOException {
        CommandRun.of("mdp", "--file", dir.resolve("none.blmdp").toString())
                .assertUsageError("--file " + dir.resolve("none.blmdp") + ": no such file");

        Path model = dir.resolve("model.blmdp");
        assertEquals(0, CommandRun.of("gridworld", "--size", "10", "--write-model", model.toString()).status());
        byte[] whole = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.blmdp");
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 7));
        CommandRun run = CommandRun.of("mdp", "--file", truncated.toString());
        run.assertUsageError("--file: " + truncated);
        assertTrue(run.err().contains("truncated"), run.err());

        Path garbage = dir.resolve("garbage.blmdp");
        Files.writeString(garbage, "states,actions\n3,2\n");
        CommandRun.of("mdp", "--file", garbage.toString()).assertUsageError("--file: " + garbage);

        CommandRun.of("mdp", "--file", model.toString(), "--threads", "0").assertUsageError("--threads 0 must be at least 1");
        CommandRun.of("mdp", "--file", model.toString(), "--algo", "policy-iteration")
                .assertUsageError("--algo policy-iteration does not apply to --file");
        CommandRun.of("mdp", "--file", model.toString(), "--algo", "in-place-vi", "--evaluation-sweeps", "3")
                .assertUsageError("--evaluation-sweeps applies only to mpi");
        CommandRun.of("mdp", "--file", model.toString(), "--heads", "0.5").assertUsageError("--heads applies only to");
        CommandRun.of("mdp", "--file", model.toString(), "--preset", "gamblers-problem").assertUsageError("mutually exclusive");
        CommandRun.of("mdp", "--preset", "gamblers-problem", "--threads", "2")
                .assertUsageError("--threads applies only to --file");
        CommandRun.of("mdp").assertUsageError("Missing required option: '--preset=NAME' or '--file=MODEL'");
    }
}
