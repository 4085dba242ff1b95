package dev.bellman.deep.ac;

import dev.bellman.deep.nn.Adam;
import dev.bellman.deep.nn.Mlp;
import dev.bellman.deep.nn.MlpConfig;
import dev.bellman.deep.nn.ModelFiles;
import dev.bellman.deep.nn.Optimizer;

/** The checks the actor-critics make of the networks their {@code loadNetworks} reads. */
final class SavedNetworks {

    private SavedNetworks() {
    }

    /**
     * @return {@code loaded}
     * @throws IllegalArgumentException naming the file if the network's shape is not {@code expected}
     */
    static Mlp requireShape(Mlp loaded, MlpConfig expected, String name) {
        if (!loaded.config().equals(expected)) {
            throw new IllegalArgumentException(name + " holds a network " + loaded.config() + "; this configuration needs "
                    + expected);
        }
        return loaded;
    }

    /**
     * @return the Adam state saved with the network
     * @throws IllegalArgumentException naming the file if there is none, or another optimizer's
     */
    static Adam adamOf(ModelFiles.Loaded loaded, String name) {
        Optimizer optimizer = loaded.optimizer().orElseThrow(() -> new IllegalArgumentException(name
                + " has no optimizer state; expected the Adam state saveNetworks writes"));
        if (!(optimizer instanceof Adam adam)) {
            throw new IllegalArgumentException(name + " holds a " + optimizer.getClass().getSimpleName()
                    + " optimizer; expected Adam");
        }
        return adam;
    }
}
