package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman plot}: experiments and train runs compared on one chart. */
class PlotCommandTest {

    @Test
    void drawsAnExperimentAndATrainRunOnOneChart(@TempDir Path dir) throws IOException {
        Path experiment = dir.resolve("sarsa-exp");
        assertEquals(0, CommandRun.of("experiment", "--env", "MountainCar-v0", "--algo", "sarsa", "--episodes", "5", "--eval-episodes", "1",
                "--seeds", "0-2", "--quiet", "--out", experiment.toString()).status());
        Path train = dir.resolve("q-run");
        assertEquals(0, CommandRun.of("train", "--env", "MountainCar-v0", "--algo", "q-learning", "--episodes", "5", "--eval-episodes", "1",
                "--quiet", "--out", train.toString()).status());

        Path png = dir.resolve("charts/compare.png");
        CommandRun run = CommandRun.of("plot", experiment.toString(), train.toString(), "--out", png.toString(), "--title", "Sarsa vs Q",
                "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = run.json();
        assertEquals("sarsa-exp", json.get("curves").get(0).get("label").asText());
        assertEquals("experiment", json.get("curves").get(0).get("kind").asText());
        assertEquals(3, json.get("curves").get(0).get("runs").asInt());
        assertEquals(AggregateCurve.POINTS, json.get("curves").get(0).get("points").asInt());
        assertEquals("q-run", json.get("curves").get(1).get("label").asText());
        assertEquals("train", json.get("curves").get(1).get("kind").asText());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(500, image.getHeight());

        CommandRun text = CommandRun.of("plot", experiment.toString(), "--out", dir.resolve("one.png").toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Wrote " + dir.resolve("one.png")), text.out());
    }

    @Test
    void badDirectoriesAndFilesExitWithStatusTwoAndOneLine(@TempDir Path dir) throws IOException {
        String png = dir.resolve("x.png").toString();
        CommandRun.of("plot", dir.resolve("missing").toString(), "--out", png).assertUsageError("is not a directory");
        CommandRun.of("plot", dir.toString(), "--out", png).assertUsageError("holds neither experiment.json");
        CommandRun.of("plot", dir.toString(), "--out", dir.resolve("x.jpg").toString()).assertUsageError("must name a .png file");
        CommandRun.of("plot", "--out", png).assertUsageError("DIR");
        CommandRun.of("plot", dir.toString()).assertUsageError("--out");
        Path emptyExperiment = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(emptyExperiment.resolve(ExperimentCommand.EXPERIMENT_FILE), "{}");
        CommandRun.of("plot", emptyExperiment.toString(), "--out", png).assertUsageError("is an experiment without a finished seed");
        Path badCsv = Files.createDirectories(dir.resolve("bad-run"));
        Files.writeString(badCsv.resolve("metrics.csv"), "episode,steps,return,length\n1,200,oops,200\n");
        CommandRun.of("plot", badCsv.toString(), "--out", png).assertUsageError("line 2 is not episode,steps,return,length");
        assertFalse(Files.exists(Path.of(png)));
    }
}
