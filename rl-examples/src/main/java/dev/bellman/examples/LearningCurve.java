package dev.bellman.examples;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Draws learning curves: as a PNG with XChart, and as one line of text for the terminal. */
final class LearningCurve {

    private static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

    private LearningCurve() {
    }

    /**
     * Writes {@code file} (PNG): the return of every episode, faint, and its moving average.
     */
    static void writePng(EpisodeLog log, String title, Path file) throws IOException {
        int n = log.episodes();
        double[] episodes = new double[n];
        for (int i = 0; i < n; i++) {
            episodes[i] = i + 1;
        }
        int window = Math.max(1, Math.min(100, n / 20));
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("episode").yAxisTitle("return").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setMarkerSize(0);
        // XChart 3.8 puts a labelled tick at every 10th episode whatever the spacing hint, and the
        // labels run into each other past a few hundred episodes: label round numbers only.
        long step = niceStep(n);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                x -> Math.rint(x) == x && (long) (double) x % step == 0 ? String.format(Locale.ROOT, "%d", (long) (double) x) : " ");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setAxisTicksMarksVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        if (n > 0) {
            XYSeries raw = chart.addSeries("return per episode", episodes, log.returns());
            raw.setMarker(SeriesMarkers.NONE);
            raw.setLineColor(new Color(120, 160, 220, 110));
            raw.setLineStyle(new BasicStroke(1f));
            XYSeries average = chart.addSeries("moving average (" + window + " episodes)", episodes, log.movingAverage(window));
            average.setMarker(SeriesMarkers.NONE);
            average.setLineColor(new Color(200, 60, 40));
            average.setLineStyle(new BasicStroke(2.5f));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** @return a round step (1, 2 or 5 times a power of ten) giving at most about 10 labels over {@code n} episodes */
    static long niceStep(int n) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (n / (step * factor) <= 10) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    /**
     * One line: the mean return of up to 40 slices of the run as bars, with the first and last means.
     */
    static String sparkline(EpisodeLog log) {
        double[] means = log.bucketMeans(40);
        if (means.length == 0) {
            return "no episode finished";
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double m : means) {
            min = Math.min(min, m);
            max = Math.max(max, m);
        }
        StringBuilder bars = new StringBuilder();
        for (double m : means) {
            int level = max > min ? (int) Math.round((m - min) / (max - min) * (BLOCKS.length() - 1)) : BLOCKS.length() / 2;
            bars.append(BLOCKS.charAt(level));
        }
        return String.format(Locale.ROOT, "%s  mean return %.2f (first slice) -> %.2f (last slice), range [%.2f, %.2f]",
                bars, means[0], means[means.length - 1], min, max);
    }
}
