package org.psig.kafka;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A listener whose transactional producer is fenced must not go on from its consumer's position.
 *
 * <p>The coordinator fences a producer whose transaction outlived {@code transaction.timeout.ms} (an
 * overloaded cluster, a long pause) exactly as it fences a zombie, and aborts the transaction: the
 * batch's output and its offsets are gone, but its records were consumed. Left alone, Spring Kafka's
 * container logs the fence and polls on with a new producer, and its next commit moves the group's
 * offsets past the aborted batch: verdicts consumed and never notified. So the container stops on a
 * fence, and this starts it again, from another thread: its new consumer resumes from the committed
 * offsets, and the aborted batch is processed again.
 */
public final class FencedListenerRestarts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FencedListenerRestarts.class);

    private final ExecutorService restarter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fenced-listener-restart");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter restarts;

    public FencedListenerRestarts(MeterRegistry meters) {
        this.restarts = Counter.builder("psig.kafka.listener.restarts").tag("reason", "fenced")
                .description("Listener containers restarted from their committed offsets after their producer was fenced")
                .register(meters);
    }

    /** Makes a container stop, rather than poll on, when its producer is fenced. */
    public static ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> stopWhenFenced() {
        return container -> container.getContainerProperties().setStopContainerWhenFenced(true);
    }

    @EventListener
    public void onConsumerStopped(ConsumerStoppedEvent event) {
        if (event.getReason() != ConsumerStoppedEvent.Reason.FENCED) {
            return;
        }
        // The source is the consumer's own container, a child of the listener's concurrent one, which
        // is still running: starting the child alone gives it a new consumer, as Spring Kafka advises.
        MessageListenerContainer stopped = (MessageListenerContainer) event.getSource();
        String listener = event.getContainer(MessageListenerContainer.class).getListenerId();
        restarter.execute(() -> {
            log.warn("Listener {} was fenced during a transaction (it outlived transaction.timeout.ms, or another "
                    + "instance has the same PSIG_INSTANCE_ID); it restarts from the committed offsets, and the "
                    + "aborted batch is processed again.", listener);
            stopped.start();
            if (stopped.isRunning()) {
                restarts.increment();
            } else {
                log.error("Listener {} did not restart after its fence: this instance consumes nothing until it is "
                        + "restarted.", listener);
            }
        });
    }

    @Override
    public void destroy() {
        restarter.shutdownNow();
    }
}
