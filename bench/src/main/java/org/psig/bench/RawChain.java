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
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Produce (acks=all, idempotent) to hop 1; two relays consume read_committed and produce to the next
 * hop in one transaction per record, as triage and notification do; a read_committed reader at the
 * end records each record's latency from its intended send time, at the same open-loop rate.
 */
final class RawChain {

    private static final List<String> HOPS = List.of("bench.hop1", "bench.hop2", "bench.hop3");
    /** As many relays per hop as triage and notification run consumer threads (spring.kafka.listener.concurrency). */
    static final int RELAYS_PER_HOP = Integer.getInteger("psig.bench.relays", 3);

    private final String bootstrap;
    private final int recordSize;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    RawChain(String bootstrap, int recordSize) {
        this.bootstrap = bootstrap;
        this.recordSize = recordSize;
    }

    /** Runs {@code perSecond} records a second for {@code duration}; returns their latencies. */
    Latencies run(double perSecond, Duration duration) throws Exception {
        createTopics();
        long count = Math.round(perSecond * duration.toSeconds());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong received = new AtomicLong();
        CountDownLatch assigned = new CountDownLatch(2 * RELAYS_PER_HOP + 1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < RELAYS_PER_HOP; i++) {
            threads.add(thread("relay-1-" + i, () -> relay(HOPS.get(0), HOPS.get(1), running, assigned)));
            threads.add(thread("relay-2-" + i, () -> relay(HOPS.get(1), HOPS.get(2), running, assigned)));
        }
        LatenciesRef ref = new LatenciesRef();
        threads.add(thread("reader", () -> read(HOPS.get(2), ref, received, running, assigned)));
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the raw chain's consumers got no partitions within 60 s");
        }
        long start = System.nanoTime() + 500_000_000L;
        Latencies latencies = new Latencies(start);
        ref.set(latencies);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(null),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long interval = Math.round(1e9 / perSecond);
            for (long i = 0; i < count; i++) {
                long intended = start + i * interval;
                Sleeps.until(intended);
                byte[] value = new byte[recordSize];
                ByteBuffer.wrap(value).putLong(intended);
                producer.send(new ProducerRecord<>(HOPS.get(0), Long.toString(i).getBytes(), value));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.get() < count && System.nanoTime() < deadline) {
            Sleeps.millis(100);
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        return latencies;
    }

    /** Set once the consumers are ready, before the first record is sent. */
    private static final class LatenciesRef {
        private volatile Latencies latencies;

        void set(Latencies value) {
            latencies = value;
        }

        Latencies get() {
            return latencies;
        }
    }

    private void relay(String from, String to, AtomicBoolean running, CountDownLatch assigned) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("bench-relay-" + from + "-" + run);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig("bench-" + from + "-" + run
                     + "-" + Thread.currentThread().getName()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(from));
            awaitAssignment(consumer, assigned);
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    producer.sendOffsetsToTransaction(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)), consumer.groupMetadata());
                    producer.commitTransaction();
                }
            }
        }
    }

    private void read(String topic, LatenciesRef latencies, AtomicLong received, AtomicBoolean running,
                      CountDownLatch assigned) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("bench-reader-" + run)) {
            consumer.subscribe(List.of(topic));
            awaitAssignment(consumer, assigned);
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies.get().record(ByteBuffer.wrap(record.value()).getLong(), System.nanoTime());
                    received.incrementAndGet();
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
        // As the pipeline's consumers (psig-kafka.yml): a committed record is not left waiting 500 ms.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 25);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The pipeline's producer settings (psig-kafka.yml): acks=all, idempotent, no linger, 1 ms retry backoff. */
    private Map<String, Object> producerConfig(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, Integer.getInteger("psig.bench.retryBackoffMs", 1));
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
