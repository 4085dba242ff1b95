package dev.bellman.env.classic.render;

import java.awt.image.BufferedImage;

/**
 * Draws one particular environment instance, whatever its class: what
 * {@link Renderers#forEnvironment} returns. Each call shows the environment's state at that moment.
 */
public interface EnvironmentRenderer {

    /** @return the width of every frame, in pixels */
    int width();

    /** @return the height of every frame, in pixels */
    int height();

    /**
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image of the environment's current state,
     *         {@link #width()} by {@link #height()} pixels
     */
    BufferedImage render();

    /**
     * Draws the environment's current state over the whole of {@code target}, so that one buffer
     * can be reused for every frame.
     *
     * @param target an image of {@link #width()} by {@link #height()} pixels
     * @throws IllegalArgumentException if {@code target} is {@code null} or of another size
     */
    void render(BufferedImage target);
}
