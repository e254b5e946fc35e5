package org.psig.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads topics from their beginning, read_committed and without a consumer group (every instance
 * sees every partition), hands each record to a sink, then follows them, on a thread of its own.
 * For the small topics a service keeps whole in memory: the console's board, triage's campaign
 * memberships. {@link #caughtUp()} tells when it has read what the topics held when it started.
 */
public final class TopicFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<String, Object> consumers;
    private final List<String> topics;
    private final String name;
    private final Sink sink;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile org.apache.kafka.clients.consumer.Consumer<String, Object> consumer;
    private volatile Thread reader;

    /** @param name names the thread and the client id, as in "console-feed" */
    public TopicFollower(ConsumerFactory<String, Object> consumers, List<String> topics, String name,
                         Sink sink) {
        this.consumers = consumers;
        this.topics = List.copyOf(topics);
        this.name = name;
        this.sink = sink;
    }

    /** Where the records go, on the follower's thread. */
    public interface Sink extends Consumer<ConsumerRecord<String, Object>> {

        /** Called once, when what the topics held at the start has all been handed over. */
        default void onCaughtUp() {
        }
    }

    public boolean caughtUp() {
        return caughtUp.get();
    }

    @Override
    public void start() {
        reader = new Thread(this::run, name);
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        try (org.apache.kafka.clients.consumer.Consumer<String, Object> opened = consumers.createConsumer(null, name)) {
            consumer = opened;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                partitions.addAll(partitionsOf(opened, topic));
            }
            opened.assign(partitions);
            opened.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = opened.endOffsets(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, Object> record : opened.poll(POLL)) {
                    sink.accept(record);
                }
                if (!caughtUp.get() && ends.entrySet().stream().allMatch(end -> opened.position(end.getKey()) >= end.getValue())) {
                    caughtUp.set(true);
                    sink.onCaughtUp();
                    log.info("{} caught up with {}", name, topics);
                }
            }
        } catch (WakeupException stopping) {
            log.debug("{} stopped", name);
        } catch (RuntimeException failed) {
            log.error("{} failed; it no longer follows {}", name, topics, failed);
            caughtUp.set(false);
        }
    }

    /** The services that create these topics may start after this one: wait for them. */
    private List<TopicPartition> partitionsOf(org.apache.kafka.clients.consumer.Consumer<String, Object> opened, String topic) {
        while (true) {
            List<TopicPartition> partitions;
            try {
                partitions = opened.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            } catch (TimeoutException notYet) {
                // What a missing topic looks like to a client of a cluster with auto-creation off.
                partitions = List.of();
            }
            if (!partitions.isEmpty()) {
                return partitions;
            }
            log.info("{} waits for {} to exist", name, topic);
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    @Override
    public void stop() {
        org.apache.kafka.clients.consumer.Consumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread running = reader;
        if (running != null) {
            try {
                running.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        reader = null;
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }
}
