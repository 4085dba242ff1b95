package dev.bellman.deep.checkpoint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ConfigurationCheck}'s message names the settings that differ. */
class ConfigurationCheckTest {

    @Test
    void namesEachDifferingSettingWithBothValues() {
        assertEquals("hiddenLayers is [64, 64] in the checkpoint but [64, 32] here; tau is 1.0 in the checkpoint but 0.5 here",
                ConfigurationCheck.differences("Config[hiddenLayers=[64, 64], gamma=0.99, tau=1.0]",
                        "Config[hiddenLayers=[64, 32], gamma=0.99, tau=0.5]"));
    }

    @Test
    void givesBothTextsWhenTheLayoutsDiffer() {
        assertEquals("A[x=1] in the checkpoint, A[x=1, y=2] here", ConfigurationCheck.differences("A[x=1]", "A[x=1, y=2]"));
    }
}
