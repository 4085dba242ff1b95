package dev.bellman.approx;

import dev.bellman.approx.features.FeatureStates;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;

/** The parts of the linear learners' checkpoints that both bases share. */
final class LinearCheckpoints {

    private LinearCheckpoints() {
    }

    /** Writes whether the feature map has state of its own and, if it has, that state. */
    static void writeFeatureState(StateWriter out, Object features) throws IOException {
        Checkpointable state = FeatureStates.of(features);
        out.writeBoolean(state != null);
        if (state != null) {
            out.writeObject("feature-state", state);
        }
    }

    /** Reads what {@link #writeFeatureState} wrote into {@code features}' own state. */
    static void readFeatureState(StateReader in, Object features) throws IOException {
        Checkpointable state = FeatureStates.of(features);
        boolean saved = in.readBoolean();
        if (saved != (state != null)) {
            throw new InvalidCheckpointException(saved
                    ? "the checkpoint holds a feature map's state (a tile coder's index table) but this learner's features have none"
                    : "this learner's features have state of their own (a tile coder's index table) but the checkpoint holds none");
        }
        if (state != null) {
            in.readObject("feature-state", state);
        }
    }
}
