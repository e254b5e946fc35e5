package org.psig.intake.memory;

import java.time.Duration;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One daemon thread reading with its own consumer until stopped, for the intake's followers of
 * topics. Stopping wakes the consumer out of its poll, waits for the thread, and the consumer is
 * closed on the thread that used it.
 */
public final class ReaderThread {

    private static final Duration JOIN = Duration.ofSeconds(10);

    private final String name;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public ReaderThread(String name) {
        this.name = name;
    }

    /** Runs {@code loop} on the thread; the loop goes on while {@link #running()} and may be woken by {@link #stop()}. */
    public void start(Consumer<String, byte[]> reading, Runnable loop) {
        consumer = reading;
        running = true;
        thread = new Thread(() -> {
            try {
                loop.run();
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
            } finally {
                reading.close();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean running() {
        return running;
    }

    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(JOIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
