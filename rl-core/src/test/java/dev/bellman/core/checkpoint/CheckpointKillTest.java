package dev.bellman.core.checkpoint;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A training process killed while it checkpoints leaves a checkpoint that loads and resumes
 * exactly: a child JVM trains with a checkpoint after every episode until it is killed at a random
 * moment; the checkpoint left behind must load, hold the state of an uninterrupted run after the
 * same number of episodes, and continue exactly as that run does.
 */
class CheckpointKillTest {

    private static final long SEED = 21;
    /** About 2 MB of state, so that writing (with its fsync) is most of the child's time. */
    private static final int BALLAST = 250_000;

    /** The child: trains and checkpoints after every episode until it is killed. */
    public static final class Child {
        private Child() {
        }

        /** @param args the checkpoint file */
        public static void main(String[] args) {
            TableLearner learner = new TableLearner(SEED, BALLAST);
            learner.checkpointEvery(1, Path.of(args[0]));
            Environment<Integer, Integer> env = GridWorldPreset.ZHAO_5X5.build();
            while (true) {
                learner.train(env, Budget.episodes(1_000));
            }
        }
    }

    @Test
    void aRunKilledWhileCheckpointingResumesExactlyFromWhatItLeft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("checkpoint.bin");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        SplittableRandom random = new SplittableRandom(4);
        int kills = 8;
        int midWrite = 0;
        for (int k = 0; k < kills; k++) {
            Files.deleteIfExists(file);
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                    file.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            FileTime first = null;
            // Wait for the second checkpoint, so that the kill can land while one replaces another.
            while (first == null || Files.getLastModifiedTime(file).equals(first)) {
                if (System.nanoTime() > deadline || !child.isAlive()) {
                    child.destroyForcibly();
                    fail("the child wrote no second checkpoint; its output: " + Files.readString(dir.resolve("child.log")));
                }
                if (first == null && Files.exists(file)) {
                    first = Files.getLastModifiedTime(file);
                }
                Thread.sleep(2);
            }
            Thread.sleep(random.nextInt(1, 80));
            child.destroyForcibly().waitFor();
            try (var files = Files.list(dir)) {
                for (Path stray : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                    midWrite++;
                    Files.delete(stray);
                }
            }
            assertResumesExactly(file);
        }
        System.out.println("CheckpointKillTest: " + midWrite + " of " + kills + " kills came in the middle of a checkpoint write");
        assertTrue(midWrite >= 1, "no kill landed in the middle of a checkpoint write");
    }

    private static void assertResumesExactly(Path file) throws IOException {
        TableLearner resumed = new TableLearner(SEED, BALLAST);
        Environment<Integer, Integer> resumedEnv = GridWorldPreset.ZHAO_5X5.build();
        CheckpointFiles.Header header = resumed.loadCheckpoint(file, resumedEnv);

        TableLearner uninterrupted = new TableLearner(SEED, BALLAST);
        Environment<Integer, Integer> env = GridWorldPreset.ZHAO_5X5.build();
        uninterrupted.train(env, Budget.episodes(header.episodes()));
        assertArrayEquals(uninterrupted.table(), resumed.table(), "the checkpoint of episode " + header.episodes());

        TrainingReport expected = uninterrupted.train(env, Budget.episodes(20));
        TrainingReport actual = resumed.train(resumedEnv, Budget.episodes(20));
        assertArrayEquals(expected.episodeReturns(), actual.episodeReturns());
        assertArrayEquals(uninterrupted.table(), resumed.table());
    }
}
