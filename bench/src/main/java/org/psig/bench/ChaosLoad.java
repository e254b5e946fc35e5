package org.psig.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The chaos suite's load: reports at a fixed rate, open loop, from start until stop, spread over every
 * intake instance in turn. A request that finds its intake down (connection refused) goes to the next
 * one, as a load balancer in front of them would; one that got an HTTP answer is never sent again,
 * whatever the answer.
 */
final class ChaosLoad {

    /** One report: when it was meant to leave, what the intake answered (-1: no HTTP answer) and when. */
    record Sent(UUID incidentId, long intendedNanos, int status, boolean retryAfter, long answeredNanos,
                int failovers, String error) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> intakes;
    private final String authorization;
    private final NotificationWatcher watcher;
    private final ReportBodies bodies;
    private final long intervalNanos;
    private final Latencies latencies;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final List<CompletableFuture<Sent>> answers = new ArrayList<>();
    private final long startNanos;
    private volatile boolean running = true;
    private final Thread sender;

    ChaosLoad(List<String> intakeUrls, String apiKey, NotificationWatcher watcher, ReportBodies bodies, double perSecond) {
        this.intakes = intakeUrls.stream().map(url -> URI.create(url + "/api/v1/incident-reports")).toList();
        this.authorization = "Bearer " + apiKey;
        this.watcher = watcher;
        this.bodies = bodies;
        this.intervalNanos = Math.round(1e9 / perSecond);
        this.startNanos = System.nanoTime() + 50_000_000L;
        this.latencies = new Latencies(startNanos);
        this.sender = new Thread(this::send, "chaos-load");
        sender.start();
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * Whether every report meant to leave in [from, to) was answered 202 and notified within
     * {@code healthyNanos} of its intended send time.
     */
    boolean healthy(long from, long to, long healthyNanos) {
        long first = Math.max(0, Math.floorDiv(from - startNanos + intervalNanos - 1, intervalNanos));
        long expected = Math.max(0, Math.floorDiv(to - startNanos + intervalNanos - 1, intervalNanos)) - first;
        long good = sent.stream().filter(s -> s.intendedNanos() >= from && s.intendedNanos() < to).filter(s -> {
            NotificationWatcher.Seen seen = watcher.seen(s.incidentId());
            return s.status() == 202 && seen.complete() && seen.completedNanos() - s.intendedNanos() <= healthyNanos;
        }).count();
        return expected > 0 && good == expected;
    }

    private void send() {
        for (long i = 0; running; i++) {
            long intended = startNanos + i * intervalNanos;
            Sleeps.until(intended);
            ReportBodies.Report report = bodies.next(i);
            watcher.expect(report.incidentId(), intended, latencies);
            CompletableFuture<Sent> answer = post(report, intended, (int) (i % intakes.size()), 0);
            synchronized (answers) {
                answers.add(answer.whenComplete((s, error) -> sent.add(s)));
            }
        }
    }

    private CompletableFuture<Sent> post(ReportBodies.Report report, long intended, int intake, int failovers) {
        HttpRequest request = HttpRequest.newBuilder(intakes.get(intake)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(report.body())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Sent(report.incidentId(), intended, response.statusCode(),
                        response.headers().firstValue("Retry-After").isPresent(), System.nanoTime(), failovers, null))
                .exceptionallyCompose(error -> {
                    Throwable cause = LoadGenerator.rootCause(error);
                    if (failovers + 1 < intakes.size()) {
                        return post(report, intended, (intake + 1) % intakes.size(), failovers + 1);
                    }
                    return CompletableFuture.completedFuture(new Sent(report.incidentId(), intended, -1, false,
                            System.nanoTime(), failovers, String.valueOf(cause)));
                });
    }

    /** Stops sending and returns every report sent, once each has its answer (at most 60 s more). */
    List<Sent> stop() throws InterruptedException {
        running = false;
        sender.join();
        CompletableFuture<?>[] all;
        synchronized (answers) {
            all = answers.toArray(CompletableFuture[]::new);
        }
        try {
            CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the intakes did not answer every report within 60 s of the last send", e);
        }
        return List.copyOf(sent);
    }
}
