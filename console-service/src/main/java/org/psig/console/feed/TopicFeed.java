package org.psig.console.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.psig.console.board.Board;
import org.psig.schemas.Campaign;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads the verdicts and the campaigns from their beginning, read_committed and without a consumer
 * group (every console instance shows everything), onto the board, then follows them. Ready once it
 * has caught up with what the topics held when it started.
 */
public final class TopicFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);
    private static final List<String> TOPICS = List.of(Topics.INCIDENT_TRIAGED, Topics.INCIDENT_CAMPAIGNS);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<String, Object> consumers;
    private final Board board;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile Consumer<String, Object> consumer;
    private volatile Thread reader;

    public TopicFeed(ConsumerFactory<String, Object> consumers, Board board) {
        this.consumers = consumers;
        this.board = board;
    }

    public boolean caughtUp() {
        return caughtUp.get();
    }

    @Override
    public void start() {
        reader = new Thread(this::run, "console-topic-feed");
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        try (Consumer<String, Object> opened = consumers.createConsumer(null, "console-feed")) {
            consumer = opened;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                partitions.addAll(partitionsOf(opened, topic));
            }
            opened.assign(partitions);
            opened.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = opened.endOffsets(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, Object> record : opened.poll(POLL)) {
                    show(record);
                }
                if (!caughtUp.get() && ends.entrySet().stream().allMatch(end -> opened.position(end.getKey()) >= end.getValue())) {
                    caughtUp.set(true);
                    log.info("console caught up with {}", TOPICS);
                }
            }
        } catch (WakeupException stopping) {
            log.debug("console feed stopped");
        } catch (RuntimeException failed) {
            log.error("console feed failed; the board no longer follows the topics", failed);
            caughtUp.set(false);
        }
    }

    /** Triage and correlation create their topics as they start, maybe after the console: wait for them. */
    private static List<TopicPartition> partitionsOf(Consumer<String, Object> consumer, String topic) {
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            log.info("waiting for {} to exist", topic);
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    private void show(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof IncidentTriaged triaged) {
            board.add(CardMapper.incident(triaged));
        } else if (record.value() instanceof Campaign campaign) {
            board.add(CardMapper.campaign(campaign));
        } else {
            log.warn("{}-{}@{}: not a verdict nor a campaign; not shown", record.topic(), record.partition(), record.offset());
        }
    }

    @Override
    public void stop() {
        Consumer<String, Object> current = consumer;
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
