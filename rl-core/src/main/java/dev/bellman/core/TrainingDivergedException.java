package dev.bellman.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Training stopped because a quantity became NaN or infinite, or left its bound: thrown by learners
 * that check their losses, gradients, values and actions, and by {@link DivergenceAlarm}. The message
 * names the environment step, the quantity and its value and, once the learner's {@code train}
 * passes it on, the last good checkpoint to go back to (or that none was written).
 */
public class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The environment step at which the divergence was found. */
    private final long step;
    /** What diverged, for example {@code "loss"}. */
    private final String quantity;
    /** The diverged quantity's value, NaN where it is not one number. */
    private final double value;
    private transient Path lastCheckpoint;
    /** The step of the last checkpoint written before the divergence, −1 if there is none. */
    private long lastCheckpointStep = -1;
    /** Whether the training loop has recorded the last good checkpoint, or that there is none. */
    private boolean checkpointKnown;

    /**
     * @param step     the environment step at which the divergence was found
     * @param quantity what diverged, for example {@code "loss"} or {@code "Q-values"}
     * @param value    its value (NaN where the quantity is not one number)
     * @param detail   what was expected and what to try, completing the message
     */
    public TrainingDivergedException(long step, String quantity, double value, String detail) {
        super("training diverged at step " + step + ": " + quantity + " is " + value + "; " + detail);
        this.step = step;
        this.quantity = quantity;
        this.value = value;
    }

    /** @return the environment step at which the divergence was found */
    public long step() {
        return step;
    }

    /** @return what diverged */
    public String quantity() {
        return quantity;
    }

    /** @return its value */
    public double value() {
        return value;
    }

    /** @return the last checkpoint written before the divergence, if one was */
    public Optional<Path> lastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }

    /** @return the step of {@link #lastCheckpoint()}, or −1 if there is none */
    public long lastCheckpointStep() {
        return lastCheckpointStep;
    }

    /** Called by the training loop: records the last good checkpoint, or that there is none. */
    void recordCheckpoint(Path file, long checkpointStep) {
        if (!checkpointKnown) {
            checkpointKnown = true;
            lastCheckpoint = file;
            lastCheckpointStep = file == null ? -1 : checkpointStep;
        }
    }

    @Override
    public String getMessage() {
        if (!checkpointKnown) {
            return super.getMessage();
        }
        return super.getMessage() + (lastCheckpoint == null
                ? "; no checkpoint had been written"
                : "; the last good checkpoint is " + lastCheckpoint + " (step " + lastCheckpointStep + ")");
    }
}
