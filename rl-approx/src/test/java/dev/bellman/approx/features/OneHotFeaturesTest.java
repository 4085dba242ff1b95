package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneHotFeaturesTest {

    @Test
    void writesTheUnitVectorOfTheState() {
        OneHotFeatures features = new OneHotFeatures(4);
        double[] out = {7, 7, 7, 7, 7};

        features.write(2, out);

        assertArrayEquals(new double[] {0, 0, 1, 0, 7}, out, 0.0, "entries beyond the dimension stay untouched");
        assertEquals(4, features.dimension());
        assertEquals(1, features.activeCount());
    }

    @Test
    void activeIndexIsTheState() {
        int[] index = new int[1];
        new OneHotFeatures(25).activeIndices(24, index);
        assertEquals(24, index[0]);
    }

    @Test
    void stateOutsideTheRangeIsRejected() {
        OneHotFeatures features = new OneHotFeatures(4);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> features.write(4, new double[4]));
        assertTrue(error.getMessage().contains("state 4 is outside [0, 4)"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> features.write(-1, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> features.write(null, new double[4]));
    }

    @Test
    void shortBufferAndEmptyStateSetAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new OneHotFeatures(4).write(0, new double[3]));
        assertTrue(error.getMessage().contains("length 3; expected at least 4"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OneHotFeatures(0));
    }
}
