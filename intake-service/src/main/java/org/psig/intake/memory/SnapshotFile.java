package org.psig.intake.memory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.apache.kafka.common.TopicPartition;

/**
 * One memory's snapshot on disk: what it covers ({@link Coverage}), then its body, then a CRC-32 of
 * both. A snapshot is a cache of what the topics say: a torn or foreign file fails its checks and the
 * topics are read whole instead, so it is replaced atomically but not fsynced.
 */
public final class SnapshotFile {

    private static final int MAGIC = 0x50534947;
    private static final int FORMAT = 1;

    private SnapshotFile() {
    }

    /**
     * What a snapshot holds: every record of each partition before its position, read from topics
     * that had these ids (a topic deleted and created again has another).
     */
    public record Coverage(Instant writtenAt, Map<String, String> topicIds, Map<TopicPartition, Long> positions) {

        public Coverage {
            topicIds = Map.copyOf(topicIds);
            positions = Map.copyOf(positions);
        }
    }

    /** Writes a memory's content. */
    public interface BodyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads back what the matching {@link BodyWriter} wrote. */
    public interface BodyReader<T> {
        T read(DataInputStream in) throws IOException;
    }

    public record Content<T>(Coverage coverage, T body) {
    }

    public static void write(Path file, String kind, Coverage coverage, BodyWriter body) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(kind);
            writeCoverage(out, coverage);
            body.write(out);
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The snapshot's content; an {@link IOException} when the file is not a whole snapshot of this kind. */
    public static <T> Content<T> read(Path file, String kind, BodyReader<T> body) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(kind)) {
                throw new IOException("not a snapshot of " + kind + " in format " + FORMAT);
            }
            Coverage coverage = readCoverage(in);
            T content = body.read(in);
            long computed = crc.getValue();
            if (new DataInputStream(raw).readLong() != computed || raw.read() != -1) {
                throw new IOException("checksum mismatch: the file is torn or was changed");
            }
            return new Content<>(coverage, content);
        }
    }

    private static void writeCoverage(DataOutputStream out, Coverage coverage) throws IOException {
        out.writeLong(coverage.writtenAt().toEpochMilli());
        out.writeInt(coverage.topicIds().size());
        for (Map.Entry<String, String> topic : coverage.topicIds().entrySet()) {
            out.writeUTF(topic.getKey());
            out.writeUTF(topic.getValue());
        }
        out.writeInt(coverage.positions().size());
        for (Map.Entry<TopicPartition, Long> position : coverage.positions().entrySet()) {
            out.writeUTF(position.getKey().topic());
            out.writeInt(position.getKey().partition());
            out.writeLong(position.getValue());
        }
    }

    private static Coverage readCoverage(DataInputStream in) throws IOException {
        Instant writtenAt = Instant.ofEpochMilli(in.readLong());
        Map<String, String> topicIds = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            topicIds.put(in.readUTF(), in.readUTF());
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            positions.put(new TopicPartition(in.readUTF(), in.readInt()), in.readLong());
        }
        return new Coverage(writtenAt, topicIds, positions);
    }
}
