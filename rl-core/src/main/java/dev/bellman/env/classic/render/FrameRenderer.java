package dev.bellman.env.classic.render;

import java.awt.image.BufferedImage;

/**
 * Draws the current state of an environment of type {@code E} into an RGB image of a fixed size,
 * as Gymnasium's {@code render()} does with {@code render_mode="rgb_array"}. Rendering reads the
 * environment's state and never changes it.
 *
 * @param <E> the environment class this renderer draws
 */
public interface FrameRenderer<E> {

    /** @return the width of every frame, in pixels */
    int width();

    /** @return the height of every frame, in pixels */
    int height();

    /**
     * Draws the current state of {@code environment} over the whole of {@code target}, so that one
     * buffer can be reused for every frame of an episode.
     *
     * @param environment the environment to draw
     * @param target      an image of {@link #width()} by {@link #height()} pixels
     * @throws IllegalArgumentException if an argument is {@code null} or {@code target} is not
     *                                  {@code width() × height()} pixels
     */
    void render(E environment, BufferedImage target);

    /**
     * Draws the current state of {@code environment} into a new image.
     *
     * @param environment the environment to draw
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image of {@link #width()} by {@link #height()}
     *         pixels
     * @throws IllegalArgumentException if {@code environment} is {@code null}
     */
    default BufferedImage render(E environment) {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        render(environment, image);
        return image;
    }

    /**
     * This renderer tied to one environment instance.
     *
     * @param environment the environment every frame will show
     * @return a renderer of {@code environment}
     * @throws IllegalArgumentException if {@code environment} is {@code null}
     */
    default EnvironmentRenderer bind(E environment) {
        if (environment == null) {
            throw new IllegalArgumentException("environment is null; expected the environment to render");
        }
        return new BoundRenderer<>(environment, this);
    }
}
