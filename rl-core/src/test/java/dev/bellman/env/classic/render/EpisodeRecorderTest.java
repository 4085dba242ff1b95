package dev.bellman.env.classic.render;

import dev.bellman.core.Environment;
import dev.bellman.core.Policy;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EpisodeRecorder runs a random-policy CartPole episode into a GIF read back afterwards. */
class EpisodeRecorderTest {

    private static final Policy<double[], Integer> RANDOM = (observation, random) -> random.nextInt(2);

    private static byte[] recordCartPole(long seed, int maxFrames, EpisodeRecording[] result) throws IOException {
        Environment<double[], Integer> environment = Environments.make("CartPole-v1", Integer.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AnimatedGif gif = AnimatedGif.create(bytes, 20)) {
            result[0] = EpisodeRecorder.record(environment, RANDOM, seed, gif, maxFrames);
            assertEquals(result[0].frames(), gif.frameCount());
        }
        return bytes.toByteArray();
    }

    @Test
    void wholeEpisodeHasOneFramePerStepPlusTheReset() throws IOException {
        EpisodeRecording[] result = new EpisodeRecording[1];
        byte[] gif = recordCartPole(0, EpisodeRecorder.NO_FRAME_LIMIT, result);
        EpisodeRecording recording = result[0];
        assertTrue(recording.episodeEnded());
        assertTrue(recording.steps() >= 1);
        assertEquals(recording.steps() + 1, recording.frames());
        assertEquals(recording.steps(), recording.episodeReturn(), 0.0, "CartPole pays +1 per step");
        GifReading reading = GifReading.of(gif);
        assertEquals(recording.frames(), reading.frames().size());
        assertEquals(600, reading.frames().get(0).getWidth());
        assertEquals(400, reading.frames().get(0).getHeight());
    }

    @Test
    void frameLimitStopsTheEpisodeEarly() throws IOException {
        EpisodeRecording[] result = new EpisodeRecording[1];
        byte[] gif = recordCartPole(0, 3, result);
        assertEquals(new EpisodeRecording(3, 2, 2.0, false), result[0]);
        assertEquals(3, GifReading.of(gif).frames().size());
    }

    @Test
    void sameSeedRecordsTheSameEpisode() throws IOException {
        EpisodeRecording[] first = new EpisodeRecording[1];
        EpisodeRecording[] second = new EpisodeRecording[1];
        assertArrayEquals(recordCartPole(7, EpisodeRecorder.NO_FRAME_LIMIT, first),
                recordCartPole(7, EpisodeRecorder.NO_FRAME_LIMIT, second));
        assertEquals(first[0], second[0]);
    }

    @Test
    void badArgumentsAreRejected() throws IOException {
        Environment<double[], Integer> environment = Environments.make("CartPole-v1", Integer.class);
        try (AnimatedGif gif = AnimatedGif.create(new ByteArrayOutputStream(), 20)) {
            assertThrows(IllegalArgumentException.class, () -> EpisodeRecorder.record(environment, RANDOM, 0, gif, 0));
            assertThrows(IllegalArgumentException.class, () -> EpisodeRecorder.record(environment, null, 0, gif));
            assertThrows(IllegalArgumentException.class, () -> EpisodeRecorder.record(environment, RANDOM, 0, null));
            assertThrows(IllegalArgumentException.class, () -> EpisodeRecorder.record(null, RANDOM, 0, gif));
            assertFalse(gif.frameCount() > 0, "nothing was recorded");
            gif.append(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));
        }
    }
}
