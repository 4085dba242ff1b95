package dev.bellman.examples;

import dev.bellman.core.stats.ConfidenceInterval;
import dev.bellman.core.stats.StratifiedBootstrap;
import dev.bellman.core.stats.SummaryStats;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Learning curves against environment steps: the mean return of several runs with a 95% bootstrap
 * band (an experiment's seeds), or one run's moving average, drawn together on one chart.
 *
 * @param label the legend's name of the curve
 * @param steps the environment steps of the points, increasing
 * @param mean  the return at each point (mean over runs, or one run's moving average)
 * @param lower the band's lower edge at each point, or {@code null} for a curve without a band
 * @param upper the band's upper edge at each point, or {@code null}
 * @param runs   how many runs the curve averages
 * @param window the episodes each run's returns are averaged over before they are drawn
 */
record AggregateCurve(String label, double[] steps, double[] mean, double[] lower, double[] upper, int runs, int window) {

    /** The points of an experiment's curve: enough for a smooth line, few enough to bootstrap each quickly. */
    static final int POINTS = 200;

    /** Line and band colours (Matplotlib's tab10), so that each curve's band matches its line. */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    /**
     * One run's episodes as {@code metrics.csv} holds them.
     *
     * @param steps   the cumulative environment steps at the end of each episode
     * @param returns the return of each episode
     */
    record RunLog(double[] steps, double[] returns) {

        /**
         * Reads {@code episode,steps,return,length} rows as {@link EpisodeLog#writeCsv} writes them.
         *
         * @throws IllegalArgumentException if the file is missing, has no episode or a malformed row
         */
        static RunLog read(Path metricsCsv) throws IOException {
            if (!Files.isRegularFile(metricsCsv)) {
                throw new IllegalArgumentException(metricsCsv + " does not exist");
            }
            List<String> lines = Files.readAllLines(metricsCsv, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).startsWith("episode,steps,return")) {
                throw new IllegalArgumentException(metricsCsv + " is not a metrics.csv of bellman train (header episode,steps,return,length)");
            }
            int n = lines.size() - 1;
            double[] steps = new double[n];
            double[] returns = new double[n];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",");
                try {
                    steps[i] = Long.parseLong(cells[1].strip());
                    returns[i] = Double.parseDouble(cells[2].strip());
                } catch (RuntimeException malformed) {
                    throw new IllegalArgumentException(metricsCsv + " line " + (i + 2) + " is not episode,steps,return,length: "
                            + lines.get(i + 1));
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException(metricsCsv + " holds no finished episode");
            }
            return new RunLog(steps, returns);
        }

        /** @return the return linearly interpolated between the episodes that end around {@code step} */
        double returnAt(double step) {
            int hi = 0;
            while (hi < steps.length - 1 && steps[hi] < step) {
                hi++;
            }
            if (hi == 0 || steps[hi] <= step) {
                return returns[hi];
            }
            int lo = hi - 1;
            double fraction = (step - steps[lo]) / (steps[hi] - steps[lo]);
            return returns[lo] + fraction * (returns[hi] - returns[lo]);
        }
    }

    /**
     * The mean over runs of the episode returns, with the 95% percentile-bootstrap interval of the
     * mean (over runs) at each point. Each run's returns are first averaged over the last
     * {@link #window(int)} episodes (a single episode's return is too noisy to show a trend across few
     * seeds), then interpolated linearly onto {@link #POINTS} steps evenly spaced from the step
     * where every run has finished one episode to the last step every run reached.
     *
     * @param bootstrap draws the band's resamples; its seed makes the band reproducible
     * @throws IllegalArgumentException if {@code runs} is empty
     */
    static AggregateCurve of(String label, List<RunLog> runs, StratifiedBootstrap bootstrap) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(label + ": no run with a metrics.csv to draw");
        }
        double from = 0;
        double to = Double.POSITIVE_INFINITY;
        int fewestEpisodes = Integer.MAX_VALUE;
        for (RunLog run : runs) {
            from = Math.max(from, run.steps()[0]);
            to = Math.min(to, run.steps()[run.steps().length - 1]);
            fewestEpisodes = Math.min(fewestEpisodes, run.returns().length);
        }
        int window = window(fewestEpisodes);
        List<RunLog> smoothed = runs.stream().map(run -> new RunLog(run.steps(), movingAverage(run.returns(), window))).toList();
        int points = to > from ? POINTS : 1;
        double[] grid = new double[points];
        double[] mean = new double[points];
        double[] lower = new double[points];
        double[] upper = new double[points];
        double[] atPoint = new double[runs.size()];
        for (int p = 0; p < points; p++) {
            grid[p] = points == 1 ? from : from + (to - from) * p / (points - 1);
            for (int r = 0; r < runs.size(); r++) {
                atPoint[r] = smoothed.get(r).returnAt(grid[p]);
            }
            mean[p] = SummaryStats.mean(atPoint);
            ConfidenceInterval interval = bootstrap.interval(atPoint, SummaryStats::mean);
            lower[p] = interval.lower();
            upper[p] = interval.upper();
        }
        return new AggregateCurve(label, grid, mean, lower, upper, runs.size(), window);
    }

    /** One run's curve: the moving average of its returns over {@link #window(int)} episodes, against steps. */
    static AggregateCurve movingAverage(String label, RunLog run) {
        int window = window(run.returns().length);
        return new AggregateCurve(label, run.steps().clone(), movingAverage(run.returns(), window), null, null, 1, window);
    }

    /** @return the smoothing window for runs of {@code episodes} episodes: 1/40 of them, from 1 to 50 */
    static int window(int episodes) {
        return Math.max(1, Math.min(50, episodes / 40));
    }

    /** @return each return averaged with the {@code window - 1} before it (fewer at the start) */
    private static double[] movingAverage(double[] returns, int window) {
        double[] average = new double[returns.length];
        double sum = 0;
        for (int i = 0; i < returns.length; i++) {
            sum += returns[i];
            if (i >= window) {
                sum -= returns[i - window];
            }
            average[i] = sum / Math.min(i + 1, window);
        }
        return average;
    }

    /**
     * Writes {@code file} (PNG, 900×500): every curve as a line, each band shaded in its colour.
     *
     * @throws IOException if the file cannot be written
     */
    static void writePng(List<AggregateCurve> curves, String title, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("environment steps").yAxisTitle("episode return").build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setMarkerSize(0);
        styler.setXAxisDecimalPattern("#,###");
        styler.setXAxisTickMarkSpacingHint(120);
        styler.setXAxisMin(0.0);
        for (int c = 0; c < curves.size(); c++) {
            AggregateCurve curve = curves.get(c);
            Color color = PALETTE[c % PALETTE.length];
            if (curve.lower() != null) {
                // A closed polygon: along the upper edge, then back along the lower one.
                int n = curve.steps().length;
                double[] x = new double[2 * n];
                double[] y = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    x[i] = curve.steps()[i];
                    y[i] = curve.upper()[i];
                    x[2 * n - 1 - i] = curve.steps()[i];
                    y[2 * n - 1 - i] = curve.lower()[i];
                }
                XYSeries band = chart.addSeries(curve.label() + ": 95% CI of the mean", x, y);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setMarker(SeriesMarkers.NONE);
                band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
                band.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
            }
            String smoothing = curve.window() > 1 ? ", moving average of " + curve.window() + " episodes" : "";
            String name = curve.lower() != null ? curve.label() + ": mean of " + curve.runs() + " seeds" + smoothing
                    : curve.label() + ": one run" + smoothing;
            XYSeries line = chart.addSeries(name, curve.steps(), curve.mean());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(color);
            line.setLineStyle(new BasicStroke(2.2f));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
