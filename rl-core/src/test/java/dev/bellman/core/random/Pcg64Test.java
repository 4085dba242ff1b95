package dev.bellman.core.random;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checks the port against NumPy 2.4.6's own vectors ({@code reference/gym-traces/rng_pcg64.json}). */
class Pcg64Test {

    private static final Object VECTORS = MiniJson.load("/reference/gym-traces/rng_pcg64.json");

    private static List<Object> seeds() {
        return MiniJson.get(VECTORS, "seeds");
    }

    private static long seedOf(Object entry) {
        return ((Double) MiniJson.get(entry, "seed")).longValue();
    }

    private static String hex128(Object entry, String key) {
        String h = ((String) MiniJson.get(entry, key)).substring(2);
        return String.format("%32s", h).replace(' ', '0');
    }

    @Test
    void seedingMatchesNumpyStateAndIncrementForEverySeed() {
        assertEquals(22, seeds().size());
        for (Object entry : seeds()) {
            Pcg64 g = Pcg64.seeded(seedOf(entry));
            assertEquals(hex128(entry, "pcg64_state_hex"), g.stateHex(), "state, seed " + seedOf(entry));
            assertEquals(hex128(entry, "pcg64_inc_hex"), g.incrementHex(), "increment, seed " + seedOf(entry));
        }
    }

    @Test
    void rawOutputsMatchNumpyForEverySeed() {
        for (Object entry : seeds()) {
            Pcg64 g = Pcg64.seeded(seedOf(entry));
            List<Object> raw = MiniJson.get(entry, "raw_uint64_hex");
            for (int i = 0; i < raw.size(); i++) {
                long expected = new BigInteger(((String) raw.get(i)).substring(2), 16).longValue();
                assertEquals(Long.toUnsignedString(expected), Long.toUnsignedString(g.nextLong()),
                        "output " + i + ", seed " + seedOf(entry));
            }
        }
    }

    @Test
    void doublesMatchNumpyRandomForEverySeed() {
        for (Object entry : seeds()) {
            Pcg64 g = Pcg64.seeded(seedOf(entry));
            double[] expected = MiniJson.doubles(MiniJson.get(entry, "doubles"));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], g.nextDouble(), 0.0, "double " + i + ", seed " + seedOf(entry));
            }
        }
    }

    @Test
    void uniformIsLowPlusRangeTimesDouble() {
        Pcg64 a = Pcg64.seeded(7);
        Pcg64 b = Pcg64.seeded(7);
        for (int i = 0; i < 100; i++) {
            double u = b.nextDouble();
            assertEquals(-0.6 + (-0.4 - -0.6) * u, a.uniform(-0.6, -0.4), 0.0);
        }
    }

    @Test
    void seedAboveTwoToThe32UsesTwoEntropyWords() {
        // 4294967303 = 2^32 + 7: entropy words [7, 1], unlike seed 7.
        assertEquals(false, Pcg64.seeded(4_294_967_303L).stateHex().equals(Pcg64.seeded(7).stateHex()));
    }

    /**
     * Seeds beyond {@code long} and beyond the four-word pool (which takes the extra-entropy mixing
     * path). Expected values printed by NumPy 2.4.6:
     * {@code g = np.random.PCG64(s); g.state['state']; g.random_raw(2)}.
     */
    @Test
    void bigSeedsMatchNumpy() {
        assertBig(BigInteger.TWO.pow(64).add(BigInteger.valueOf(5)), "3dd6ee5a3a94fc71416e7a88e66db7db",
                "6efdb159d649d7309c39bc45ab81aadf", "be1ed79de3d6074e", "64197d17923f1721");
        assertBig(BigInteger.TWO.pow(200).add(BigInteger.valueOf(12345)), "219082a9dba584e69548428ef3189fb8",
                "c2a81dce3acdb3ca8cb56a80506ed507", "76ecc5d56e7ecfe6", "8c7e605a14614d97");
        assertBig(BigInteger.TWO.pow(63), "19f38fac928ef115ada495ade18f7415",
                "71efe86c260ef309545d80ba006e813b", "cfb443e389167cfd", "98b11eb7647f71b8");
        assertEquals(Pcg64.seeded(123).stateHex(), Pcg64.seeded(BigInteger.valueOf(123)).stateHex());
    }

    private static void assertBig(BigInteger seed, String state, String inc, String first, String second) {
        Pcg64 g = Pcg64.seeded(seed);
        assertEquals(state, g.stateHex(), "state, seed " + seed);
        assertEquals(inc, g.incrementHex(), "increment, seed " + seed);
        assertEquals(first, String.format("%016x", g.nextLong()), "output 0, seed " + seed);
        assertEquals(second, String.format("%016x", g.nextLong()), "output 1, seed " + seed);
    }

    @Test
    void badArgumentsAreRejectedWithTheirValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pcg64.seeded(-3));
        assertEquals(true, e.getMessage().contains("-3"));
        Pcg64 g = Pcg64.seeded(0);
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> g.uniform(0, Double.NaN));
        assertEquals(true, u.getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> new SeedSequence(1).generateState(-1));
        assertThrows(IllegalArgumentException.class, () -> Pcg64.seeded(BigInteger.valueOf(-1)));
        assertThrows(IllegalArgumentException.class, () -> Pcg64.seeded((SeedSequence) null));
    }
}
