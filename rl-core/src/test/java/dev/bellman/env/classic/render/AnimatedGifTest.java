package dev.bellman.env.classic.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.metadata.IIOMetadataNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AnimatedGif written, then read back with the JDK's GIF reader. */
class AnimatedGifTest {

    private static final Color[] COLORS = {new Color(255, 0, 0), new Color(0, 160, 0), new Color(20, 40, 230)};

    private static BufferedImage solid(Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return image;
    }

    private static byte[] threeFrames(int delayMillis) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AnimatedGif gif = AnimatedGif.create(bytes, delayMillis)) {
            for (Color color : COLORS) {
                gif.append(solid(color, 8, 6));
            }
            assertEquals(3, gif.frameCount());
        }
        return bytes.toByteArray();
    }

    @Test
    void threeSolidFramesReadBackWithTheirColoursDelayAndLoop() throws IOException {
        GifReading gif = GifReading.of(threeFrames(50));
        assertEquals(3, gif.frames().size());
        for (int i = 0; i < 3; i++) {
            BufferedImage frame = gif.frames().get(i);
            assertEquals(8, frame.getWidth());
            assertEquals(6, frame.getHeight());
            for (int[] pixel : new int[][] {{0, 0}, {7, 5}, {3, 2}}) {
                assertEquals(COLORS[i].getRGB(), frame.getRGB(pixel[0], pixel[1]), "frame " + i);
            }
            IIOMetadataNode control = gif.node(i, "GraphicControlExtension");
            assertNotNull(control, "graphic control extension of frame " + i);
            assertEquals("5", control.getAttribute("delayTime"), "50 ms is 5 hundredths");
            assertEquals("none", control.getAttribute("disposalMethod"));
            assertEquals("FALSE", control.getAttribute("transparentColorFlag"));
        }
        IIOMetadataNode loop = gif.node(0, "ApplicationExtension");
        assertNotNull(loop, "NETSCAPE2.0 extension on the first frame");
        assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
        assertEquals("2.0", loop.getAttribute("authenticationCode"));
        assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) loop.getUserObject(), "sub-block 1, loop count 0 (forever)");
        assertNull(gif.node(1, "ApplicationExtension"), "the loop extension is written once");
    }

    @Test
    void streamHoldsACompleteGifAndStaysOpen() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AnimatedGif gif = AnimatedGif.create(bytes, 100)) {
            gif.append(solid(Color.BLACK, 4, 4));
        }
        bytes.write(0);
        byte[] written = bytes.toByteArray();
        assertEquals("GIF89a", new String(written, 0, 6, StandardCharsets.US_ASCII));
        assertEquals(0x3B, written[written.length - 2], "trailer before the byte written after close");
    }

    @Test
    void framesAreWrittenAsTheyArriveNotAtClose() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AnimatedGif gif = AnimatedGif.create(bytes, 20)) {
            gif.append(solid(Color.RED, 64, 64));
            int afterOne = bytes.size();
            gif.append(solid(Color.BLUE, 64, 64));
            assertTrue(afterOne > 0 && bytes.size() > afterOne,
                    "bytes after one frame " + afterOne + ", after two " + bytes.size());
        }
    }

    @Test
    void loopCountIsWrittenLittleEndian() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AnimatedGif gif = AnimatedGif.create(bytes, 20, 300)) {
            gif.append(solid(Color.RED, 2, 2));
        }
        IIOMetadataNode loop = GifReading.of(bytes.toByteArray()).node(0, "ApplicationExtension");
        assertArrayEquals(new byte[] {1, 44, 1}, (byte[]) loop.getUserObject(), "300 = 1 × 256 + 44");
    }

    @Test
    void delayIsRoundedToHundredthsOfASecond() {
        assertEquals(1, AnimatedGif.delayInHundredths(1), "below 10 ms still shows for 10 ms");
        assertEquals(1, AnimatedGif.delayInHundredths(14));
        assertEquals(2, AnimatedGif.delayInHundredths(15), "halves round up");
        assertEquals(2, AnimatedGif.delayInHundredths(20));
        assertEquals(3, AnimatedGif.delayInHundredths(33));
        assertEquals(65_535, AnimatedGif.delayInHundredths(AnimatedGif.MAX_DELAY_MILLIS));
    }

    @Test
    void effectiveDelayIsReported() throws IOException {
        try (AnimatedGif gif = AnimatedGif.create(new ByteArrayOutputStream(), 33)) {
            assertEquals(30, gif.frameDelayMillis());
            gif.append(solid(Color.RED, 2, 2));
        }
    }

    @Test
    void delayMustBePositiveAndFitTheFormat() {
        for (int delay : new int[] {0, -10, AnimatedGif.MAX_DELAY_MILLIS + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AnimatedGif.create(new ByteArrayOutputStream(), delay));
            assertTrue(e.getMessage().contains(Integer.toString(delay)), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.create(new ByteArrayOutputStream(), 20, -1));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.create(new ByteArrayOutputStream(), 20, 65_536));
    }

    @Test
    void badDelayCreatesNoFile(@TempDir Path directory) {
        Path file = directory.resolve("never.gif");
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.create(file, 0));
        assertFalse(Files.exists(file));
    }

    @Test
    void framesOfAnotherSizeAreRejectedNamingBothSizes() throws IOException {
        try (AnimatedGif gif = AnimatedGif.create(new ByteArrayOutputStream(), 20)) {
            gif.append(solid(Color.RED, 8, 6));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gif.append(solid(Color.RED, 6, 8)));
            assertTrue(e.getMessage().contains("6x8") && e.getMessage().contains("8x6"), e.getMessage());
            assertEquals(1, gif.frameCount(), "the rejected frame is not counted");
        }
    }

    @Test
    void nullFrameIsRejected() throws IOException {
        try (AnimatedGif gif = AnimatedGif.create(new ByteArrayOutputStream(), 20)) {
            assertThrows(IllegalArgumentException.class, () -> gif.append(null));
            gif.append(solid(Color.RED, 2, 2));
        }
    }

    @Test
    void nullDestinationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.create((Path) null, 20));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.create((OutputStream) null, 20));
    }

    @Test
    void appendAfterCloseIsRejected() throws IOException {
        AnimatedGif gif = AnimatedGif.create(new ByteArrayOutputStream(), 20);
        gif.append(solid(Color.RED, 2, 2));
        gif.close();
        gif.close();
        assertThrows(IllegalStateException.class, () -> gif.append(solid(Color.RED, 2, 2)));
    }

    @Test
    void closingWithoutFramesFailsAndRemovesTheFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("empty.gif");
        AnimatedGif gif = AnimatedGif.create(file, 20);
        IllegalStateException e = assertThrows(IllegalStateException.class, gif::close);
        assertTrue(e.getMessage().contains("no frames"), e.getMessage());
        assertFalse(Files.exists(file), "an empty GIF is not left behind");
    }

    @Test
    void writeListsToAFileAndRejectsAnEmptyList(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("three.gif");
        Files.write(file, new byte[100_000]);
        AnimatedGif.write(file, List.of(solid(COLORS[0], 8, 6), solid(COLORS[1], 8, 6), solid(COLORS[2], 8, 6)), 40);
        assertTrue(Files.size(file) < 100_000, "an existing file is truncated");
        GifReading gif = GifReading.of(Files.readAllBytes(file));
        assertEquals(3, gif.frames().size());
        assertEquals(COLORS[2].getRGB(), gif.frames().get(2).getRGB(4, 3));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(directory.resolve("none.gif"), List.of(), 40));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(directory.resolve("none.gif"), null, 40));
    }

    @Test
    void translucentFramesAreComposedOverWhite() throws IOException {
        BufferedImage clear = new BufferedImage(3, 3, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AnimatedGif gif = AnimatedGif.create(bytes, 20)) {
            gif.append(clear);
        }
        GifReading gif = GifReading.of(bytes.toByteArray());
        assertEquals(Color.WHITE.getRGB(), gif.frames().get(0).getRGB(1, 1));
    }
}
