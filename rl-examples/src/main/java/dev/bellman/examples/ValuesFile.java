package dev.bellman.examples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes state values for {@code --values-out}: one little-endian float64 per state, in state order,
 * with no header ({@code 8·S} bytes), so that {@code numpy.fromfile(path, dtype='<f8')} reads them.
 */
final class ValuesFile {

    private static final int BUFFER_BYTES = 1 << 20;

    private ValuesFile() {
    }

    /**
     * @throws IllegalArgumentException naming {@code option} and the file, if it cannot be written
     */
    static void write(double[] values, Path file, String option) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (double value : values) {
                if (!buffer.hasRemaining()) {
                    drain(buffer, channel);
                }
                buffer.putDouble(value);
            }
            drain(buffer, channel);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot be written (" + OptionChecks.describe(e) + ")");
        }
    }

    private static void drain(ByteBuffer buffer, FileChannel channel) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
