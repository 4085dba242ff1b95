package dev.bellman.env.classic.render;

import dev.bellman.core.Environment;
import dev.bellman.core.wrappers.ActionWrapper;
import dev.bellman.core.wrappers.ObservationWrapper;
import dev.bellman.core.wrappers.Wrapper;
import dev.bellman.env.classic.Acrobot;
import dev.bellman.env.classic.CartPole;
import dev.bellman.env.classic.ContinuousMountainCar;
import dev.bellman.env.classic.MountainCar;
import dev.bellman.env.classic.Pendulum;

import java.util.List;

/**
 * Finds the renderer for an environment instance, as Gymnasium's {@code env.render()} reaches the
 * raw environment through its wrappers.
 */
public final class Renderers {

    private static final List<Class<?>> SUPPORTED = List.of(
            CartPole.class, MountainCar.class, ContinuousMountainCar.class, Pendulum.class, Acrobot.class);

    private Renderers() {
    }

    /** @return the raw environment classes {@link #forEnvironment} can draw */
    public static List<Class<?>> supported() {
        return SUPPORTED;
    }

    /**
     * A renderer of {@code environment}: its wrappers ({@link Wrapper}, {@link ObservationWrapper},
     * {@link ActionWrapper}) are looked through to the raw environment, whose state every frame
     * then shows.
     *
     * @param environment the environment to draw, raw or wrapped
     * @return a renderer bound to the raw environment inside {@code environment}
     * @throws IllegalArgumentException if {@code environment} is {@code null} or the raw environment
     *                                  is not one of {@link #supported()}
     */
    public static EnvironmentRenderer forEnvironment(Environment<?, ?> environment) {
        if (environment == null) {
            throw new IllegalArgumentException("environment is null; expected one of " + supportedNames());
        }
        Environment<?, ?> raw = unwrap(environment);
        if (raw instanceof CartPole cartPole) {
            return new CartPoleRenderer().bind(cartPole);
        }
        if (raw instanceof MountainCar mountainCar) {
            return new MountainCarRenderer().bind(mountainCar);
        }
        if (raw instanceof ContinuousMountainCar mountainCar) {
            return new ContinuousMountainCarRenderer().bind(mountainCar);
        }
        if (raw instanceof Pendulum pendulum) {
            return new PendulumRenderer().bind(pendulum);
        }
        if (raw instanceof Acrobot acrobot) {
            return new AcrobotRenderer().bind(acrobot);
        }
        throw new IllegalArgumentException("cannot render " + raw.getClass().getName()
                + (raw == environment ? "" : " (inside " + environment + ")")
                + "; renderable environments are " + supportedNames());
    }

    /** The innermost environment, found by following every wrapper's {@code inner()}. */
    static Environment<?, ?> unwrap(Environment<?, ?> environment) {
        Environment<?, ?> current = environment;
        while (true) {
            if (current instanceof Wrapper<?, ?> wrapper) {
                current = wrapper.inner();
            } else if (current instanceof ObservationWrapper<?, ?, ?> wrapper) {
                current = wrapper.inner();
            } else if (current instanceof ActionWrapper<?, ?, ?> wrapper) {
                current = wrapper.inner();
            } else {
                return current;
            }
        }
    }

    private static List<String> supportedNames() {
        return SUPPORTED.stream().map(Class::getSimpleName).toList();
    }
}
