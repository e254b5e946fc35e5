package org.psig.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the intake. Open loop at a fixed rate: each report has an intended send time, and latency
 * counts from it, so a stalled system cannot hide its queue by slowing the sender down. Or a burst:
 * a fixed number of reports as fast as the intake accepts them, a bounded number in flight.
 */
final class LoadGenerator {

    /** What happened to the reports of one scenario. */
    record Outcome(List<UUID> accepted, long sent, Map<Integer, Long> refusedByStatus, long startNanos,
                   long lastAnswerNanos) {

        double acceptedPerSecond() {
            return accepted.size() / Math.max(1e-9, (lastAnswerNanos - startNanos) / 1e9);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final String authorization;
    private final Expectations watcher;
    private final ReportBodies bodies;
    private final AtomicLong sequence = new AtomicLong();

    /** Where each report's latency will be recorded once its notifications are seen. */
    @FunctionalInterface
    interface Expectations {
        void expect(UUID incidentId, long intendedNanos, Latencies latencies);
    }

    LoadGenerator(String intakeUrl, String apiKey, Expectations watcher, ReportBodies bodies) {
        this.uri = URI.create(intakeUrl + "/api/v1/incident-reports");
        this.authorization = "Bearer " + apiKey;
        this.watcher = watcher;
        this.bodies = bodies;
    }

    Outcome steady(double perSecond, Duration duration, Latencies latencies) {
        long count = Math.round(perSecond * duration.toSeconds());
        long interval = Math.round(1e9 / perSecond);
        long start = System.nanoTime() + 50_000_000L;
        Tracking tracking = new Tracking(start);
        for (long i = 0; i < count; i++) {
            long intended = start + i * interval;
            Sleeps.until(intended);
            tracking.track(send(intended, latencies));
        }
        return tracking.outcome(count);
    }

    Outcome burst(int count, int inFlight, Latencies latencies) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        Tracking tracking = new Tracking(System.nanoTime());
        for (int i = 0; i < count; i++) {
            permits.acquire();
            tracking.track(send(System.nanoTime(), latencies).whenComplete((answer, error) -> permits.release()));
        }
        return tracking.outcome(count);
    }

    /** Why requests failed without an HTTP answer, for the log: connection refused, timeouts. */
    static final Map<String, AtomicLong> FAILURES = new ConcurrentHashMap<>();

    /** What really failed under the HTTP client's wrappers. */
    static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record Answer(UUID incidentId, int status, long atNanos) {
    }

    private CompletableFuture<Answer> send(long intendedNanos, Latencies latencies) {
        ReportBodies.Report report = bodies.next(sequence.getAndIncrement());
        watcher.expect(report.incidentId(), intendedNanos, latencies);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(report.body())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Answer(report.incidentId(), response.statusCode(), System.nanoTime()))
                .exceptionally(error -> {
                    FAILURES.computeIfAbsent(String.valueOf(rootCause(error)), k -> new AtomicLong()).incrementAndGet();
                    return new Answer(report.incidentId(), -1, System.nanoTime());
                });
    }

    /** Collects the answers of one scenario. */
    private static final class Tracking {
        private final long start;
        private final List<CompletableFuture<Answer>> answers = new ArrayList<>();
        private final ConcurrentLinkedQueue<UUID> accepted = new ConcurrentLinkedQueue<>();
        private final Map<Integer, Long> refused = new ConcurrentHashMap<>();
        private final AtomicLong last = new AtomicLong();

        Tracking(long start) {
            this.start = start;
        }

        void track(CompletableFuture<Answer> answer) {
            answers.add(answer.whenComplete((a, error) -> {
                if (a.status() == 202) {
                    accepted.add(a.incidentId());
                } else {
                    refused.merge(a.status(), 1L, Long::sum);
                }
                last.accumulateAndGet(a.atNanos(), Math::max);
            }));
        }

        Outcome outcome(long sent) {
            try {
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the intake did not answer every report within 120 s", e);
            }
            return new Outcome(List.copyOf(accepted), sent, Map.copyOf(refused), start, last.get());
        }
    }
}
