package dev.bellman.env.classic.render;

import java.awt.image.BufferedImage;
import java.util.Objects;

/** A {@link FrameRenderer} together with the one environment it draws. */
record BoundRenderer<E>(E environment, FrameRenderer<E> renderer) implements EnvironmentRenderer {

    BoundRenderer {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public int width() {
        return renderer.width();
    }

    @Override
    public int height() {
        return renderer.height();
    }

    @Override
    public BufferedImage render() {
        return renderer.render(environment);
    }

    @Override
    public void render(BufferedImage target) {
        renderer.render(environment, target);
    }
}
