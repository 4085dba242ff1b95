package dev.bellman.core.wrappers;

import dev.bellman.core.space.BoxSpace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionWrappersTest {

    private static ScriptedBoxEnvironment env(double[] low, double[] high) {
        BoxSpace observations = new BoxSpace(new double[] {0}, new double[] {1});
        return new ScriptedBoxEnvironment(observations, new BoxSpace(low, high),
                new double[][] {{0}, {1}}, new double[] {0}, 0);
    }

    @Test
    void clipActionClipsEachComponentToItsBounds() {
        ScriptedBoxEnvironment inner = env(new double[] {-1, 0}, new double[] {1, 2});
        ClipAction<double[]> env = new ClipAction<>(inner);
        env.reset(0);
        env.step(new double[] {5, -3});
        env.step(new double[] {-0.25, 1.5});
        env.step(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
        assertArrayEquals(new double[] {1, 0}, inner.actions.get(0));
        assertArrayEquals(new double[] {-0.25, 1.5}, inner.actions.get(1));
        assertArrayEquals(new double[] {-1, 2}, inner.actions.get(2));
        assertTrue(env.actionSpace().contains(new double[] {1e300, -1e300}));
    }

    @Test
    void clipActionStillRejectsNaNAndWrongShapes() {
        ClipAction<double[]> env = new ClipAction<>(env(new double[] {-1, 0}, new double[] {1, 2}));
        env.reset(0);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> env.step(new double[] {Double.NaN, 0}));
        assertTrue(nan.getMessage().contains("NaN at index 0"), nan.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0}));
        assertTrue(shape.getMessage().contains("expected 2 components"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(null));
    }

    @Test
    void rescaleActionMapsTheNewBoxLinearlyOntoTheInnerOne() {
        // inner [-2, 2] x [0, 10], outer [-1, 1] x [0, 1]
        ScriptedBoxEnvironment inner = env(new double[] {-2, 0}, new double[] {2, 10});
        RescaleAction<double[]> env = new RescaleAction<>(inner, new double[] {-1, 0}, new double[] {1, 1});
        env.reset(0);
        env.step(new double[] {-1, 0});
        env.step(new double[] {0, 0.25});
        env.step(new double[] {0.5, 1});
        // -2 + 4 * (a + 1) / 2 and 0 + 10 * a
        assertArrayEquals(new double[] {-2, 0}, inner.actions.get(0));
        assertArrayEquals(new double[] {0, 2.5}, inner.actions.get(1));
        assertArrayEquals(new double[] {1, 10}, inner.actions.get(2));
        assertEquals(new BoxSpace(new double[] {-1, 0}, new double[] {1, 1}), env.actionSpace());
    }

    @Test
    void rescaleActionWithScalarBounds() {
        ScriptedBoxEnvironment inner = env(new double[] {0}, new double[] {4});
        RescaleAction<double[]> env = new RescaleAction<>(inner, -1, 1);
        env.reset();
        env.step(new double[] {-0.5});
        // 0 + 4 * (-0.5 + 1) / 2 = 1
        assertArrayEquals(new double[] {1}, inner.actions.get(0));
    }

    @Test
    void rescaleActionRejectsActionsOutsideTheNewBox() {
        RescaleAction<double[]> env = new RescaleAction<>(env(new double[] {0}, new double[] {4}), -1, 1);
        env.reset();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {1.5}));
        assertTrue(e.getMessage().contains("[1.5]") && e.getMessage().contains("outside"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {Double.NaN}));
    }

    @Test
    void rescaleActionRejectsBadBoxes() {
        IllegalArgumentException unbounded = assertThrows(IllegalArgumentException.class,
                () -> new RescaleAction<>(env(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}), -1, 1));
        assertTrue(unbounded.getMessage().contains("bounded"), unbounded.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new RescaleAction<>(env(new double[] {0}, new double[] {1}), 1, 1));
        assertTrue(empty.getMessage().contains("[1.0, 1.0]"), empty.getMessage());
    }
}
