package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFilesTest {

    private static final MlpConfig DUELING =
            new MlpConfig(new int[] {4, 16, 8, 3}, Activation.RELU, Activation.IDENTITY, true);

    @TempDir
    Path directory;

    private static void trainStep(Mlp net, Optimizer optimizer, INDArray input, INDArray target) {
        INDArray gradient = Nd4j.create(DataType.FLOAT, target.rows(), target.columns());
        Losses.huber(net.forward(input), target, 1.0, gradient);
        net.backward(gradient);
        optimizer.step(net);
    }

    @Test
    void saveThenLoadGivesIdenticalOutputsAndIdenticalContinuedTraining() throws IOException {
        INDArray input = Nd4j.rand(DataType.FLOAT, 8, 4);
        INDArray target = Nd4j.rand(DataType.FLOAT, 8, 3);
        Mlp net = new Mlp(DUELING, 9);
        Adam adam = new Adam(1e-2);
        for (int i = 0; i < 3; i++) {
            trainStep(net, adam, input, target);
        }
        Path file = directory.resolve("model.bin");
        ModelFiles.save(file, net, adam);

        ModelFiles.Loaded loaded = ModelFiles.loadWithOptimizer(file);
        Mlp restored = loaded.net();
        assertEquals(DUELING, restored.config());
        assertArrayEquals(net.parameterValues(), restored.parameterValues());
        assertEquals(net.forward(input).dup(), restored.forward(input).dup());
        Adam restoredAdam = assertInstanceOf(Adam.class, loaded.optimizer().orElseThrow());
        assertEquals(3, restoredAdam.stepCount());
        assertEquals(1e-2, restoredAdam.learningRate());

        trainStep(net, adam, input, target);
        trainStep(restored, restoredAdam, input, target);
        assertArrayEquals(net.parameterValues(), restored.parameterValues());
        try (Stream<Path> files = Files.list(directory)) {
            assertTrue(files.allMatch(file::equals), "no temporary file may remain");
        }
    }

    @Test
    void rmsPropAndSgdAndNoOptimizerRoundTrip() throws IOException {
        Mlp net = new Mlp(new MlpConfig(new int[] {2, 3}, Activation.TANH, Activation.TANH), 1);
        RmsProp rmsProp = new RmsProp(0.02, 0.9, 1e-6);
        trainStep(net, rmsProp, Nd4j.rand(DataType.FLOAT, 2, 2), Nd4j.rand(DataType.FLOAT, 2, 3));
        Path file = directory.resolve("rms.bin");
        ModelFiles.save(file, net, rmsProp);
        RmsProp loaded = assertInstanceOf(RmsProp.class, ModelFiles.loadWithOptimizer(file).optimizer().orElseThrow());
        assertArrayEquals(rmsProp.squareAverages(), loaded.squareAverages());
        assertEquals(0.9, loaded.alpha());

        ModelFiles.save(file, net, new Sgd(0.3));
        assertEquals(0.3, assertInstanceOf(Sgd.class,
                ModelFiles.loadWithOptimizer(file).optimizer().orElseThrow()).learningRate());

        ModelFiles.save(file, net);
        assertTrue(ModelFiles.loadWithOptimizer(file).optimizer().isEmpty());
        assertArrayEquals(net.parameterValues(), ModelFiles.load(file).parameterValues());
    }

    @Test
    void unsteppedAdamRoundTrips() throws IOException {
        Mlp net = new Mlp(DUELING, 2);
        Path file = directory.resolve("fresh.bin");
        ModelFiles.save(file, net, new Adam());
        Adam loaded = assertInstanceOf(Adam.class, ModelFiles.loadWithOptimizer(file).optimizer().orElseThrow());
        assertEquals(0, loaded.stepCount());
        assertEquals(0, loaded.firstMoments().length);
    }

    @Test
    void truncatedFileIsReportedAsTruncated() throws IOException {
        Path file = directory.resolve("model.bin");
        ModelFiles.save(file, new Mlp(DUELING, 1), new Adam());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
        assertMessage(file, "truncated");
        Files.write(file, Arrays.copyOf(bytes, 6));
        assertMessage(file, "truncated");
    }

    @Test
    void wrongMagicIsReported() throws IOException {
        Path file = directory.resolve("model.bin");
        Files.write(file, "PK\u0003\u0004 not a model at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertMessage(file, "not a Bellman model file");
    }

    @Test
    void unknownVersionIsReported() throws IOException {
        Path file = directory.resolve("model.bin");
        ModelFiles.save(file, new Mlp(DUELING, 1));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(4, 99);
        Files.write(file, bytes);
        assertMessage(file, "unknown model format version 99");
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        Path file = directory.resolve("model.bin");
        ModelFiles.save(file, new Mlp(DUELING, 1));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 1));
        assertMessage(file, "unexpected bytes");
    }

    private static void assertMessage(Path file, String fragment) {
        InvalidModelFileException thrown = assertThrows(InvalidModelFileException.class, () -> ModelFiles.load(file));
        assertTrue(thrown.getMessage().contains(fragment), thrown.getMessage());
    }
}
