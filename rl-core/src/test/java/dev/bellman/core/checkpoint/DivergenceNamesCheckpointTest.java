package dev.bellman.core.checkpoint;

import dev.bellman.core.Budget;
import dev.bellman.core.DivergenceAlarm;
import dev.bellman.core.Environment;
import dev.bellman.core.TrainingDivergedException;
import dev.bellman.core.TrainingListener;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A divergence leaving {@code train} names the last good checkpoint, or says there is none. */
class DivergenceNamesCheckpointTest {

    /** Diverges at the end of episode {@code at}, as a learner's own NaN check or a {@link DivergenceAlarm} would. */
    private static TrainingListener divergingAt(long at) {
        return new TrainingListener() {
            @Override
            public void onEpisodeEnd(long episode, double episodeReturn, long length, long totalSteps) {
                if (episode == at) {
                    throw new TrainingDivergedException(totalSteps, "loss", Double.NaN, "expected a finite number");
                }
            }
        };
    }

    @Test
    void theExceptionNamesTheLastCheckpointAndItsStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.ckpt");
        TableLearner learner = new TableLearner(5, 0);
        learner.checkpointEvery(500, file);
        learner.addListener(divergingAt(40));
        Environment<Integer, Integer> env = GridWorldPreset.ZHAO_5X5.build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> learner.train(env, Budget.episodes(100)));

        CheckpointFiles.Header last = CheckpointFiles.readHeader(file);
        assertEquals(file, e.lastCheckpoint().orElseThrow());
        assertEquals(last.steps(), e.lastCheckpointStep());
        assertTrue(last.steps() > 0 && last.steps() < e.step(), last.steps() + " vs " + e.step());
        assertEquals("training diverged at step " + e.step() + ": loss is NaN; expected a finite number; the last good checkpoint is "
                + file + " (step " + last.steps() + ")", e.getMessage());
    }

    @Test
    void withoutCheckpointsTheExceptionSaysSo() {
        TableLearner learner = new TableLearner(5, 0);
        learner.addListener(DivergenceAlarm.nonFinite());
        learner.addListener(divergingAt(3));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> learner.train(GridWorldPreset.ZHAO_5X5.build(), Budget.episodes(10)));
        assertTrue(e.getMessage().endsWith("; no checkpoint had been written"), e.getMessage());
        assertTrue(e.lastCheckpoint().isEmpty());
    }
}
