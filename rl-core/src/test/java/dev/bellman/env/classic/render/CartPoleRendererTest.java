package dev.bellman.env.classic.render;

import dev.bellman.env.classic.CartPole;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static dev.bellman.env.classic.render.Pixels.WHITE;
import static dev.bellman.env.classic.render.Pixels.assertColor;
import static dev.bellman.env.classic.render.Pixels.assertFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CartPoleRenderer against the geometry of Gymnasium's {@code CartPoleEnv.render}: 125 pixels per
 * metre, cart centre 100 pixels above the bottom row, pivot 7.5 pixels above that, pole 120 pixels
 * long from the pivot to its end.
 */
class CartPoleRendererTest {

    private static final CartPoleRenderer RENDERER = new CartPoleRenderer();
    /** A row through the cart's lower half, below the axle and away from the track line. */
    private static final int CART_ROW = 399 - 90;
    private static final int AXLE_ROW = 399 - 107;

    private static CartPole cartPoleAt(double x, double theta) {
        CartPole cartPole = new CartPole();
        cartPole.reset(0);
        cartPole.setState(new double[] {x, 0, theta, 0});
        return cartPole;
    }

    /** The columns of fully cart-coloured pixels in {@code row}, as {@code [first, last]}. */
    private static int[] blackSpan(BufferedImage image, int row) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, row) & 0xFFFFFF) == 0) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        return new int[] {first, last};
    }

    @Test
    void framesAre600By400Rgb() {
        assertEquals(600, RENDERER.width());
        assertEquals(400, RENDERER.height());
        assertFrame(RENDERER.render(cartPoleAt(0, 0)), 600, 400);
        assertEquals(125.0, CartPoleRenderer.SCALE, 0.0);
    }

    @Test
    void uprightPoleStandsAboveTheCentredCart() {
        BufferedImage image = RENDERER.render(cartPoleAt(0, 0));
        assertColor(CartPoleRenderer.AXLE_COLOR, image, 300, AXLE_ROW, "axle");
        assertColor(CartPoleRenderer.POLE_COLOR, image, 300, 399 - 169, "pole above the axle");
        assertColor(CartPoleRenderer.POLE_COLOR, image, 300, 399 - 225, "pole near its end");
        assertColor(WHITE, image, 300, 399 - 232, "above the pole's end");
        assertColor(CartPoleRenderer.CART_COLOR, image, 320, CART_ROW, "cart");
        int[] span = blackSpan(image, CART_ROW);
        assertEquals(300, (span[0] + span[1]) / 2.0, 0.5, "cart centre column");
        assertTrue(span[1] - span[0] >= 47 && span[1] - span[0] <= 50, "cart width " + (span[1] - span[0]));
    }

    @Test
    void movingTheCartOneMetreRightMovesItScalePixelsRight() {
        BufferedImage centred = RENDERER.render(cartPoleAt(0, 0));
        BufferedImage moved = RENDERER.render(cartPoleAt(1, 0));
        int[] before = blackSpan(centred, CART_ROW);
        int[] after = blackSpan(moved, CART_ROW);
        int shift = (int) CartPoleRenderer.SCALE;
        assertEquals(before[0] + shift, after[0]);
        assertEquals(before[1] + shift, after[1]);
        assertColor(CartPoleRenderer.AXLE_COLOR, moved, 300 + shift, AXLE_ROW, "axle");
        assertColor(CartPoleRenderer.POLE_COLOR, moved, 300 + shift, 399 - 169, "pole");
        assertColor(WHITE, moved, 300, 399 - 169, "where the pole was");
        assertColor(WHITE, moved, 320, CART_ROW, "where the cart was");
    }

    @Test
    void positiveThetaLeansThePoleRight() {
        double theta = 0.2;
        BufferedImage image = RENDERER.render(cartPoleAt(0, theta));
        double along = 80;
        int x = (int) Math.round(300 + along * Math.sin(theta));
        int y = 399 - (int) Math.round(107.5 + along * Math.cos(theta));
        assertColor(CartPoleRenderer.POLE_COLOR, image, x, y, "pole leaning right");
        assertColor(WHITE, image, 600 - x, y, "the mirror point on the left");
    }

    @Test
    void trackIsOneBlackRowAndTheRestIsWhite() {
        BufferedImage image = RENDERER.render(cartPoleAt(0, 0));
        int trackRow = 399 - CartPoleRenderer.TRACK_HEIGHT;
        assertColor(CartPoleRenderer.CART_COLOR, image, 10, trackRow, "track");
        assertColor(WHITE, image, 10, trackRow - 1, "above the track");
        assertColor(WHITE, image, 10, trackRow + 1, "below the track");
        assertColor(WHITE, image, 0, 0, "top-left corner");
        assertColor(WHITE, image, 599, 399, "bottom-right corner");
        assertColor(WHITE, image, 100, 100, "empty sky");
    }

    @Test
    void renderingIntoABufferOverwritesThePreviousFrame() {
        BufferedImage buffer = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        RENDERER.render(cartPoleAt(0, 0), buffer);
        RENDERER.render(cartPoleAt(-1, 0), buffer);
        assertColor(WHITE, buffer, 300, 399 - 169, "old pole erased");
        assertColor(CartPoleRenderer.POLE_COLOR, buffer, 175, 399 - 169, "new pole");
    }

    @Test
    void rejectsATargetOfAnotherSizeAndNulls() {
        CartPole cartPole = cartPoleAt(0, 0);
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> RENDERER.render(cartPole, new BufferedImage(500, 400, BufferedImage.TYPE_INT_RGB)));
        assertTrue(wrongSize.getMessage().contains("500x400") && wrongSize.getMessage().contains("600x400"),
                wrongSize.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RENDERER.render(cartPole, null));
        assertThrows(IllegalArgumentException.class, () -> RENDERER.render(null));
        assertThrows(IllegalArgumentException.class, () -> RENDERER.bind(null));
    }
}
