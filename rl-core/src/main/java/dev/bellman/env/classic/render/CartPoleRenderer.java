package dev.bellman.env.classic.render;

import dev.bellman.env.classic.CartPole;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Draws {@link CartPole} as Gymnasium does: a 600×400 white frame with a black track line, a black
 * 50×30-pixel cart, a 10-pixel-wide tan pole of {@code 2 × LENGTH} metres hinged a quarter of the
 * cart's height above the cart's centre, and a blue-grey axle. The frame spans
 * {@code x ∈ [-2.4, 2.4]} metres, {@link #SCALE} pixels per metre; {@code x = 0} is the middle
 * column and the pole leans right for positive {@code theta}.
 */
public final class CartPoleRenderer implements FrameRenderer<CartPole> {

    /** Frame width, pixels. */
    public static final int WIDTH = 600;
    /** Frame height, pixels. */
    public static final int HEIGHT = 400;
    /** Pixels per metre: the frame's width over the track's width {@code 2 × X_THRESHOLD}. */
    public static final double SCALE = WIDTH / (2 * CartPole.X_THRESHOLD);
    /** Height of the track line and of the cart's centre above the bottom row, pixels. */
    public static final int TRACK_HEIGHT = 100;
    /** Colour of the cart and the track. */
    public static final Color CART_COLOR = new Color(0, 0, 0);
    /** Colour of the pole. */
    public static final Color POLE_COLOR = new Color(202, 152, 101);
    /** Colour of the axle. */
    public static final Color AXLE_COLOR = new Color(129, 132, 203);

    private static final double POLE_WIDTH = 10.0;
    private static final double POLE_LENGTH = SCALE * (2 * CartPole.LENGTH);
    private static final double CART_WIDTH = 50.0;
    private static final double CART_HEIGHT = 30.0;
    private static final double AXLE_OFFSET = CART_HEIGHT / 4.0;

    /** A renderer of Gymnasium's geometry; it holds no state, so one serves any number of carts. */
    public CartPoleRenderer() {
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    /**
     * Draws the cart at {@code state()[0]} and the pole at angle {@code state()[2]}.
     *
     * @throws IllegalArgumentException if an argument is {@code null} or {@code target} is not 600×400
     */
    @Override
    public void render(CartPole environment, BufferedImage target) {
        try (GymCanvas canvas = GymCanvas.open(environment, target, WIDTH, HEIGHT)) {
            double[] state = environment.state();
            double cartX = state[0] * SCALE + WIDTH / 2.0;
            double cartY = TRACK_HEIGHT;
            canvas.fillRotatedRectangle(-CART_WIDTH / 2, CART_WIDTH / 2, CART_HEIGHT / 2, -CART_HEIGHT / 2, 0,
                    cartX, cartY, CART_COLOR);
            // Gymnasium turns the pole by -theta: a positive angle leans it clockwise, to the right.
            canvas.fillRotatedRectangle(-POLE_WIDTH / 2, POLE_WIDTH / 2, POLE_LENGTH - POLE_WIDTH / 2,
                    -POLE_WIDTH / 2, -state[2], cartX, cartY + AXLE_OFFSET, POLE_COLOR);
            canvas.fillCircle((int) cartX, (int) (cartY + AXLE_OFFSET), (int) (POLE_WIDTH / 2), AXLE_COLOR);
            canvas.horizontalLine(0, WIDTH, TRACK_HEIGHT, CART_COLOR);
        }
    }
}
