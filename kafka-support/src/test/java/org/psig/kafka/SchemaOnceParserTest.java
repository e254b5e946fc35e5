package org.psig.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.data.Record;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.psig.schemas.Verdict;

class SchemaOnceParserTest {

    @SuppressWarnings("unchecked")
    private final SchemaParser<Schema, Object> delegate = mock(SchemaParser.class);
    private final SchemaOnceAvroSerializer.SchemaOnceParser<Object> parser =
            new SchemaOnceAvroSerializer.SchemaOnceParser<>(delegate);

    @Test
    @SuppressWarnings("unchecked")
    void shouldParseEachSchemaOnceWhateverTheNumberOfRecords() {
        ParsedSchema<Schema> parsed = mock(ParsedSchema.class);
        when(delegate.getSchemaFromData(any(), any(Boolean.class))).thenReturn(parsed);

        for (int i = 0; i < 100; i++) {
            assertThat(parser.getSchemaFromData(record(new Verdict()), false)).isSameAs(parsed);
        }

        verify(delegate, times(1)).getSchemaFromData(any(), any(Boolean.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepDereferencedSchemasApart() {
        when(delegate.getSchemaFromData(any(), any(Boolean.class))).thenAnswer(call -> mock(ParsedSchema.class));

        assertThat(parser.getSchemaFromData(record(new Verdict()), true))
                .isNotSameAs(parser.getSchemaFromData(record(new Verdict()), false));
    }

    private static Record<Object> record(Object payload) {
        return new Record<>() {
            @Override
            public io.apicurio.registry.resolver.data.Metadata metadata() {
                return null;
            }

            @Override
            public Object payload() {
                return payload;
            }
        };
    }
}
