package org.psig.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/** The schemas of the newest release, as frozen under {@code schemas/released/v<N>}. */
final class ReleasedSchemas {

    private final Path directory;
    private Schema.Parser parser = new Schema.Parser();

    private ReleasedSchemas(Path directory) {
        this.directory = directory;
    }

    static ReleasedSchemas newest(Path releasedRoot) {
        List<ReleasedSchemas> all = all(releasedRoot);
        return all.get(all.size() - 1);
    }

    /** Every release, oldest first: a record written with any of them must stay readable. */
    static List<ReleasedSchemas> all(Path releasedRoot) {
        try (Stream<Path> versions = Files.list(releasedRoot)) {
            List<ReleasedSchemas> all = versions.filter(p -> p.getFileName().toString().matches("v\\d+"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(1))))
                    .map(directory -> new ReleasedSchemas(directory).parseAll()).toList();
            if (all.isEmpty()) {
                throw new IllegalStateException("No released schema version under " + releasedRoot);
            }
            return all;
        }  catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    Schema schema(String fullName) {
        Schema schema = parser.getTypes().get(fullName);
        if (schema == null) {
            throw new IllegalStateException("Release " + directory + " has no schema " + fullName);
        }
        return schema;
    }

    List<String> recordNames() {
        return parser.getTypes().values().stream()
                .filter(s -> s.getType() == Schema.Type.RECORD).map(Schema::getFullName).sorted().toList();
    }

    /**
     * Files reference each other's named types and a parser cannot recover from a half-parsed file,
     * so a file whose types are not yet known moves to the end and parsing starts over.
     */
    private ReleasedSchemas parseAll() {
        List<Path> order;
        try (Stream<Path> files = Files.list(directory)) {
            order = new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt <= order.size() * order.size(); attempt++) {
            parser = new Schema.Parser();
            Path failed = parseInOrder(order);
            if (failed == null) {
                return this;
            }
            order.remove(failed);
            order.add(failed);
        }
        throw new IllegalStateException("Cannot resolve the released schemas in " + directory);
    }

    private Path parseInOrder(List<Path> order) {
        for (Path file : order) {
            try {
                parser.parse(file.toFile());
            } catch (AvroRuntimeException unresolved) {
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
