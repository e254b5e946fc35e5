package org.psig.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A slow member of a Kafka Streams service's group (same application id, same input topic, so the
 * group's assignor gives it the service's tasks): once it holds a task, its stream thread stalls
 * past its {@code max.poll.interval.ms}, so the group expels it, then the thread fails, is replaced,
 * and joins again. Each expulsion and each return rebalances the group: a rebalance storm, for as
 * long as it runs. It commits nothing: it forwards no record, and a failed thread's transaction is
 * aborted, so what it was given is the real instances' to process again.
 */
public final class SlowMember {

    private static final int MAX_POLL_INTERVAL_MS = 3_000;

    private SlowMember() {
    }

    /** Runs the storm for {@code duration}; returns how many times the group gave it partitions. */
    public static int storm(String bootstrap, String applicationId, String topic, Duration duration) {
        return storm(bootstrap, applicationId, topic, duration, 0, duration);
    }

    /**
     * Runs the storm for {@code duration}, and longer (up to {@code atMost}) until the group gave it
     * partitions {@code assignments} times: on a busy machine joining takes a while, and a storm that
     * never got in forced no rebalance. Returns how many times it got partitions.
     */
    public static int storm(String bootstrap, String applicationId, String topic, Duration duration, int assignments,
                            Duration atMost) {
        AtomicInteger given = new AtomicInteger();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .process(() -> new Stalling(given));
        Path stateDir = stateDir();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, "chaos-slow-member");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), MAX_POLL_INTERVAL_MS);
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        long last = begin + atMost.toNanos();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(quietForStalls(before));
        try (KafkaStreams member = new KafkaStreams(builder.build(), config)) {
            member.setUncaughtExceptionHandler(failure -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
            member.start();
            while (System.nanoTime() < end || (given.get() < assignments && System.nanoTime() < last)) {
                Sleeps.millis(200);
            }
            member.close(Duration.ofSeconds(30));
            member.cleanUp();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        return given.get();
    }

    /**
     * A replaced stream thread ends with its failure, which the JVM would print whole: the storm's
     * own failures are expected, so they are one line each; anything else is printed as before.
     */
    private static Thread.UncaughtExceptionHandler quietForStalls(Thread.UncaughtExceptionHandler before) {
        return (thread, failure) -> {
            if (isStall(failure)) {
                Bench.log("  the slow member's thread " + thread.getName() + " failed, as planned; Streams replaces it");
            } else if (before != null) {
                before.uncaughtException(thread, failure);
            } else {
                thread.getThreadGroup().uncaughtException(thread, failure);
            }
        };
    }

    static boolean isStall(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Stall) {
                return true;
            }
        }
        return false;
    }

    /** The failure the slow member throws on purpose. */
    static final class Stall extends IllegalStateException {
        Stall() {
            super("The slow member fails its thread, as expelled members do");
        }
    }

    private static Path stateDir() {
        try {
            return Files.createTempDirectory("chaos-slow-member-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stalls its thread as soon as it holds a task, whether or not records arrive, then fails it. */
    private static final class Stalling implements Processor<byte[], byte[], Void, Void> {

        private final AtomicInteger given;

        Stalling(AtomicInteger given) {
            this.given = given;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            context.schedule(Duration.ofMillis(100), PunctuationType.WALL_CLOCK_TIME, now -> stall());
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            stall();
        }

        private void stall() {
            given.incrementAndGet();
            // Slow: the thread stalls past max.poll.interval.ms; the heartbeat thread then leaves the group.
            Sleeps.millis(MAX_POLL_INTERVAL_MS + 1_500);
            throw new Stall();
        }
    }
}
