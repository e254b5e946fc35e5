package org.psig.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails the build when a schema change is not BACKWARD compatible: consumers built on the current
 * schemas must still read every record written with any released ones (the topics keep ten years).
 */
class SchemaCompatibilityTest {

    private static final ReleasedSchemas RELEASED = ReleasedSchemas.newest(Path.of("released"));

    static Stream<Arguments> releasedRecords() {
        return ReleasedSchemas.all(Path.of("released")).stream().flatMap(release -> release.recordNames().stream()
                .map(name -> Arguments.of(release.directory().getFileName().toString(), name, release)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("releasedRecords")
    void shouldReadEveryRecordWrittenWithAReleasedSchema(String version, String recordName, ReleasedSchemas release)
            throws ClassNotFoundException {
        Schema current = SpecificData.get().getSchema(Class.forName(recordName));
        Schema released = release.schema(recordName);

        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);

        assertThat(result.getType())
                .as("%s is not BACKWARD compatible with %s: %s", recordName, version, result.getResult())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldDetectARemovedDefaultAsIncompatible() {
        Schema released = RELEASED.schema(IncidentReported.class.getName());
        Schema withNewRequiredField = new Schema.Parser().parse(released.toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},"));

        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(withNewRequiredField, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void shouldKeepEveryTopicValueSchemaReleased() {
        assertThat(RELEASED.recordNames()).contains(
                IncidentReported.class.getName(), IncidentTriaged.class.getName(),
                ArsNotification.class.getName(), HfdsNotification.class.getName(),
                Campaign.class.getName(), CampaignAlert.class.getName());
    }
}
