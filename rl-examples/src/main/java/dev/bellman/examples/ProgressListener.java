package dev.bellman.examples;

import dev.bellman.core.TrainingListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * A progress bar on standard error, shown only once a run has taken more than a second, so that
 * quick runs print nothing extra.
 */
final class ProgressListener implements TrainingListener, AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;

    private final long total;
    private final boolean countsSteps;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private long done;

    /**
     * @param total       the budget: steps or episodes
     * @param countsSteps whether the budget counts steps (else episodes)
     */
    ProgressListener(long total, boolean countsSteps, PrintStream err) {
        this.total = total;
        this.countsSteps = countsSteps;
        this.err = err;
    }

    @Override
    public void onStep(long totalSteps, double reward) {
        if (countsSteps) {
            advance();
        }
    }

    @Override
    public void onEpisodeEnd(long episode, double episodeReturn, long length, long totalSteps) {
        if (!countsSteps) {
            advance();
        }
    }

    private void advance() {
        done++;
        if (bar == null) {
            if ((done & 1023) != 0 && done != total || System.nanoTime() - start < DELAY_NANOS) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName("training").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                    .setUnit(countsSteps ? " steps" : " episodes", 1).setUpdateIntervalMillis(200).build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
