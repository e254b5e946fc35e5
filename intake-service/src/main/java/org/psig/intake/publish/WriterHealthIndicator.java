package org.psig.intake.publish;

import java.time.Duration;

import org.apache.kafka.common.KafkaException;
import org.psig.intake.memory.IndexUnavailableException;
import org.psig.intake.memory.ReportIndex;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Not ready until the path of a report has been walked once without writing anything: the producer
 * created (its idempotent id obtained, the topic's metadata fetched) and the memory asked where the
 * topic ends. Done lazily by the first request, this took 1.2 s of its 1.9 s on a freshly started stack.
 */
@Component
class WriterHealthIndicator extends AbstractHealthIndicator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WriterHealthIndicator.class);
    private static final Duration ATTEMPT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaTemplate<String, IncidentReported> template;
    private final ReportIndex index;
    private volatile boolean warm;
    private volatile boolean running;

    WriterHealthIndicator(KafkaTemplate<String, IncidentReported> template, ReportIndex index) {
        this.template = template;
        this.index = index;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (warm ? builder.up() : builder.outOfService()).withDetail("warm", warm);
    }

    private void warmUp() {
        long start = System.nanoTime();
        while (running && !warm) {
            try {
                template.partitionsFor(Topics.INCIDENT_REPORTED);
                index.awaitCaughtUp(System.nanoTime() + ATTEMPT.toNanos());
                warm = true;
                log.info("The path of a report is warm ({} ms after start).", Duration.ofNanos(System.nanoTime() - start).toMillis());
            } catch (KafkaException | IndexUnavailableException e) {
                log.info("Warming the path of a report up, retrying: {}", e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::warmUp, "intake-writer-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
