package org.psig.e2e;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.psig.testsupport.Samples;
import tools.jackson.databind.ObjectMapper;

/**
 * Posts the reference samples to the stack's intake, 50 a second, each under a reference of its
 * own, until closed; keeps the incidents accepted, and counts the posts refused with 503 and
 * Retry-After (told to retry, nothing accepted). A post answered anything else stops it, and
 * {@link #stop()} says so.
 */
final class SteadyPoster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger retryLater = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    SteadyPoster(PipelineStack stack) {
        scheduler.scheduleAtFixedRate(() -> post(stack), 0, 20, TimeUnit.MILLISECONDS);
    }

    private void post(PipelineStack stack) {
        int i = posted.getAndIncrement();
        String sample = Samples.NAMES.get(i % Samples.NAMES.size());
        String body = JSON.readTree(Samples.report(sample)).toString()
                .replaceFirst("\"declarantReference\":\"[^\"]*\"", "\"declarantReference\":\"steady-" + run + "-" + i + "\"");
        var response = stack.postReport(body);
        if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
            retryLater.incrementAndGet();
            return;
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("report " + i + " answered " + response.statusCode() + ": " + response.body());
        }
        accepted.add(JSON.readTree(response.body()).get("incidentId").asString());
    }

    /** The incidents accepted so far. */
    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** Posts refused with 503 and Retry-After so far. */
    int retryLaterCount() {
        return retryLater.get();
    }

    /** Stops posting; returns every incident accepted, or fails if a post was refused. */
    Set<String> stop() throws InterruptedException {
        Set<String> all = stopAllowingRetryLater();
        if (retryLater.get() > 0) {
            throw new IllegalStateException(retryLater.get() + " of " + posted.get() + " posts were refused with 503");
        }
        return all;
    }

    /** Stops posting; returns every incident accepted, or fails if a post was refused other than with 503 and Retry-After. */
    Set<String> stopAllowingRetryLater() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a post did not end within 30 s");
        }
        if (accepted.size() + retryLater.get() != posted.get()) {
            throw new IllegalStateException((posted.get() - accepted.size() - retryLater.get()) + " of " + posted.get()
                    + " posts were neither accepted nor refused with 503 and Retry-After; see the log");
        }
        return Set.copyOf(accepted);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
