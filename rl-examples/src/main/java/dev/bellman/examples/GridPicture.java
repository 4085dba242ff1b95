package dev.bellman.examples;

import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.CellType;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A grid world's state values and policy drawn as the figures of Zhao's <i>Mathematical Foundations
 * of Reinforcement Learning</i> and Sutton &amp; Barto: each cell coloured by its value (the
 * ColorBrewer YlGn scale, light yellow for the lowest value to dark green for the highest, which
 * reads the same to colour-blind eyes and in grey), the value printed in it, the policy's arrows,
 * and the row and column indices (0-based, as {@code bellman gridworld} prints cells), with a colour
 * scale and a legend. The same picture comes as PNG ({@link #png()}) and as SVG ({@link #svg()}):
 * both are drawn by one routine, so they agree shape for shape.
 *
 * <p>Cells: the target is sky blue with a dark blue frame, forbidden cells keep their value's colour
 * inside an amber hatched frame, walls are dark grey, terminal cells ({@code X}) light grey with a
 * black square, cliffs brown with the word "cliff", and the start carries an "S" badge in its
 * bottom-left corner. The colour scale spans the values of the cells an agent can stand on, so that
 * the 0 of walls, cliffs and terminal cells does not stretch it.
 *
 * <p>Arrows: every action whose probability is within {@value #TIE_TOLERANCE} of the cell's highest
 * is drawn, so a deterministic policy shows one arrow, the uniform random policy all of them; a
 * filled circle is {@link GridAction#STAY}. To draw every greedy action of a tie, pass
 * {@link #greedyWithTies(TabularActionValues)}.
 *
 * <p>Size: {@value #PREFERRED_CELL} pixels per cell up to a grid side of 25 cells; larger grids
 * shrink to fit {@value #MAX_GRID_PIXELS} pixels. Below {@value #MIN_TEXT_CELL} pixels per cell the
 * values are not printed, and below {@value #MIN_ARROW_CELL} pixels neither arrows nor badges are
 * drawn: the colours alone remain. Worlds of more than {@value #MAX_CELLS} cells are refused.
 *
 * <p>Everything draws into in-memory images, never a window, so it works headless.
 */
public final class GridPicture {

    /** The most cells a picture draws; above this a picture is a blur and its SVG megabytes. */
    public static final int MAX_CELLS = 10_000;
    /** Actions whose probabilities (or, in {@link #greedyWithTies}, values) differ by less are tied. */
    public static final double TIE_TOLERANCE = 1e-9;
    /** Pixels per cell of small worlds. */
    public static final int PREFERRED_CELL = 96;
    /** Larger grids shrink so that their longer side fits this many pixels. */
    public static final int MAX_GRID_PIXELS = 2400;
    /** Cells smaller than this many pixels do not print their values. */
    public static final int MIN_TEXT_CELL = 56;
    /** Cells smaller than this many pixels draw no arrows or badges. */
    public static final int MIN_ARROW_CELL = 28;

    /** ColorBrewer YlGn, 9 classes (colorbrewer2.org; marked colour-blind safe and print friendly). */
    private static final Color[] SCALE = {rgb(0xffffe5), rgb(0xf7fcb9), rgb(0xd9f0a3), rgb(0xaddd8e), rgb(0x78c679),
            rgb(0x41ab5d), rgb(0x238443), rgb(0x006837), rgb(0x004529)};
    /** Okabe–Ito sky blue, far from every colour of the scale: the target. */
    static final Color TARGET = rgb(0x56b4e9);
    /** Okabe–Ito blue, the target's frame. */
    static final Color TARGET_FRAME = rgb(0x0072b2);
    /** Okabe–Ito orange (amber): the frame and hatch of forbidden cells, as Zhao colours them. */
    static final Color FORBIDDEN = rgb(0xe69f00);
    static final Color WALL = rgb(0x2f2f2f);
    static final Color TERMINAL = rgb(0xbdbdbd);
    static final Color CLIFF = rgb(0x8c510a);
    private static final Color GRID_LINE = rgb(0x666666);
    private static final Color INK = rgb(0x111111);
    private static final Color LABEL = rgb(0x333333);
    private static final String FONT_FAMILY = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private static final int PAD = 16;
    private static final int INDEX_FONT = 14;
    private static final int LEGEND_FONT = 13;
    private static final int TITLE_FONT = 18;

    private final GridWorld world;
    private final double[] values;
    private final TabularPolicy policy;
    private final int decimals;
    private final String title;

    private final int cell;
    private final boolean drawText;
    private final boolean drawMarks;
    private final double low;
    private final double high;
    private final Layout layout;

    private GridPicture(Builder b) {
        this.world = b.world;
        this.values = b.values;
        this.policy = b.policy;
        this.decimals = b.decimals;
        this.title = b.title;
        int side = Math.max(world.rows(), world.cols());
        this.cell = side * PREFERRED_CELL <= MAX_GRID_PIXELS ? PREFERRED_CELL : Math.max(8, MAX_GRID_PIXELS / side);
        this.drawText = cell >= MIN_TEXT_CELL;
        this.drawMarks = cell >= MIN_ARROW_CELL;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < values.length; s++) {
            if (!world.isTerminal(s) && Double.isFinite(values[s])) {
                min = Math.min(min, values[s]);
                max = Math.max(max, values[s]);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        this.low = min;
        this.high = max;
        this.layout = new Layout();
    }

    /**
     * Starts a picture of {@code values} over {@code world}.
     *
     * @param world  the grid world to draw
     * @param values one value per state (walls, cliffs and terminal cells are not coloured by theirs)
     * @return a builder for the policy, decimals and title
     * @throws IllegalArgumentException if there is not one value per state, or the world has more
     *                                  than {@value #MAX_CELLS} cells
     */
    public static Builder builder(GridWorld world, double[] values) {
        return new Builder(world, values);
    }

    /**
     * The greedy policy with every tie kept: in each state, equal probability on each action whose
     * value is within {@value #TIE_TOLERANCE} of the best, so that the picture draws all of them (a
     * planner's own policy keeps only the lowest action index of a tie).
     *
     * @param actionValues q(s, a) of every state and action
     * @return the policy that spreads each state's probability evenly over its tied best actions
     */
    public static TabularPolicy greedyWithTies(TabularActionValues actionValues) {
        int states = actionValues.stateCount();
        int actions = actionValues.actionCount();
        double[][] probabilities = new double[states][actions];
        for (int s = 0; s < states; s++) {
            double best = actionValues.maxValue(s);
            int tied = 0;
            for (int a = 0; a < actions; a++) {
                tied += actionValues.value(s, a) >= best - TIE_TOLERANCE ? 1 : 0;
            }
            for (int a = 0; a < actions; a++) {
                probabilities[s][a] = actionValues.value(s, a) >= best - TIE_TOLERANCE ? 1.0 / tied : 0.0;
            }
        }
        return TabularPolicy.of(probabilities);
    }

    /** The settings of a picture; only the world and the values are required. */
    public static final class Builder {
        private final GridWorld world;
        private final double[] values;
        private TabularPolicy policy;
        private int decimals = 1;
        private String title;

        private Builder(GridWorld world, double[] values) {
            this.world = Objects.requireNonNull(world, "world");
            Objects.requireNonNull(values, "values");
            if (values.length != world.stateCount()) {
                throw new IllegalArgumentException("got " + values.length + " values for " + world.stateCount() + " states");
            }
            if (world.stateCount() > MAX_CELLS) {
                throw new IllegalArgumentException("a " + world.rows() + "x" + world.cols() + " grid has "
                        + world.stateCount() + " cells; pictures draw at most " + MAX_CELLS);
            }
            this.values = values.clone();
        }

        /**
         * The policy whose most probable actions are drawn as arrows; without one, no arrows.
         *
         * @param policy the policy, or null for none
         * @return this builder
         * @throws IllegalArgumentException if it does not have the world's states and actions
         */
        public Builder policy(TabularPolicy policy) {
            if (policy != null && (policy.stateCount() != world.stateCount() || policy.actionCount() != world.actionCount())) {
                throw new IllegalArgumentException("policy over " + policy.stateCount() + " states and " + policy.actionCount()
                        + " actions does not fit the world's " + world.stateCount() + " and " + world.actionCount());
            }
            this.policy = policy;
            return this;
        }

        /**
         * Decimals of the printed values, as {@code bellman gridworld --decimals}. Default 1.
         *
         * @param decimals digits after the decimal point, in {@code [0, 12]}
         * @return this builder
         * @throws IllegalArgumentException if outside {@code [0, 12]}
         */
        public Builder decimals(int decimals) {
            if (decimals < 0 || decimals > 12) {
                throw new IllegalArgumentException("decimals " + decimals + " is outside [0, 12]");
            }
            this.decimals = decimals;
            return this;
        }

        /**
         * A title above the grid; none by default.
         *
         * @param title the title, or null for none
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** @return the picture */
        public GridPicture build() {
            return new GridPicture(this);
        }
    }

    /** @return the picture's width in pixels */
    public int width() {
        return layout.width;
    }

    /** @return the picture's height in pixels */
    public int height() {
        return layout.height;
    }

    /** @return the side of a cell in pixels */
    public int cellSize() {
        return cell;
    }

    /**
     * @param col a column index, from 0
     * @return the x pixel of the left edge of column {@code col}
     */
    public int cellLeft(int col) {
        return layout.gridX + col * cell;
    }

    /**
     * @param row a row index, from 0
     * @return the y pixel of the top edge of row {@code row}
     */
    public int cellTop(int row) {
        return layout.gridY + row * cell;
    }

    /** @return the picture as an image */
    public BufferedImage image() {
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** @return the picture encoded as PNG */
    public byte[] png() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "png", bytes);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; ImageIO only declares that it might.
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @return the picture as an SVG document: value texts have {@code class="value"} and each arrow
     *         is one {@code <g class="arrow">} naming its action, so that scripts can find them
     */
    public String svg() {
        SvgCanvas canvas = new SvgCanvas(layout.width, layout.height);
        draw(canvas);
        return canvas.finish();
    }

    /**
     * Writes the PNG and the SVG.
     *
     * @param png the PNG file to write
     * @param svg the SVG file to write
     * @throws IOException if a file cannot be written
     */
    public void write(Path png, Path svg) throws IOException {
        Files.write(png, png());
        Files.writeString(svg, svg(), StandardCharsets.UTF_8);
    }

    /** The text printed for {@code value}: as {@code GridRenderer} prints it, never "-0.0". */
    String valueText(double value) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0);
        return text.equals(String.format(Locale.ROOT, "-%." + decimals + "f", 0.0)) ? text.substring(1) : text;
    }

    /** @return the scale's colour for {@code value} */
    Color heat(double value) {
        double t = high > low ? (value - low) / (high - low) : 0.5;
        return scaleColor(Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0.5);
    }

    private static Color scaleColor(double t) {
        double position = t * (SCALE.length - 1);
        int i = Math.min(SCALE.length - 2, (int) Math.floor(position));
        double f = position - i;
        Color a = SCALE[i];
        Color b = SCALE[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Black on light colours, white on dark ones (WCAG relative luminance). */
    private static Color inkOn(Color background) {
        return luminance(background) > 0.36 ? INK : Color.WHITE;
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static Color rgb(int hex) {
        return new Color(hex);
    }

    /** Where everything goes; computed once, so that the PNG and the SVG share it. */
    private final class Layout {
        final int titleHeight = title == null ? 0 : TITLE_FONT + 14;
        final int gridX = PAD + 34;
        final int gridY = PAD + titleHeight + 24;
        final int gridW = world.cols() * cell;
        final int gridH = world.rows() * cell;
        final int barX = gridX + gridW + 28;
        final int barW = 20;
        final int barH = Math.max(gridH, 160);
        final int width;
        final int height;
        final int legendY;
        final List<LegendItem> legend = new ArrayList<>();
        final double valueFont;

        Layout() {
            int legendX = PAD;
            int legendRight = Math.max(barX + barW + 80 + PAD, 560);
            int x = legendX;
            int y = gridY + barH + 18;
            for (LegendItem item : legendItems()) {
                int w = 22 + textWidth(item.text, LEGEND_FONT) + 18;
                if (x > legendX && x + w > legendRight - PAD) {
                    x = legendX;
                    y += 24;
                }
                legend.add(new LegendItem(item.kind, item.text, x, y));
                x += w;
            }
            this.legendY = y;
            this.width = legendRight;
            this.height = y + 24 + PAD;
            int longest = 1;
            for (int s = 0; s < values.length; s++) {
                longest = Math.max(longest, textWidth(valueText(values[s]), 100));
            }
            // The value fills at most 86% of the cell's width, and is never larger than a quarter of it.
            this.valueFont = Math.min(cell * 0.24, cell * 0.86 * 100 / longest);
        }
    }

    /** One entry of the legend: a swatch (or symbol) and its words. */
    private record LegendItem(String kind, String text, int x, int y) {
        LegendItem(String kind, String text) {
            this(kind, text, 0, 0);
        }
    }

    private List<LegendItem> legendItems() {
        List<LegendItem> items = new ArrayList<>();
        boolean[] present = new boolean[CellType.values().length];
        for (int s = 0; s < world.stateCount(); s++) {
            present[world.cell(s).ordinal()] = true;
        }
        if (present[CellType.TARGET.ordinal()]) {
            items.add(new LegendItem("target", world.targetTerminal() ? "target (terminal)" : "target"));
        }
        if (present[CellType.FORBIDDEN.ordinal()]) {
            items.add(new LegendItem("forbidden", "forbidden"));
        }
        if (present[CellType.WALL.ordinal()]) {
            items.add(new LegendItem("wall", "wall"));
        }
        if (present[CellType.TERMINAL.ordinal()]) {
            items.add(new LegendItem("terminal", "terminal"));
        }
        if (present[CellType.CLIFF.ordinal()]) {
            items.add(new LegendItem("cliff", "cliff"));
        }
        if (world.startState() >= 0 && drawMarks) {
            items.add(new LegendItem("start", "start"));
        }
        if (policy != null && drawMarks) {
            items.add(new LegendItem("arrow", "action(s) of the policy; ties all drawn"));
            if (world.actionCount() > GridAction.STAY.ordinal()) {
                items.add(new LegendItem("stay", "stay"));
            }
        }
        return items;
    }

    /** The width of {@code text} at {@code size} pixels, measured with the font the PNG uses. */
    private static int textWidth(String text, double size) {
        return (int) Math.ceil(Measuring.METRICS.stringWidth(text) * size / 100.0);
    }

    /** Font metrics at 100 pixels, made once, on first use. */
    private static final class Measuring {
        static final FontMetrics METRICS;

        static {
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            METRICS = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 100));
            g.dispose();
        }
    }

    // ---------------------------------------------------------------- drawing

    private void draw(Canvas c) {
        Layout l = layout;
        c.rect(0, 0, l.width, l.height, Color.WHITE);
        if (title != null) {
            c.text(title, l.gridX, PAD + TITLE_FONT * 0.5 + 2, TITLE_FONT, true, INK, "title", false);
        }
        c.begin("indices");
        for (int col = 0; col < world.cols(); col++) {
            if (drawMarks || col % 10 == 0) {
                c.text(String.valueOf(col), cellLeft(col) + cell / 2.0, l.gridY - 12, INDEX_FONT, false, LABEL, "index", true);
            }
        }
        for (int row = 0; row < world.rows(); row++) {
            if (drawMarks || row % 10 == 0) {
                c.text(String.valueOf(row), l.gridX - 16, cellTop(row) + cell / 2.0, INDEX_FONT, false, LABEL, "index", true);
            }
        }
        c.end();
        for (int row = 0; row < world.rows(); row++) {
            for (int col = 0; col < world.cols(); col++) {
                drawCell(c, row, col);
            }
        }
        // Grid lines over the fills, the frame heavier.
        c.begin("grid");
        double lineWidth = drawMarks ? 1 : 0.5;
        for (int col = 1; col < world.cols(); col++) {
            c.line(cellLeft(col), l.gridY, cellLeft(col), l.gridY + l.gridH, GRID_LINE, lineWidth);
        }
        for (int row = 1; row < world.rows(); row++) {
            c.line(l.gridX, cellTop(row), l.gridX + l.gridW, cellTop(row), GRID_LINE, lineWidth);
        }
        c.strokeRect(l.gridX, l.gridY, l.gridW, l.gridH, INK, 2);
        c.end();
        drawScale(c);
        drawLegend(c);
    }

    private void drawCell(Canvas c, int row, int col) {
        int s = world.state(row, col);
        CellType type = world.cell(s);
        double x = cellLeft(col);
        double y = cellTop(row);
        c.begin("cell", "data-row=\"" + row + "\" data-col=\"" + col + "\" data-type=\"" + type.name().toLowerCase(Locale.ROOT) + "\"");
        Color fill = switch (type) {
            case WALL -> WALL;
            case CLIFF -> CLIFF;
            case TERMINAL -> TERMINAL;
            case TARGET -> TARGET;
            default -> world.isTerminal(s) ? TERMINAL : heat(values[s]);
        };
        c.rect(x, y, cell, cell, fill);
        if (type == CellType.TARGET) {
            double w = Math.max(2, cell * 0.05);
            c.strokeRect(x + w / 2, y + w / 2, cell - w, cell - w, TARGET_FRAME, w);
        }
        if (type == CellType.FORBIDDEN) {
            drawForbidden(c, x, y, fill);
        }
        if (type == CellType.WALL) {
            c.end();
            return;
        }
        Color ink = inkOn(fill);
        double cx = x + cell / 2.0;
        if (type == CellType.CLIFF) {
            if (drawText) {
                c.text("cliff", cx, y + cell / 2.0, cell * 0.2, false, Color.WHITE, "label", true);
            }
            c.end();
            return;
        }
        double anchorY = drawText ? y + cell * 0.66 : y + cell / 2.0;
        if (drawText) {
            c.text(valueText(world.isTerminal(s) ? 0 : values[s]), cx, y + cell * 0.31, layout.valueFont, false, ink, "value", true);
        }
        if (drawMarks) {
            if (world.isTerminal(s)) {
                double side = cell * 0.16;
                c.begin("terminal-mark");
                c.rect(cx - side / 2, anchorY - side / 2, side, side, INK);
                c.end();
            } else if (policy != null) {
                drawArrows(c, s, cx, anchorY, drawText ? cell * 0.25 : cell * 0.36, ink);
            }
            if (s == world.startState()) {
                drawStartBadge(c, x, y);
            }
        }
        c.end();
    }

    private void drawForbidden(Canvas c, double x, double y, Color fill) {
        double w = Math.max(1.5, cell * 0.035);
        double gap = Math.max(5, cell / 7.0);
        c.begin("forbidden-hatch");
        // 45-degree lines x' - y' = k, clipped to the cell by hand, so that the SVG needs no clip path.
        for (double k = -cell + gap / 2; k < cell; k += gap) {
            double x1 = Math.max(0, k);
            double y1 = x1 - k;
            double x2 = Math.min(cell, k + cell);
            double y2 = x2 - k;
            c.line(x + x1, y + y1, x + x2, y + y2, FORBIDDEN, w);
        }
        c.end();
        double inset = cell * 0.15;
        if (drawMarks) {
            // The value's colour again in the middle, so that the number and arrows stay readable.
            c.rect(x + inset, y + inset, cell - 2 * inset, cell - 2 * inset, fill);
        }
        double frame = Math.max(2, cell * 0.05);
        c.strokeRect(x + frame / 2, y + frame / 2, cell - frame, cell - frame, FORBIDDEN, frame);
    }

    private void drawArrows(Canvas c, int s, double cx, double cy, double length, Color ink) {
        double best = 0;
        for (int a = 0; a < policy.actionCount(); a++) {
            best = Math.max(best, policy.probability(s, a));
        }
        List<GridAction> drawn = new ArrayList<>();
        for (int a = 0; a < policy.actionCount(); a++) {
            if (policy.probability(s, a) >= best - TIE_TOLERANCE) {
                drawn.add(GridAction.values()[a]);
            }
        }
        boolean stay = drawn.contains(GridAction.STAY);
        int moves = drawn.size() - (stay ? 1 : 0);
        double radius = cell * 0.07;
        double shaft = Math.max(2, cell * 0.03);
        double head = Math.max(6, cell * 0.1);
        if (moves > 1 && !stay) {
            // The hub the tied arrows leave from, so that two of them read as two arrows, not one bent one.
            c.circle(cx, cy, Math.max(1.5, cell * 0.025), ink);
        }
        for (GridAction action : drawn) {
            c.begin("arrow", "data-action=\"" + action.name() + "\"");
            if (action == GridAction.STAY) {
                c.circle(cx, cy, radius, ink);
            } else {
                double dx = action.colDelta();
                double dy = action.rowDelta();
                // One move: centred on the anchor; several (a tie, or beside STAY): out from the anchor.
                double from = moves == 1 && !stay ? -length / 2 : stay ? radius + 2 : cell * 0.06;
                double to = moves == 1 && !stay ? length / 2 : length;
                double tipX = cx + dx * to;
                double tipY = cy + dy * to;
                double baseX = cx + dx * (to - head);
                double baseY = cy + dy * (to - head);
                c.line(cx + dx * from, cy + dy * from, baseX + dx * 1, baseY + dy * 1, ink, shaft);
                double half = head * 0.55;
                c.polygon(new double[]{tipX, baseX - dy * half, baseX + dy * half},
                        new double[]{tipY, baseY + dx * half, baseY - dx * half}, ink);
            }
            c.end();
        }
    }

    private void drawStartBadge(Canvas c, double x, double y) {
        double side = cell * 0.22;
        double bx = x + cell * 0.05;
        double by = y + cell - cell * 0.05 - side;
        c.begin("start");
        c.rect(bx, by, side, side, Color.WHITE);
        c.strokeRect(bx, by, side, side, INK, Math.max(1, cell * 0.015));
        c.text("S", bx + side / 2, by + side / 2, side * 0.75, true, INK, "label", true);
        c.end();
    }

    private void drawScale(Canvas c) {
        Layout l = layout;
        c.begin("scale");
        c.text("v(s)", l.barX + l.barW / 2.0, l.gridY - 12, INDEX_FONT, true, LABEL, "label", true);
        c.gradient(l.barX, l.gridY, l.barW, l.barH, SCALE);
        c.strokeRect(l.barX, l.gridY, l.barW, l.barH, INK, 1);
        for (double tick : ticks()) {
            double t = high > low ? (tick - low) / (high - low) : 0.5;
            double ty = l.gridY + l.barH - t * l.barH;
            c.line(l.barX + l.barW, ty, l.barX + l.barW + 5, ty, INK, 1);
            c.text(tickText(tick), l.barX + l.barW + 9, ty, LEGEND_FONT, false, LABEL, "tick", false);
        }
        c.end();
    }

    /** Round values inside the scale's range, at most about six; the ends when the range is one value. */
    private double[] ticks() {
        if (!(high > low)) {
            return new double[]{low};
        }
        double raw = (high - low) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude
                : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        double[] result = new double[ticks.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ticks.get(i);
        }
        return result;
    }

    private String tickText(double tick) {
        if (!(high > low)) {
            return valueText(tick);
        }
        double raw = (high - low) / 5;
        int places = (int) Math.max(0, Math.ceil(-Math.log10(raw) + 0.3));
        return String.format(Locale.ROOT, "%." + Math.min(places, 6) + "f", tick + 0.0);
    }

    private void drawLegend(Canvas c) {
        c.begin("legend");
        double box = 16;
        for (LegendItem item : layout.legend) {
            double x = item.x();
            double y = item.y();
            switch (item.kind()) {
                case "target" -> {
                    c.rect(x, y, box, box, TARGET);
                    c.strokeRect(x + 1, y + 1, box - 2, box - 2, TARGET_FRAME, 2);
                }
                case "forbidden" -> {
                    c.rect(x, y, box, box, scaleColor(0.3));
                    c.line(x, y + box, x + box, y, FORBIDDEN, 2.5);
                    c.line(x, y + box / 2, x + box / 2, y, FORBIDDEN, 2.5);
                    c.line(x + box / 2, y + box, x + box, y + box / 2, FORBIDDEN, 2.5);
                    c.strokeRect(x + 1, y + 1, box - 2, box - 2, FORBIDDEN, 2);
                }
                case "wall" -> c.rect(x, y, box, box, WALL);
                case "terminal" -> {
                    c.rect(x, y, box, box, TERMINAL);
                    c.rect(x + 5, y + 5, box - 10, box - 10, INK);
                }
                case "cliff" -> c.rect(x, y, box, box, CLIFF);
                case "start" -> {
                    c.rect(x, y, box, box, Color.WHITE);
                    c.strokeRect(x, y, box, box, INK, 1);
                    c.text("S", x + box / 2, y + box / 2, 12, true, INK, "label", true);
                }
                case "arrow" -> {
                    c.line(x, y + box / 2, x + box - 6, y + box / 2, INK, 2);
                    c.polygon(new double[]{x + box, x + box - 7, x + box - 7},
                            new double[]{y + box / 2, y + box / 2 - 4.5, y + box / 2 + 4.5}, INK);
                }
                case "stay" -> c.circle(x + box / 2, y + box / 2, 5.5, INK);
                default -> throw new IllegalStateException(item.kind());
            }
            c.text(item.text(), x + box + 6, y + box / 2, LEGEND_FONT, false, LABEL, "legend", false);
        }
        c.end();
    }

    // ---------------------------------------------------------------- back ends

    /** The few drawing operations the picture needs, in pixels, y down. */
    private interface Canvas {
        void rect(double x, double y, double w, double h, Color fill);

        void strokeRect(double x, double y, double w, double h, Color stroke, double width);

        void line(double x1, double y1, double x2, double y2, Color stroke, double width);

        void polygon(double[] xs, double[] ys, Color fill);

        void circle(double cx, double cy, double r, Color fill);

        /** Text whose vertical middle is {@code y}; centred on {@code x}, or starting there. */
        void text(String text, double x, double y, double size, boolean bold, Color fill, String cssClass, boolean centred);

        /** A vertical colour ramp, the first colour at the bottom. */
        void gradient(double x, double y, double w, double h, Color[] colors);

        /** Opens a group (an SVG {@code <g>}; nothing in Java2D). */
        default void begin(String cssClass) {
            begin(cssClass, "");
        }

        void begin(String cssClass, String attributes);

        void end();
    }

    private static final class Java2dCanvas implements Canvas {
        private final Graphics2D g;

        Java2dCanvas(Graphics2D g) {
            this.g = g;
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS,
                    java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            g.setColor(fill);
            g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
            g.setColor(stroke);
            g.setStroke(new java.awt.BasicStroke((float) width));
            g.draw(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color stroke, double width) {
            g.setColor(stroke);
            g.setStroke(new java.awt.BasicStroke((float) width, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER));
            g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void polygon(double[] xs, double[] ys, Color fill) {
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            path.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                path.lineTo(xs[i], ys[i]);
            }
            path.closePath();
            g.setColor(fill);
            g.fill(path);
        }

        @Override
        public void circle(double cx, double cy, double r, Color fill) {
            g.setColor(fill);
            g.fill(new java.awt.geom.Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }

        @Override
        public void text(String text, double x, double y, double size, boolean bold, Color fill, String cssClass,
                         boolean centred) {
            Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
            g.setFont(font);
            g.setColor(fill);
            FontMetrics metrics = g.getFontMetrics();
            double width = metrics.getStringBounds(text, g).getWidth();
            // The middle of the digits' height: ascent counts accents, so use the cap height (about 0.72 em).
            double baseline = y + size * 0.36;
            g.drawString(text, (float) (centred ? x - width / 2 : x), (float) baseline);
        }

        @Override
        public void gradient(double x, double y, double w, double h, Color[] colors) {
            for (int i = 0; i < (int) Math.ceil(h); i++) {
                g.setColor(scaleColor(1 - (i + 0.5) / h));
                g.fill(new java.awt.geom.Rectangle2D.Double(x, y + i, w, 1));
            }
        }

        @Override
        public void begin(String cssClass, String attributes) {
        }

        @Override
        public void end() {
        }
    }

    private static final class SvgCanvas implements Canvas {
        private final StringBuilder svg = new StringBuilder();
        private int gradients;

        SvgCanvas(int width, int height) {
            svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                    .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                    .append("\" font-family=\"").append(FONT_FAMILY).append("\">\n");
        }

        String finish() {
            return svg.append("</svg>\n").toString();
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" fill=\"").append(hex(fill)).append("\"/>\n");
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
            svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" fill=\"none\" stroke=\"").append(hex(stroke))
                    .append("\" stroke-width=\"").append(n(width)).append("\"/>\n");
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color stroke, double width) {
            svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                    .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(hex(stroke))
                    .append("\" stroke-width=\"").append(n(width)).append("\"/>\n");
        }

        @Override
        public void polygon(double[] xs, double[] ys, Color fill) {
            svg.append("<polygon points=\"");
            for (int i = 0; i < xs.length; i++) {
                svg.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
            }
            svg.append("\" fill=\"").append(hex(fill)).append("\"/>\n");
        }

        @Override
        public void circle(double cx, double cy, double r, Color fill) {
            svg.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                    .append("\" fill=\"").append(hex(fill)).append("\"/>\n");
        }

        @Override
        public void text(String text, double x, double y, double size, boolean bold, Color fill, String cssClass,
                         boolean centred) {
            // The same baseline as the PNG's, rather than dominant-baseline, which not every viewer honours.
            svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"")
                    .append(n(y + size * 0.36)).append("\" font-size=\"").append(n(size)).append('"')
                    .append(bold ? " font-weight=\"bold\"" : "").append(centred ? " text-anchor=\"middle\"" : "")
                    .append(" fill=\"").append(hex(fill)).append("\">").append(escape(text)).append("</text>\n");
        }

        @Override
        public void gradient(double x, double y, double w, double h, Color[] colors) {
            String id = "scale" + gradients++;
            svg.append("<defs><linearGradient id=\"").append(id).append("\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
            for (int i = 0; i < colors.length; i++) {
                svg.append("<stop offset=\"").append(n((double) i / (colors.length - 1))).append("\" stop-color=\"")
                        .append(hex(colors[i])).append("\"/>");
            }
            svg.append("</linearGradient></defs>\n");
            svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" fill=\"url(#").append(id).append(")\"/>\n");
        }

        @Override
        public void begin(String cssClass, String attributes) {
            svg.append("<g class=\"").append(cssClass).append('"').append(attributes.isEmpty() ? "" : " " + attributes)
                    .append(">\n");
        }

        @Override
        public void end() {
            svg.append("</g>\n");
        }

        private static String n(double value) {
            String text = String.format(Locale.ROOT, "%.2f", value);
            // Trailing zeros only make the file longer.
            text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
            return text.equals("-0") ? "0" : text;
        }

        private static String hex(Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
