package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;

/** The wrapped environment's part of a wrapper's checkpoint, for the three wrapper bases. */
final class InnerState {

    private InnerState() {
    }

    static void write(StateWriter out, Environment<?, ?> wrapper, Environment<?, ?> inner) throws IOException {
        out.section(wrapper.getClass().getSimpleName());
        out.writeObject("wrapped", require(wrapper, inner));
    }

    static void read(StateReader in, Environment<?, ?> wrapper, Environment<?, ?> inner) throws IOException {
        in.section(wrapper.getClass().getSimpleName());
        in.readObject("wrapped", require(wrapper, inner));
    }

    private static Checkpointable require(Environment<?, ?> wrapper, Environment<?, ?> inner) {
        if (inner instanceof Checkpointable state) {
            return state;
        }
        throw new UnsupportedOperationException(wrapper.getClass().getSimpleName() + " wraps " + inner.getClass().getName()
                + ", which does not implement " + Checkpointable.class.getName()
                + ", so a checkpoint cannot save its state; implement writeState and readState (docs/checkpoints.md)");
    }
}
