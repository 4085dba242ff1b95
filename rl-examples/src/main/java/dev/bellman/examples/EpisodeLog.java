package dev.bellman.examples;

import dev.bellman.core.TrainingListener;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Records every finished episode of a training run (its cumulative step count, return and length)
 * and writes them as {@code metrics.csv}. It goes into the run's checkpoints, so that a resumed
 * run's {@code metrics.csv} holds every episode.
 */
final class EpisodeLog implements TrainingListener, Checkpointable {

    private long[] steps = new long[256];
    private double[] returns = new double[256];
    private long[] lengths = new long[256];
    private int count;

    @Override
    public void onEpisodeEnd(long episode, double episodeReturn, long length, long totalSteps) {
        if (count == returns.length) {
            steps = Arrays.copyOf(steps, count * 2);
            returns = Arrays.copyOf(returns, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        steps[count] = totalSteps;
        returns[count] = episodeReturn;
        lengths[count] = length;
        count++;
    }

    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeLongs(Arrays.copyOf(steps, count));
        out.writeDoubles(Arrays.copyOf(returns, count));
        out.writeLongs(Arrays.copyOf(lengths, count));
    }

    @Override
    public void readState(StateReader in) throws IOException {
        long[] savedSteps = in.readLongs("episode steps");
        double[] savedReturns = in.readDoubles("episode returns");
        long[] savedLengths = in.readLongs("episode lengths");
        if (savedSteps.length != savedReturns.length || savedLengths.length != savedReturns.length) {
            throw new InvalidCheckpointException("the episode log has " + savedSteps.length + " step counts, " + savedReturns.length
                    + " returns and " + savedLengths.length + " lengths; expected as many of each");
        }
        count = savedReturns.length;
        steps = Arrays.copyOf(savedSteps, Math.max(256, count * 2));
        returns = Arrays.copyOf(savedReturns, Math.max(256, count * 2));
        lengths = Arrays.copyOf(savedLengths, Math.max(256, count * 2));
    }

    int episodes() {
        return count;
    }

    double[] returns() {
        return Arrays.copyOf(returns, count);
    }

    /** Writes {@code episode,steps,return,length}, one row per episode, episodes counted from 1. */
    void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("episode,steps,return,length\n");
            for (int i = 0; i < count; i++) {
                out.write(String.format(Locale.ROOT, "%d,%d,%s,%d%n", i + 1, steps[i], Double.toString(returns[i]), lengths[i]));
            }
        }
    }

    /**
     * The mean return over the episodes of each of {@code buckets} equal slices of the run (fewer
     * if there are fewer episodes).
     */
    double[] bucketMeans(int buckets) {
        int n = Math.min(buckets, count);
        double[] means = new double[n];
        for (int b = 0; b < n; b++) {
            int from = (int) ((long) b * count / n);
            int to = (int) ((long) (b + 1) * count / n);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += returns[i];
            }
            means[b] = sum / (to - from);
        }
        return means;
    }

    /**
     * The moving average of the returns over a window of {@code window} episodes (shorter at the start).
     */
    double[] movingAverage(int window) {
        double[] average = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += returns[i];
            if (i >= window) {
                sum -= returns[i - window];
            }
            average[i] = sum / Math.min(i + 1, window);
        }
        return average;
    }
}
