package org.psig.kafka;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * Apicurio's Avro serializer, minus its most expensive habit: to find a record's schema in its cache
 * it renders the whole schema to JSON for every record. Profiling the services under load showed
 * that rendering as the hottest frame. A generated class has one schema instance for the life of
 * the JVM, so the parsed schema is kept per instance and computed once.
 */
public class SchemaOnceAvroSerializer<U> extends AvroKafkaSerializer<U> {

    private volatile SchemaOnceParser<U> parser;

    @Override
    public SchemaParser<Schema, U> schemaParser() {
        SchemaParser<Schema, U> delegate = super.schemaParser();
        SchemaOnceParser<U> current = parser;
        if (current == null || current.delegate != delegate) {
            current = new SchemaOnceParser<>(delegate);
            parser = current;
        }
        return current;
    }

    /** Delegates everything, remembering the parsed schema of each schema instance. */
    static final class SchemaOnceParser<U> implements SchemaParser<Schema, U> {

        private final SchemaParser<Schema, U> delegate;
        private final Map<Schema, ParsedSchema<Schema>> parsed = Collections.synchronizedMap(new IdentityHashMap<>());
        private final Map<Schema, ParsedSchema<Schema>> dereferenced = Collections.synchronizedMap(new IdentityHashMap<>());

        SchemaOnceParser(SchemaParser<Schema, U> delegate) {
            this.delegate = delegate;
        }

        @Override
        public String artifactType() {
            return delegate.artifactType();
        }

        @Override
        public Schema parseSchema(byte[] rawSchema, Map<String, ParsedSchema<Schema>> references) {
            return delegate.parseSchema(rawSchema, references);
        }

        @Override
        public ParsedSchema<Schema> getSchemaFromData(Record<U> data) {
            if (data.payload() instanceof GenericContainer container) {
                return parsed.computeIfAbsent(container.getSchema(), schema -> delegate.getSchemaFromData(data));
            }
            return delegate.getSchemaFromData(data);
        }

        @Override
        public ParsedSchema<Schema> getSchemaFromData(Record<U> data, boolean dereference) {
            if (data.payload() instanceof GenericContainer container) {
                return (dereference ? dereferenced : parsed).computeIfAbsent(container.getSchema(),
                        schema -> delegate.getSchemaFromData(data, dereference));
            }
            return delegate.getSchemaFromData(data, dereference);
        }

        @Override
        public ParsedSchema<Schema> getSchemaFromLocation(String location) {
            return delegate.getSchemaFromLocation(location);
        }

        @Override
        public boolean supportsExtractSchemaFromData() {
            return delegate.supportsExtractSchemaFromData();
        }

        @Override
        public boolean supportsGetSchemaFromLocation() {
            return delegate.supportsGetSchemaFromLocation();
        }
    }
}
