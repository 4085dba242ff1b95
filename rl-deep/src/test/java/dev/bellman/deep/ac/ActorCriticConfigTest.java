package dev.bellman.deep.ac;

import dev.bellman.deep.ac.ActorCriticConfig.Builder;
import dev.bellman.deep.ac.ActorCriticConfig.NoiseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ActorCriticConfig}: Stable-Baselines3's defaults (DDPG and TD3 constructors, SB3 2.x),
 * rl-zoo's Pendulum-v1 entries ({@code hyperparams/ddpg.yml}, {@code td3.yml}), and validation.
 */
class ActorCriticConfigTest {

    @Test
    void ddpgDefaultsAreSb3s() {
        ActorCriticConfig c = ActorCriticConfig.ddpg().build();
        assertArrayEquals(new int[] {400, 300}, c.hiddenLayers());
        assertEquals(1e-3, c.actorLearningRate());
        assertEquals(1e-3, c.criticLearningRate());
        assertEquals(1_000_000, c.bufferSize());
        assertEquals(100, c.learningStarts());
        assertEquals(256, c.batchSize());
        assertEquals(0.005, c.tau());
        assertEquals(0.99, c.gamma());
        assertEquals(1, c.trainFrequency());
        assertEquals(1, c.gradientSteps());
        // SB3 has no noise by default; Bellman adds Gaussian σ 0.1 (documented in the class Javadoc).
        assertEquals(NoiseType.GAUSSIAN, c.noise());
        assertEquals(0.1, c.noiseSigma());
        assertEquals(0.15, c.noiseTheta());
        assertEquals(0.01, c.noiseDt());
        assertEquals(1, c.critics());
        assertEquals(1, c.policyDelay());
        assertEquals(0.0, c.targetPolicyNoise());
        assertEquals(0.0, c.targetNoiseClip());
        assertEquals(1, c.threads());
    }

    @Test
    void td3DefaultsAreDdpgsWithTwinCriticsDelayAndSmoothing() {
        ActorCriticConfig c = ActorCriticConfig.td3().build();
        assertEquals(2, c.critics());
        assertEquals(2, c.policyDelay());
        assertEquals(0.2, c.targetPolicyNoise());
        assertEquals(0.5, c.targetNoiseClip());
        ActorCriticConfig asDdpg = c.toBuilder().critics(1).policyDelay(1).targetPolicyNoise(0).targetNoiseClip(0).build();
        assertEquals(ActorCriticConfig.ddpg().build(), asDdpg);
    }

    @Test
    void zooPendulumEntriesAreRlZoos() {
        ActorCriticConfig ddpg = ActorCriticConfig.zooPendulumDdpg();
        assertEquals(0.98, ddpg.gamma());
        assertEquals(200_000, ddpg.bufferSize());
        assertEquals(10_000, ddpg.learningStarts());
        assertEquals(NoiseType.GAUSSIAN, ddpg.noise());
        assertEquals(0.1, ddpg.noiseSigma());
        assertEquals(1e-3, ddpg.actorLearningRate());
        assertEquals(1e-3, ddpg.criticLearningRate());
        assertEquals(256, ddpg.batchSize());
        assertEquals(0.005, ddpg.tau());
        assertEquals(1, ddpg.trainFrequency());
        assertEquals(1, ddpg.gradientSteps());
        assertArrayEquals(new int[] {400, 300}, ddpg.hiddenLayers());
        assertEquals(1, ddpg.critics());
        assertEquals(1, ddpg.policyDelay());
        assertEquals(0.0, ddpg.targetPolicyNoise());

        ActorCriticConfig td3 = ActorCriticConfig.zooPendulumTd3();
        assertEquals(2, td3.critics());
        assertEquals(2, td3.policyDelay());
        assertEquals(0.2, td3.targetPolicyNoise());
        assertEquals(0.5, td3.targetNoiseClip());
        assertEquals(ddpg, td3.toBuilder().critics(1).policyDelay(1).targetPolicyNoise(0).targetNoiseClip(0).build(),
                "apart from TD3's three changes the two entries are the same");
    }

    @Test
    void learningRateSetsBothRatesAndTheSeparateSettersOneEach() {
        ActorCriticConfig both = ActorCriticConfig.ddpg().learningRate(3e-4).build();
        assertEquals(3e-4, both.actorLearningRate());
        assertEquals(3e-4, both.criticLearningRate());
        ActorCriticConfig split = ActorCriticConfig.ddpg().actorLearningRate(1e-4).criticLearningRate(2e-3).build();
        assertEquals(1e-4, split.actorLearningRate());
        assertEquals(2e-3, split.criticLearningRate());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("hiddenLayers", "[]", b -> b.hiddenLayers()),
                invalid("hiddenLayers", "null", b -> b.hiddenLayers((int[]) null)),
                invalid("hidden layer width", "0", b -> b.hiddenLayers(64, 0)),
                invalid("actorLearningRate", "NaN", b -> b.learningRate(Double.NaN)),
                invalid("actorLearningRate", "0.0", b -> b.actorLearningRate(0)),
                invalid("criticLearningRate", "-0.001", b -> b.criticLearningRate(-1e-3)),
                invalid("criticLearningRate", "Infinity", b -> b.criticLearningRate(Double.POSITIVE_INFINITY)),
                invalid("bufferSize", "0", b -> b.bufferSize(0)),
                invalid("learningStarts", "-1", b -> b.learningStarts(-1)),
                invalid("batchSize", "0", b -> b.batchSize(0)),
                invalid("tau", "0.0", b -> b.tau(0)),
                invalid("tau", "1.5", b -> b.tau(1.5)),
                invalid("tau", "NaN", b -> b.tau(Double.NaN)),
                invalid("gamma", "-0.1", b -> b.gamma(-0.1)),
                invalid("gamma", "1.01", b -> b.gamma(1.01)),
                invalid("gamma", "NaN", b -> b.gamma(Double.NaN)),
                invalid("trainFrequency", "0", b -> b.trainFrequency(0)),
                invalid("gradientSteps", "-1", b -> b.gradientSteps(-1)),
                invalid("noise", "null", b -> b.noise(null)),
                invalid("sigma", "-0.1", b -> b.noiseSigma(-0.1)),
                invalid("sigma", "NaN", b -> b.noiseSigma(Double.NaN)),
                invalid("noiseTheta", "0.0", b -> b.noiseTheta(0)),
                invalid("noiseDt", "-0.01", b -> b.noiseDt(-0.01)),
                invalid("critics", "3", b -> b.critics(3)),
                invalid("critics", "0", b -> b.critics(0)),
                invalid("policyDelay", "0", b -> b.policyDelay(0)),
                invalid("targetPolicyNoise", "-0.2", b -> b.targetPolicyNoise(-0.2)),
                invalid("targetPolicyNoise", "Infinity", b -> b.targetPolicyNoise(Double.POSITIVE_INFINITY)),
                invalid("targetNoiseClip", "NaN", b -> b.targetNoiseClip(Double.NaN)),
                invalid("threads", "0", b -> b.threads(0)));
    }

    private static Arguments invalid(String name, String value, UnaryOperator<Builder> change) {
        return Arguments.of(name, value, change);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidSettings")
    void eachInvalidValueIsRejectedWithItsNameAndValue(String name, String value, UnaryOperator<Builder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(ActorCriticConfig.td3()).build());
        assertTrue(e.getMessage().contains(name), () -> "expected \"" + name + "\" in: " + e.getMessage());
        if (!"null".equals(value)) {
            assertTrue(e.getMessage().contains(value), () -> "expected \"" + value + "\" in: " + e.getMessage());
        }
    }

    @Test
    void theEndsOfEachRangeAreAccepted() {
        assertDoesNotThrow(() -> ActorCriticConfig.ddpg().tau(1).gamma(0).learningStarts(0).gradientSteps(0)
                .noiseSigma(0).noise(NoiseType.NONE).build());
        assertDoesNotThrow(() -> ActorCriticConfig.td3().gamma(1).targetPolicyNoise(0).targetNoiseClip(0).hiddenLayers(1)
                .batchSize(1).bufferSize(1).build());
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        ActorCriticConfig config = ActorCriticConfig.td3().hiddenLayers(32, 16, 8).actorLearningRate(1e-4)
                .criticLearningRate(2e-4).bufferSize(5000).learningStarts(7).batchSize(9).tau(0.3).gamma(0.5)
                .trainFrequency(3).gradientSteps(4).noise(NoiseType.ORNSTEIN_UHLENBECK).noiseSigma(0.4).noiseTheta(0.2)
                .noiseDt(0.05).policyDelay(3).targetPolicyNoise(0.1).targetNoiseClip(0.25).threads(2).build();
        ActorCriticConfig copy = config.toBuilder().build();
        assertEquals(config, copy);
        assertEquals(config.hashCode(), copy.hashCode());
        assertEquals(config.toString(), copy.toString());
        assertNotEquals(config, config.toBuilder().hiddenLayers(32, 16, 9).build());
        assertNotEquals(config, config.toBuilder().threads(1).build());
        assertNotEquals(config, config.toBuilder().noise(NoiseType.GAUSSIAN).build());
    }

    @Test
    void hiddenLayersAreCopiedInAndOut() {
        int[] widths = {64, 64};
        Builder builder = ActorCriticConfig.ddpg().hiddenLayers(widths);
        widths[0] = 1;
        ActorCriticConfig config = builder.build();
        assertArrayEquals(new int[] {64, 64}, config.hiddenLayers());
        config.hiddenLayers()[1] = 2;
        assertArrayEquals(new int[] {64, 64}, config.hiddenLayers());
        int[] direct = {8};
        ActorCriticConfig record = config.toBuilder().hiddenLayers(direct).build();
        direct[0] = 9;
        assertArrayEquals(new int[] {8}, record.hiddenLayers());
    }

    @Test
    void ddpgRejectsEachOfTd3sSettings() {
        ActorCriticConfig ddpg = ActorCriticConfig.ddpg().build();
        for (ActorCriticConfig td3Like : new ActorCriticConfig[] {ActorCriticConfig.td3().build(),
                ActorCriticConfig.zooPendulumTd3(), ddpg.toBuilder().critics(2).build(),
                ddpg.toBuilder().policyDelay(2).build(), ddpg.toBuilder().targetPolicyNoise(0.2).build()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ddpg(td3Like, 0));
            assertTrue(e.getMessage().contains("Td3"), e.getMessage());
            assertTrue(e.getMessage().contains(td3Like.critics() + " critics"), e.getMessage());
        }
    }

    @Test
    void td3AcceptsItsOwnAndDdpgsSettings() {
        ActorCriticConfig td3 = ActorCriticConfig.td3().build();
        ActorCriticConfig ddpg = ActorCriticConfig.ddpg().build();
        assertSame(td3, new Td3(td3, 0).config());
        assertSame(ddpg, new Td3(ddpg, 0).config());
        assertSame(ddpg, new Ddpg(ddpg, 0).config());
        assertEquals(ActorCriticConfig.zooPendulumDdpg(), new Ddpg(ActorCriticConfig.zooPendulumDdpg(), 1).config());
    }
}
