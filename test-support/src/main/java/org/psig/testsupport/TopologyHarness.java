package org.psig.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A service's topology on Kafka Streams' test driver, its values in the {@link FakeRegistry}: records
 * in, records out, stores to look into, all in one thread and without a broker.
 */
public final class TopologyHarness implements AutoCloseable {

    private final FakeRegistry registry;
    private final TopologyTestDriver driver;
    private final Path stateDir;

    public TopologyHarness(FakeRegistry registry, Consumer<StreamsBuilder> topology) {
        this.registry = registry;
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        try {
            stateDir = Files.createTempDirectory("topology-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
    }

    public void pipe(String topic, String key, SpecificRecord value) {
        pipeRaw(topic, key, registry.write(value), new RecordHeaders());
    }

    public void pipeRaw(String topic, String key, byte[] value, Headers headers) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(new TestRecord<>(key, value, headers));
    }

    /** Every record sent to {@code topic} since it was last read, values decoded. */
    public List<TestRecord<String, Object>> read(String topic) {
        return readRaw(topic).stream()
                .map(record -> new TestRecord<>(record.key(), registry.read(record.value()), record.headers()))
                .toList();
    }

    /** Every record sent to {@code topic} since it was last read, values as they were written. */
    public List<TestRecord<String, byte[]>> readRaw(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    public KeyValueStore<String, String> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
        Directories.delete(stateDir);
    }
}
