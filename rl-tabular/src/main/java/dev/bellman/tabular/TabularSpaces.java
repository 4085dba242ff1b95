package dev.bellman.tabular;

import dev.bellman.core.Environment;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.space.Space;

/** Checks that an environment is tabular: discrete observations and actions. */
final class TabularSpaces {

    private TabularSpaces() {
    }

    static int size(Space<?> space, String what, Environment<?, ?> env) {
        if (space instanceof DiscreteSpace discrete) {
            return discrete.n();
        }
        throw new IllegalArgumentException("a tabular learner needs a discrete " + what + " space, but "
                + env.getClass().getSimpleName() + " has " + space + " (wrap it in a discretizing wrapper)");
    }
}
