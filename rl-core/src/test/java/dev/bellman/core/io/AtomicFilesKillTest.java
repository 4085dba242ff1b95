package dev.bellman.core.io;

import dev.bellman.core.CompactModel;
import dev.bellman.core.CompactModelFiles;
import dev.bellman.env.grid.ZigZagGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A process killed while it writes a file with {@link AtomicFiles} leaves the previous file
 * loadable: a child JVM rewrites a model file in a loop, alternating two models, and is killed at a
 * random moment; the file must then load and be one of the two.
 */
class AtomicFilesKillTest {

    private static final int SMALL = 60;
    private static final int LARGE = 61;

    /** The child: rewrites the file at {@code args[0]} until it is killed. */
    public static final class Child {
        private Child() {
        }

        /**
         * @param args the file to rewrite
         * @throws IOException if a write fails
         */
        public static void main(String[] args) throws IOException {
            Path file = Path.of(args[0]);
            CompactModel[] models = {ZigZagGrid.model(SMALL, CompactModel.Precision.DOUBLE),
                    ZigZagGrid.model(LARGE, CompactModel.Precision.DOUBLE)};
            for (long k = 0; ; k++) {
                CompactModelFiles.write(models[(int) (k % 2)], file);
            }
        }
    }

    @Test
    void aWriterKilledAtRandomMomentsLeavesALoadableFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.mdp");
        CompactModelFiles.write(ZigZagGrid.model(SMALL, CompactModel.Precision.DOUBLE), file);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        SplittableRandom random = new SplittableRandom(8);
        int kills = 10;
        int midWrite = 0;
        for (int k = 0; k < kills; k++) {
            FileTime before = Files.getLastModifiedTime(file);
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                    file.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            // Wait until the child is writing (the file has been replaced once), then kill it a little later.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.getLastModifiedTime(file).equals(before)) {
                if (System.nanoTime() > deadline || !child.isAlive()) {
                    child.destroyForcibly();
                    fail("the child never rewrote the file; its output: " + Files.readString(dir.resolve("child.log")));
                }
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(1, 60));
            child.destroyForcibly().waitFor();
            try (var strays = Files.list(dir)) {
                // A temporary file left behind: the kill came in the middle of a write.
                midWrite += strays.filter(p -> p.getFileName().toString().endsWith(".tmp")).count() > 0 ? 1 : 0;
            }
            try (var strays = Files.list(dir)) {
                for (Path stray : strays.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.delete(stray);
                }
            }
            CompactModel loaded = CompactModelFiles.read(file);
            int states = loaded.stateCount();
            assertTrue(states == SMALL * SMALL || states == LARGE * LARGE, "kill " + k + ": a model of " + states + " states");
        }
        System.out.println("AtomicFilesKillTest: " + midWrite + " of " + kills + " kills came in the middle of a write");
        // Writing (with its fsync) is most of the child's loop, so most kills land inside one: the test
        // exercises what it is about.
        assertTrue(midWrite >= 1, "no kill landed in the middle of a write");
    }
}
