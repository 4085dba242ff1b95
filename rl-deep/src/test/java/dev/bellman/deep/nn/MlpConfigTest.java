package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MlpConfigTest {

    @Test
    void rejectsFewerThanTwoSizes() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new MlpConfig(new int[] {4}, Activation.RELU, Activation.IDENTITY));
        assertTrue(thrown.getMessage().contains("[4]"), thrown.getMessage());
    }

    @Test
    void rejectsSizeBelowOneNamingIt() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new MlpConfig(new int[] {4, 0, 2}, Activation.RELU, Activation.IDENTITY));
        assertTrue(thrown.getMessage().contains("layerSizes[1] = 0"), thrown.getMessage());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new MlpConfig(null, Activation.RELU, Activation.IDENTITY));
        assertThrows(NullPointerException.class, () -> new MlpConfig(new int[] {1, 1}, null, Activation.IDENTITY));
        assertThrows(NullPointerException.class, () -> new MlpConfig(new int[] {1, 1}, Activation.RELU, null));
    }

    @Test
    void duelingNeedsIdentityOutputAndAHiddenLayer() {
        assertThrows(IllegalArgumentException.class,
                () -> new MlpConfig(new int[] {4, 8, 2}, Activation.RELU, Activation.TANH, true));
        assertThrows(IllegalArgumentException.class,
                () -> new MlpConfig(new int[] {4, 2}, Activation.RELU, Activation.IDENTITY, true));
    }

    @Test
    void isImmutableAndComparesSizesByValue() {
        int[] sizes = {4, 8, 2};
        MlpConfig config = new MlpConfig(sizes, Activation.RELU, Activation.IDENTITY);
        sizes[1] = 99;
        config.layerSizes()[1] = 77;
        assertEquals(8, config.layerSizes()[1]);
        assertEquals(new MlpConfig(new int[] {4, 8, 2}, Activation.RELU, Activation.IDENTITY), config);
        assertEquals(new MlpConfig(new int[] {4, 8, 2}, Activation.RELU, Activation.IDENTITY).hashCode(),
                config.hashCode());
        assertNotEquals(new MlpConfig(new int[] {4, 8, 2}, Activation.TANH, Activation.IDENTITY), config);
        assertEquals(4, config.inputSize());
        assertEquals(2, config.outputSize());
    }
}
