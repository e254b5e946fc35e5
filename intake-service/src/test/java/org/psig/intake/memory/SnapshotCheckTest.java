package org.psig.intake.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A snapshot stands for the beginning of the topics only if they are the topics it read, and reach as far. */
class SnapshotCheckTest {

    private static final String TOPIC = "psig.incident.reported";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final SnapshotFile.Coverage COVERAGE = new SnapshotFile.Coverage(Instant.EPOCH,
            Map.of(TOPIC, "id-1"), Map.of(P0, 100L, P1, 0L));

    static Stream<Arguments> topicsNow() {
        return Stream.of(
                Arguments.of("the same topics, further on", Map.of(TOPIC, "id-1"), Map.of(P0, 150L, P1, 3L), null),
                Arguments.of("the same topics, nothing new", Map.of(TOPIC, "id-1"), Map.of(P0, 100L, P1, 0L), null),
                Arguments.of("a partition added since", Map.of(TOPIC, "id-1"), Map.of(P0, 100L, P1, 0L,
                        new TopicPartition(TOPIC, 2), 9L), null),
                Arguments.of("the topic created again", Map.of(TOPIC, "id-2"), Map.of(P0, 150L, P1, 3L),
                        "is not the one it read"),
                Arguments.of("the topic deleted", Map.of(), Map.of(P0, 150L, P1, 3L), "now absent"),
                Arguments.of("records it read are gone", Map.of(TOPIC, "id-1"), Map.of(P0, 99L, P1, 3L),
                        "now ends at 99"),
                Arguments.of("a partition it read is gone", Map.of(TOPIC, "id-1"), Map.of(P0, 150L), "is gone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicsNow")
    void shouldUseTheSnapshotOnlyForTheTopicsItRead(String situation, Map<String, String> ids,
                                                      Map<TopicPartition, Long> ends, String refusal) {
        Optional<String> unusable = SnapshotCheck.unusable(COVERAGE, ids, ends);

        if (refusal == null) {
            assertThat(unusable).isEmpty();
        } else {
            assertThat(unusable).get().asString().contains(refusal);
        }
    }
}
