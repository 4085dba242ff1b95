package dev.bellman.core;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepTest {

    @Test
    void doneIsTerminatedOrTruncated() {
        assertFalse(new Step<>(0, 0.0, false, false).done());
        assertTrue(new Step<>(0, 0.0, true, false).done());
        assertTrue(new Step<>(0, 0.0, false, true).done());
        assertTrue(new Step<>(0, 0.0, true, true).done());
    }

    @Test
    void shortConstructorHasEmptyInfo() {
        Step<Integer> step = new Step<>(3, -1.0, false, false);

        assertEquals(3, step.observation());
        assertEquals(-1.0, step.reward(), 0.0);
        assertTrue(step.info().isEmpty());
    }

    @Test
    void nullInfoBecomesEmptyMap() {
        assertEquals(Map.of(), new Step<>(1, 0.0, false, false, null).info());
    }

    @Test
    void infoIsCopiedAndUnmodifiable() {
        Map<String, Object> info = new HashMap<>();
        info.put("slipped", true);
        Step<Integer> step = new Step<>(1, 0.0, false, false, info);
        info.put("later", 1);

        assertEquals(Map.of("slipped", true), step.info());
        assertThrows(UnsupportedOperationException.class, () -> step.info().put("x", 1));
    }
}
