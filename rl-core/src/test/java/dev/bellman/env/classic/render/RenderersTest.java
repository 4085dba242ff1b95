package dev.bellman.env.classic.render;

import dev.bellman.core.Environment;
import dev.bellman.core.wrappers.ClipAction;
import dev.bellman.core.wrappers.NormalizeObservation;
import dev.bellman.core.wrappers.TimeLimit;
import dev.bellman.env.classic.CartPole;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.classic.Pendulum;
import dev.bellman.env.toytext.Blackjack;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renderers.forEnvironment finds the raw environment through wrappers, or says what it cannot draw. */
class RenderersTest {

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void cartPoleIsRenderedThroughItsTimeLimit() {
        Environment<double[], ?> environment = Environments.make("CartPole-v1");
        environment.reset(3);
        EnvironmentRenderer renderer = Renderers.forEnvironment(environment);
        assertEquals(600, renderer.width());
        assertEquals(400, renderer.height());
        CartPole raw = (CartPole) ((TimeLimit<double[], ?>) environment).inner();
        assertArrayEquals(pixels(new CartPoleRenderer().render(raw)), pixels(renderer.render()));
    }

    @Test
    void boundRendererShowsTheStateAtEachCall() {
        Environment<double[], Integer> environment = Environments.make("CartPole-v1", Integer.class);
        environment.reset(0);
        EnvironmentRenderer renderer = Renderers.forEnvironment(environment);
        int[] first = pixels(renderer.render());
        for (int i = 0; i < 5; i++) {
            environment.step(1);
        }
        BufferedImage buffer = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        renderer.render(buffer);
        assertFalse(Arrays.equals(first, pixels(buffer)), "the frame changes as the cart moves");
    }

    @Test
    void everyRegisteredEnvironmentRendersAtGymnasiumsSize() {
        Map<String, int[]> sizes = Map.of(
                "CartPole-v1", new int[] {600, 400}, "CartPole-v0", new int[] {600, 400},
                "MountainCar-v0", new int[] {600, 400}, "MountainCarContinuous-v0", new int[] {600, 400},
                "Pendulum-v1", new int[] {500, 500}, "Acrobot-v1", new int[] {500, 500});
        assertEquals(sizes.keySet(), Set.copyOf(Environments.ids()));
        for (String id : Environments.ids()) {
            Environment<double[], ?> environment = Environments.make(id);
            environment.reset(0);
            BufferedImage image = Renderers.forEnvironment(environment).render();
            assertArrayEquals(sizes.get(id), new int[] {image.getWidth(), image.getHeight()}, id);
        }
    }

    @Test
    void observationAndActionWrappersAreLookedThrough() {
        Environment<double[], double[]> environment =
                new ClipAction<>(new NormalizeObservation<>(Environments.make("Pendulum-v1", double[].class)));
        environment.reset(0);
        EnvironmentRenderer renderer = Renderers.forEnvironment(environment);
        assertEquals(500, renderer.width());
        Pendulum pendulum = (Pendulum) Renderers.unwrap(environment);
        assertArrayEquals(pixels(new PendulumRenderer().render(pendulum)), pixels(renderer.render()));
    }

    @Test
    void unsupportedEnvironmentIsNamedWithTheSupportedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Renderers.forEnvironment(new TimeLimit<>(new Blackjack(), 10)));
        String message = e.getMessage();
        assertTrue(message.contains(Blackjack.class.getName()), message);
        for (Class<?> supported : Renderers.supported()) {
            assertTrue(message.contains(supported.getSimpleName()), message);
        }
        assertThrows(IllegalArgumentException.class, () -> Renderers.forEnvironment(null));
    }
}
