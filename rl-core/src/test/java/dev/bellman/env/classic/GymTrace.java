package dev.bellman.env.classic;

import dev.bellman.core.random.MiniJson;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One reference trace of {@code reference/gym-traces/<Env>.json} (Gymnasium 1.4.0 run by the
 * trace generator; format in the reference README), with the comparisons the README recommends.
 */
record GymTrace(String id, Map<String, Object> kwargs, Map<String, Object> attributes, Long resetSeed,
                Map<String, Object> resetOptions, double[] resetObs, String initialStateSource,
                double[] initialState, double[] initialObs, List<Object> steps) {

    /** All traces of {@code /reference/gym-traces/<name>.json}. */
    static List<GymTrace> load(String name) {
        Object root = MiniJson.load("/reference/gym-traces/" + name + ".json");
        List<Object> traces = MiniJson.get(root, "traces");
        return traces.stream().map(GymTrace::of).toList();
    }

    private static GymTrace of(Object t) {
        Double seed = MiniJson.get(t, "reset_seed");
        Object resetObs = MiniJson.get(t, "reset_obs");
        return new GymTrace(MiniJson.get(t, "id"), orEmpty(MiniJson.get(t, "env_kwargs")),
                orEmpty(MiniJson.get(t, "env_attributes")), seed == null ? null : seed.longValue(),
                MiniJson.get(t, "reset_options"), resetObs == null ? null : MiniJson.doubles(resetObs),
                MiniJson.get(t, "initial_state_source"), MiniJson.doubles(MiniJson.get(t, "initial_state")),
                MiniJson.doubles(MiniJson.get(t, "initial_obs")), MiniJson.get(t, "steps"));
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    boolean seededReset() {
        return "reset(seed)".equals(initialStateSource);
    }

    static int action(Object step) {
        return ((Double) MiniJson.get(step, "action")).intValue();
    }

    static double[] obs(Object step) {
        return MiniJson.doubles(MiniJson.get(step, "obs"));
    }

    static double[] state(Object step) {
        return MiniJson.doubles(MiniJson.get(step, "state"));
    }

    static double reward(Object step) {
        return MiniJson.get(step, "reward");
    }

    static boolean terminated(Object step) {
        return MiniJson.get(step, "terminated");
    }

    static boolean truncated(Object step) {
        return MiniJson.get(step, "truncated");
    }

    /** Each {@code |actual - expected| <= tolerance * max(1, |expected|)}. */
    static void assertRelative(double[] expected, double[] actual, double tolerance, String where) {
        assertEquals(expected.length, actual.length, where + ": length");
        for (int i = 0; i < expected.length; i++) {
            double bound = tolerance * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
                fail(where + ": component " + i + " is " + actual[i] + ", expected " + expected[i]
                        + " within " + bound);
            }
        }
    }

    /** Equal as float32, allowing {@code ulps} float32 ulps or {@code abs} absolute difference. */
    static void assertFloat32(double[] expected, double[] actual, int ulps, double abs, String where) {
        assertEquals(expected.length, actual.length, where + ": length");
        for (int i = 0; i < expected.length; i++) {
            float e = (float) expected[i];
            float a = (float) actual[i];
            assertTrue((double) a == actual[i],
                    where + ": observation component " + i + " (" + actual[i] + ") is not a float32 value");
            boolean ok = e == a || Math.abs(a - e) <= ulps * Math.ulp(e) || Math.abs(a - e) <= abs;
            assertTrue(ok, where + ": observation component " + i + " is " + a + ", expected " + e);
        }
    }
}
