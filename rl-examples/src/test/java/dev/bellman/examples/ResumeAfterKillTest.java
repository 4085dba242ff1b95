package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole story on the command line: a DQN run in a child JVM is killed after its second
 * checkpoint; {@code bellman train --resume} finishes it, and its episodes, evaluation and
 * {@code metrics.csv} equal those of the same run never stopped.
 */
class ResumeAfterKillTest {

    private static List<String> arguments(Path out) {
        return List.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--steps", "6000", "--hidden", "64,64",
                "--checkpoint-every", "1000", "--checkpoint-replay", "--quiet", "--format", "json", "--eval-episodes", "5",
                "--out", out.toString());
    }

    @Test
    void aKilledDqnRunResumesToTheNumbersOfTheRunNeverStopped(@TempDir Path dir) throws Exception {
        Path killed = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BellmanCli.class.getName()));
        command.addAll(arguments(killed));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
        Path checkpoint = killed.resolve(TrainCommand.CHECKPOINT_FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        FileTime first = null;
        while (first == null || Files.getLastModifiedTime(checkpoint).equals(first)) {
            if (System.nanoTime() > deadline || !child.isAlive()) {
                child.destroyForcibly();
                fail("the child wrote no second checkpoint; its output: " + Files.readString(dir.resolve("child.log")));
            }
            if (first == null && Files.exists(checkpoint)) {
                first = Files.getLastModifiedTime(checkpoint);
            }
            Thread.sleep(5);
        }
        child.destroyForcibly().waitFor();
        assertTrue(Files.notExists(killed.resolve("result.json")), "the child finished before it was killed");

        CommandRun resumed = CommandRun.of("train", "--resume", killed.toString(), "--format", "json");
        assertEquals(0, resumed.status(), resumed.err());
        Path whole = dir.resolve("whole");
        CommandRun uninterrupted = CommandRun.of(arguments(whole).toArray(String[]::new));
        assertEquals(0, uninterrupted.status(), uninterrupted.err());

        JsonNode expected = uninterrupted.json();
        JsonNode actual = resumed.json();
        assertTrue(actual.get("resumedAtStep").asLong() >= 2000, actual.toString());
        for (String field : new String[] {"episodes", "steps", "gradientSteps", "meanReturnLast10", "evaluationReturns"}) {
            assertEquals(expected.get(field), actual.get(field), field);
        }
        assertEquals(Files.readAllLines(whole.resolve("metrics.csv")), Files.readAllLines(killed.resolve("metrics.csv")));
    }
}
