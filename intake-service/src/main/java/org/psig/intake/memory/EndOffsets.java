package org.psig.intake.memory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The last committed offset of each partition, asked by one thread for every request at once. A
 * request waits for the answer to the first question asked after it arrived, which is all that
 * read-your-writes needs; while a question is out, every request arriving meanwhile shares the next
 * one. A burst of requests costs a round trip or two each, never a queue of round trips.
 */
@Component
class EndOffsets implements SmartLifecycle {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerFactory<String, ?> consumerFactory;
    private final Object monitor = new Object();
    private CompletableFuture<Map<TopicPartition, Long>> next = new CompletableFuture<>();
    private List<TopicPartition> wanted;
    private volatile boolean running;
    private Consumer<?, ?> consumer;
    private Thread prober;

    EndOffsets(ConsumerFactory<String, ?> consumerFactory) {
        this.consumerFactory = consumerFactory;
    }

    Map<TopicPartition, Long> latest(List<TopicPartition> partitions, long deadlineNanos) {
        CompletableFuture<Map<TopicPartition, Long>> answer;
        synchronized (monitor) {
            answer = next;
            wanted = partitions;
            monitor.notifyAll();
        }
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("interrupted while asking Kafka for the end of the reports topic");
        } catch (ExecutionException | TimeoutException e) {
            throw new IndexUnavailableException("Kafka did not give the end of the reports topic in time");
        }
    }

    private void probe() {
        try {
            while (running) {
                CompletableFuture<Map<TopicPartition, Long>> asked;
                List<TopicPartition> partitions;
                synchronized (monitor) {
                    while (running && wanted == null) {
                        monitor.wait();
                    }
                    asked = next;
                    partitions = wanted;
                    next = new CompletableFuture<>();
                    wanted = null;
                }
                if (partitions != null) {
                    ask(asked, partitions);
                }
            }
        } catch (InterruptedException | WakeupException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    private void ask(CompletableFuture<Map<TopicPartition, Long>> asked, List<TopicPartition> partitions) {
        try {
            asked.complete(Map.copyOf(consumer.endOffsets(partitions, ASK_TIMEOUT)));
        } catch (WakeupException e) {
            asked.completeExceptionally(e);
            throw e;
        } catch (RuntimeException e) {
            asked.completeExceptionally(e);
        }
    }

    @Override
    public void start() {
        consumer = RawConsumers.create(consumerFactory, "intake-end-offsets");
        running = true;
        prober = new Thread(this::probe, "intake-end-offsets");
        prober.setDaemon(true);
        prober.start();
    }

    @Override
    public void stop() {
        running = false;
        consumer.wakeup();
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            prober.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
