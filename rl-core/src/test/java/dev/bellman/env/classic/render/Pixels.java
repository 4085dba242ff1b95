package dev.bellman.env.classic.render;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pixel assertions shared by the renderer tests. */
final class Pixels {

    static final Color WHITE = new Color(255, 255, 255);

    private Pixels() {
    }

    /**
     * Asserts the exact colour of pixel {@code (x, y)}, image rows counted from the top. Exact
     * equality holds inside a filled shape, where antialiasing does not blend.
     */
    static void assertColor(Color expected, BufferedImage image, int x, int y, String what) {
        Color actual = new Color(image.getRGB(x, y));
        assertEquals(hex(expected), hex(actual), what + " at pixel (" + x + ", " + y + ")");
    }

    /** Asserts that {@code image} is the given size and opaque RGB. */
    static void assertFrame(BufferedImage image, int width, int height) {
        assertEquals(width, image.getWidth(), "width");
        assertEquals(height, image.getHeight(), "height");
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType(), "image type");
    }

    /** The image row of Gymnasium's pixel row {@code y} (counted from the bottom) after its flip. */
    static int row(BufferedImage image, double gymnasiumY) {
        return image.getHeight() - 1 - (int) Math.round(gymnasiumY);
    }

    private static String hex(Color color) {
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
