package org.psig.console.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The exports are validated against a copy of ../shared/standards in the test resources, so that a
 * clone anywhere can run them; where the shared folder sits beside the checkout, the copy must not
 * have drifted from it.
 */
class StandardsCopyTest {

    private static final Path SHARED = Path.of("..", "..", "shared", "standards");
    private static final Path COPY = Path.of("src", "test", "resources", "standards");

    @Test
    void shouldBeTheSharedStandardsUnchanged() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "../shared/standards is not beside this checkout");
        List<Path> shared = files(SHARED);

        assertThat(files(COPY)).isEqualTo(shared);
        for (Path file : shared) {
            assertThat(Files.mismatch(SHARED.resolve(file), COPY.resolve(file))).as(file.toString()).isEqualTo(-1L);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
