package dev.bellman.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetTest {

    @Test
    void stepsBudgetCountsStepsOnly() {
        Budget budget = Budget.steps(100);

        assertEquals(Budget.Unit.STEPS, budget.unit());
        assertEquals(100, budget.limit());
        assertFalse(budget.isExhausted(99, 1_000));
        assertTrue(budget.isExhausted(100, 0));
        assertTrue(budget.isExhausted(101, 0));
    }

    @Test
    void episodesBudgetCountsEpisodesOnly() {
        Budget budget = Budget.episodes(3);

        assertEquals(Budget.Unit.EPISODES, budget.unit());
        assertFalse(budget.isExhausted(1_000_000, 2));
        assertTrue(budget.isExhausted(0, 3));
    }

    @Test
    void budgetBelowOneIsRejectedNamingValue() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> Budget.steps(0));
        assertTrue(steps.getMessage().contains("0 steps"), steps.getMessage());
        IllegalArgumentException episodes = assertThrows(IllegalArgumentException.class, () -> Budget.episodes(-3));
        assertTrue(episodes.getMessage().contains("-3 episodes"), episodes.getMessage());
    }

    @Test
    void toStringSaysLimitAndUnit() {
        assertEquals("500 steps", Budget.steps(500).toString());
        assertEquals("1 episodes", Budget.episodes(1).toString());
    }
}
