package org.psig.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The physical limit the pipeline is compared with: the same three hops with nothing in between.
 * Produce (acks=all, idempotent) to hop 1; relays consume read_committed and produce to the next hop
 * in Kafka transactions; a read_committed reader at the end records each record's latency from its
 * intended send time, at the same open-loop rate, and counts what was lost or duplicated.
 */
final class RawChain {

    /** How the relays use transactions. */
    enum Pattern {
        /** One transaction per poll batch, one relay per hop: the best exactly-once chain raw Kafka gives. */
        BATCH_TRANSACTION("one transaction per poll batch", 1),
        /** One transaction per record, three relays per hop: the pattern the pipeline used before. */
        RECORD_TRANSACTION("one transaction per record", 3);

        final String description;
        final int relaysPerHop;

        Pattern(String description, int relaysPerHop) {
            this.description = description;
            this.relaysPerHop = relaysPerHop;
        }
    }

    private static final List<String> HOPS = List.of("bench.hop1", "bench.hop2", "bench.hop3");
    /** How long the end of a run may take to arrive: a chain that fell behind needs its queue drained. */
    private static final Duration DRAIN = Duration.ofSeconds(180);
    /**
     * A read_committed fetch that finds nothing new waits this long, and an upstream commit does not
     * end the wait: 10 ms gave the chain its lowest latency (shared/infra), at the cost of idle fetches.
     */
    private static final int FETCH_MAX_WAIT_MS = 10;

    private final String bootstrap;
    private final int recordSize;
    private final Pattern pattern;

    RawChain(String bootstrap, int recordSize, Pattern pattern) {
        this.bootstrap = bootstrap;
        this.recordSize = recordSize;
        this.pattern = pattern;
    }

    /** Runs {@code perSecond} records a second for {@code duration}. */
    ChainRun run(double perSecond, Duration duration) throws Exception {
        createTopics();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int count = (int) Math.round(perSecond * duration.toSeconds());
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(2 * pattern.relaysPerHop + 1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < pattern.relaysPerHop; i++) {
            for (int hop = 0; hop < 2; hop++) {
                String from = HOPS.get(hop);
                String to = HOPS.get(hop + 1);
                String id = run + "-" + hop + "-" + i;
                threads.add(thread("relay-" + id, () -> relay(from, to, run, id, running, assigned)));
            }
        }
        Arrival arrival = new Arrival(count);
        threads.add(thread("reader-" + run, () -> read(HOPS.get(2), run, arrival, running, assigned)));
        try {
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the raw chain's consumers got no partitions within 60 s");
            }
            long start = System.nanoTime() + 500_000_000L;
            arrival.start(start);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(null),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                long interval = Math.round(1e9 / perSecond);
                for (int i = 0; i < count; i++) {
                    long intended = start + i * interval;
                    Sleeps.until(intended);
                    byte[] value = new byte[recordSize];
                    ByteBuffer.wrap(value).putLong(intended).putInt(i);
                    producer.send(new ProducerRecord<>(HOPS.get(0), Integer.toString(i).getBytes(), value));
                }
            }
            arrival.awaitAll(DRAIN);
        } finally {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
        return arrival.result(pattern, perSecond);
    }

    private void relay(String from, String to, String run, String id, AtomicBoolean running, CountDownLatch assigned) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("bench-relay-" + from + "-" + run);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig("bench-" + id),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(from));
            awaitAssignment(consumer, assigned);
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (pattern == Pattern.BATCH_TRANSACTION) {
                    relayBatch(records, to, consumer, producer);
                } else {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        relayBatch(List.of(record), to, consumer, producer);
                    }
                }
            }
        }
    }

    private static void relayBatch(Iterable<ConsumerRecord<byte[], byte[]>> records, String to,
                                   KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (offsets.isEmpty()) {
                producer.beginTransaction();
            }
            producer.send(new ProducerRecord<>(to, record.key(), record.value()));
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        }
    }

    private void read(String topic, String run, Arrival arrival, AtomicBoolean running, CountDownLatch assigned) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("bench-reader-" + run)) {
            consumer.subscribe(List.of(topic));
            awaitAssignment(consumer, assigned);
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    ByteBuffer value = ByteBuffer.wrap(record.value());
                    arrival.arrived(value.getLong(), value.getInt(), System.nanoTime());
                }
            }
        }
    }

    /** Polls until the group gave this consumer its partitions (and positioned it at their end). */
    private static void awaitAssignment(KafkaConsumer<byte[], byte[]> consumer, CountDownLatch assigned) {
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
        assigned.countDown();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The pipeline's producer settings: acks=all, idempotent, no linger, 1 ms retry backoff. */
    private Map<String, Object> producerConfig(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 1);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return config;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = HOPS.stream().filter(hop -> !existing.contains(hop))
                    .map(hop -> new NewTopic(hop, 6, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, "raw-chain-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
