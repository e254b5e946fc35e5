package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starts ./psig bench measures in bash reach the results as numbers, or as unknown. */
class FootprintTest {

    @TempDir
    Path directory;

    @Test
    void shouldReadEachServiceStartedAloneAndTheStack() throws IOException {
        Path file = Files.writeString(directory.resolve("alone.txt"),
                "intake-service 4812 296\ntriage-service 3507 292\nnotification-service 3990 281\nstack 34\n");

        Footprint.Starts starts = Footprint.starts(Optional.of(file));

        assertThat(starts.stackReadySeconds()).isEqualTo(34.0);
        assertThat(starts.aloneReadySeconds()).containsExactly(Map.entry("intake-service", 4.812),
                Map.entry("triage-service", 3.507), Map.entry("notification-service", 3.99));
        assertThat(starts.aloneRssMb()).containsEntry("intake-service", 296L).hasSize(3);
    }

    @Test
    void shouldTellUnknownRatherThanGuessFromAFileItCannotRead() throws IOException {
        Path garbled = Files.writeString(directory.resolve("alone.txt"), "intake-service four 296\n");

        assertThat(Footprint.starts(Optional.of(garbled))).isEqualTo(Footprint.Starts.UNKNOWN);
        assertThat(Footprint.starts(Optional.of(directory.resolve("missing.txt")))).isEqualTo(Footprint.Starts.UNKNOWN);
        assertThat(Footprint.starts(Optional.empty())).isEqualTo(Footprint.Starts.UNKNOWN);
    }
}
