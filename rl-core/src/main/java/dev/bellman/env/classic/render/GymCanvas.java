package dev.bellman.env.classic.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A white image drawn in Gymnasium's pygame coordinates: pixel {@code (x, y)} of Gymnasium's surface,
 * with {@code y} pointing up, lands on pixel {@code (x, height - 1 - y)} of the image, which is
 * where Gymnasium's final vertical flip puts it. Shapes are antialiased.
 */
final class GymCanvas implements AutoCloseable {

    private final Graphics2D graphics;

    private GymCanvas(Graphics2D graphics) {
        this.graphics = graphics;
    }

    /**
     * Clears {@code target} to white and opens it for drawing.
     *
     * @throws IllegalArgumentException if an argument is null or {@code target} is not
     *                                  {@code width × height}
     */
    static GymCanvas open(Object environment, BufferedImage target, int width, int height) {
        if (environment == null) {
            throw new IllegalArgumentException("environment is null; expected the environment to render");
        }
        if (target == null) {
            throw new IllegalArgumentException("target image is null; expected a " + width + "x" + height + " image");
        }
        if (target.getWidth() != width || target.getHeight() != height) {
            throw new IllegalArgumentException("target image is " + target.getWidth() + "x" + target.getHeight()
                    + " pixels; expected " + width + "x" + height);
        }
        Graphics2D graphics = target.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // Pure strokes keep lines where the geometry says, instead of snapping them to whole pixels.
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        // Gymnasium's coordinates name pixels, whose centres lie half a pixel into the continuous plane.
        AffineTransform flip = new AffineTransform();
        flip.translate(0.5, height - 0.5);
        flip.scale(1, -1);
        graphics.setTransform(flip);
        return new GymCanvas(graphics);
    }

    /** Fills the polygon with corners {@code (xs[i], ys[i])}. */
    void fillPolygon(double[] xs, double[] ys, Color color) {
        Path2D.Double polygon = new Path2D.Double();
        polygon.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            polygon.lineTo(xs[i], ys[i]);
        }
        polygon.closePath();
        graphics.setColor(color);
        graphics.fill(polygon);
    }

    /**
     * Fills the rectangle {@code [left, right] × [bottom, top]} turned by {@code angle} radians
     * counter-clockwise about the origin and then moved to {@code (originX, originY)}, as Gymnasium
     * places its carts, poles and links ({@code Vector2.rotate_rad}).
     */
    void fillRotatedRectangle(double left, double right, double top, double bottom, double angle,
                              double originX, double originY, Color color) {
        double[] cornerXs = {left, left, right, right};
        double[] cornerYs = {bottom, top, top, bottom};
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = cornerXs[i] * cos - cornerYs[i] * sin + originX;
            ys[i] = cornerXs[i] * sin + cornerYs[i] * cos + originY;
        }
        fillPolygon(xs, ys, color);
    }

    /**
     * Fills the disc that covers the pixels within {@code radius} of pixel {@code (centreX, centreY)},
     * as pygame's {@code gfxdraw.filled_circle} with integer arguments.
     */
    void fillCircle(int centreX, int centreY, int radius, Color color) {
        double r = radius + 0.5;
        graphics.setColor(color);
        graphics.fill(new Ellipse2D.Double(centreX - r, centreY - r, 2 * r, 2 * r));
    }

    /** Draws a one-pixel line through the pixel centres {@code (xs[i], ys[i])}, as pygame's {@code aalines}. */
    void drawPolyline(double[] xs, double[] ys, Color color) {
        Path2D.Double line = new Path2D.Double();
        line.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            line.lineTo(xs[i], ys[i]);
        }
        graphics.setColor(color);
        graphics.setStroke(new BasicStroke(1f));
        graphics.draw(line);
    }

    /** Fills pixel row {@code y} from column {@code x0} to {@code x1} inclusive, as pygame's {@code hline}. */
    void horizontalLine(int x0, int x1, int y, Color color) {
        graphics.setColor(color);
        graphics.fill(new Rectangle2D.Double(x0 - 0.5, y - 0.5, x1 - x0 + 1, 1));
    }

    /** Fills pixel column {@code x} from row {@code y0} to {@code y1} inclusive, as pygame's {@code vline}. */
    void verticalLine(int x, int y0, int y1, Color color) {
        graphics.setColor(color);
        graphics.fill(new Rectangle2D.Double(x - 0.5, Math.min(y0, y1) - 0.5, 1, Math.abs(y1 - y0) + 1));
    }

    /** Releases the graphics context. */
    @Override
    public void close() {
        graphics.dispose();
    }
}
