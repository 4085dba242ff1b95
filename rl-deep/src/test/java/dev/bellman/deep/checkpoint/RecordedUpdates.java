package dev.bellman.deep.checkpoint;

import dev.bellman.core.TrainingListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Records every {@code onUpdate}'s step and metrics, in order, for the checkpoint tests to compare runs. */
public final class RecordedUpdates implements TrainingListener {

    private final List<Map<String, Double>> updates = new ArrayList<>();

    @Override
    public void onUpdate(long totalSteps, Map<String, Double> metrics) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics);
        copy.put("step", (double) totalSteps);
        updates.add(copy);
    }

    /** @return the number of updates recorded */
    public int size() {
        return updates.size();
    }

    /**
     * Compares update by update, so that a failure names the first that differs instead of
     * printing them all.
     */
    public void assertSameAs(RecordedUpdates expected) {
        for (int i = 0; i < Math.min(expected.updates.size(), updates.size()); i++) {
            assertEquals(expected.updates.get(i), updates.get(i), "update " + i);
        }
        assertEquals(expected.updates.size(), updates.size(), "updates");
    }
}
