package dev.bellman.core.checkpoint;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged checkpoints: truncations, flipped bits, overwritten, inserted, deleted and appended
 * bytes anywhere in a real checkpoint. Every one must fail with an {@link InvalidCheckpointException}
 * naming the file (never another exception, never a load), and must leave the learner it was
 * loaded into untouched.
 */
class CheckpointFuzzTest {

    private static final int CASES = 1_200;

    @Test
    void everyDamagedCheckpointFailsCleanlyAndChangesNothing(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.bin");
        TableLearner trained = new TableLearner(3, 64);
        Environment<Integer, Integer> env = GridWorldPreset.ZHAO_5X5.build();
        trained.train(env, Budget.episodes(30));
        trained.saveCheckpoint(good, env);
        byte[] original = Files.readAllBytes(good);

        SplittableRandom random = new SplittableRandom(17);
        Path damaged = dir.resolve("damaged.bin");
        int[] byKind = new int[6];
        for (int i = 0; i < CASES; i++) {
            int kind = random.nextInt(byKind.length);
            byte[] bytes = damage(original, kind, random);
            if (Arrays.equals(bytes, original)) {
                continue;
            }
            byKind[kind]++;
            Files.write(damaged, bytes);
            TableLearner fresh = new TableLearner(3, 64);
            Environment<Integer, Integer> freshEnv = GridWorldPreset.ZHAO_5X5.build();
            try {
                fresh.loadCheckpoint(damaged, freshEnv);
                fail("case " + i + " (kind " + kind + ") loaded a damaged checkpoint");
            } catch (InvalidCheckpointException expected) {
                assertTrue(expected.getMessage().contains(damaged.toString()), expected.getMessage());
            }
            assertEquals(0, fresh.totalSteps(), "case " + i);
            assertArrayEquals(new double[fresh.table().length], fresh.table(), "case " + i + " changed the learner");
        }
        System.out.println("CheckpointFuzzTest: " + Arrays.stream(byKind).sum() + " damaged checkpoints (truncated, bit flip, "
                + "overwritten, inserted, deleted, appended: " + Arrays.toString(byKind) + "), each rejected");
        assertTrue(Arrays.stream(byKind).allMatch(count -> count > 100), Arrays.toString(byKind));
    }

    private static byte[] damage(byte[] original, int kind, SplittableRandom random) {
        int n = original.length;
        switch (kind) {
            case 0:
                return Arrays.copyOf(original, random.nextInt(n));
            case 1: {
                byte[] bytes = original.clone();
                int at = random.nextInt(n);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                return bytes;
            }
            case 2: {
                byte[] bytes = original.clone();
                int at = random.nextInt(n);
                for (int k = at; k < Math.min(n, at + random.nextInt(1, 17)); k++) {
                    bytes[k] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            case 3: {
                int at = random.nextInt(n + 1);
                byte[] extra = new byte[random.nextInt(1, 17)];
                random.nextBytes(extra);
                byte[] bytes = new byte[n + extra.length];
                System.arraycopy(original, 0, bytes, 0, at);
                System.arraycopy(extra, 0, bytes, at, extra.length);
                System.arraycopy(original, at, bytes, at + extra.length, n - at);
                return bytes;
            }
            case 4: {
                int at = random.nextInt(n);
                int length = Math.min(n - at, random.nextInt(1, 17));
                byte[] bytes = new byte[n - length];
                System.arraycopy(original, 0, bytes, 0, at);
                System.arraycopy(original, at + length, bytes, at, n - at - length);
                return bytes;
            }
            default: {
                byte[] extra = new byte[random.nextInt(1, 17)];
                random.nextBytes(extra);
                byte[] bytes = Arrays.copyOf(original, n + extra.length);
                System.arraycopy(extra, 0, bytes, n, extra.length);
                return bytes;
            }
        }
    }
}
