package org.psig.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The benchmark's moves against a running stack: {@code fill <count>} adds that many reports of
 * history (each notified before it returns), {@code first-report} posts one report the moment the
 * stack says it is ready and tells what it got and when its notifications came, and
 * {@code steady <rate> <seconds>} offers one open-loop step, to compare two settings of a stack.
 */
public final class History {

    private static final int CHUNK = 10_000;

    public static void main(String[] args) throws Exception {
        Bench.Settings settings = Bench.Settings.fromEnvironment();
        ReportBodies bodies = new ReportBodies(UUID.randomUUID().toString().substring(0, 8), 7);
        try (NotificationWatcher watcher = new NotificationWatcher(settings.bootstrap(), Bench.notificationTopics())) {
            LoadGenerator load = new LoadGenerator(settings.intakeUrl(), settings.apiKey(), watcher::expect, bodies);
            switch (args.length > 0 ? args[0] : "") {
                case "fill" -> fill(load, watcher, Integer.parseInt(args[1]));
                case "first-report" -> System.out.println(firstReport(load, watcher).json());
                case "steady" -> steady(load, watcher, Double.parseDouble(args[1]), Duration.ofSeconds(Long.parseLong(args[2])));
                default -> throw new IllegalArgumentException(
                        "usage: History fill <count> | first-report | steady <reports/s> <seconds>");
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void fill(LoadGenerator load, NotificationWatcher watcher, int count) throws InterruptedException {
        for (int done = 0; done < count; ) {
            int chunk = Math.min(CHUNK, count - done);
            LoadGenerator.Outcome outcome = load.burst(chunk, 64, new Latencies(System.nanoTime()));
            List<UUID> accepted = outcome.accepted();
            long notified = watcher.awaitComplete(accepted, Duration.ofMinutes(5));
            if (accepted.size() != chunk || notified != chunk) {
                throw new IllegalStateException("history: " + chunk + " sent, " + accepted.size() + " accepted, "
                        + notified + " notified, refused " + outcome.refusedByStatus());
            }
            done += chunk;
            System.out.printf(Locale.ROOT, "history: %d reports added%n", done);
        }
    }

    /** One open-loop step against the running stack, for comparing two settings of it. */
    private static void steady(LoadGenerator load, NotificationWatcher watcher, double rate, Duration duration)
            throws InterruptedException {
        Latencies latencies = new Latencies(System.nanoTime());
        LoadGenerator.Outcome outcome = load.steady(rate, duration, latencies);
        long notified = watcher.awaitComplete(outcome.accepted(), Duration.ofMinutes(2));
        System.out.printf(Locale.ROOT, "steady %.0f/s: accepted %d/%d, notified %d, p50 %.1f ms, p99 %.1f ms, refused %s%n",
                rate, outcome.accepted().size(), outcome.sent(), notified, latencies.percentileMillis(50),
                latencies.percentileMillis(99), outcome.refusedByStatus());
    }

    /** What the first report posted after a start got. */
    record FirstReport(int firstStatus, double firstAnswerMs, int attempts, double acceptedAfterMs, Double notifiedAfterMs) {

        String json() {
            return String.format(Locale.ROOT, "{\"firstStatus\":%d,\"firstAnswerMs\":%.1f,\"attempts\":%d,"
                            + "\"acceptedAfterMs\":%.1f,\"notifiedAfterMs\":%s}", firstStatus, firstAnswerMs, attempts,
                    acceptedAfterMs, notifiedAfterMs == null ? "null" : String.format(Locale.ROOT, "%.1f", notifiedAfterMs));
        }
    }

    /** Posts until a 202 (every 100 ms, at most 60 s): the first answer is the figure, the rest tell how long it lasted. */
    static FirstReport firstReport(LoadGenerator load, NotificationWatcher watcher) throws InterruptedException {
        long start = System.nanoTime();
        int firstStatus = 0;
        double firstAnswerMs = 0;
        for (int attempt = 1; System.nanoTime() - start < Duration.ofSeconds(60).toNanos(); attempt++) {
            LoadGenerator.Outcome outcome = load.burst(1, 1, new Latencies(System.nanoTime()));
            double answeredMs = (outcome.lastAnswerNanos() - start) / 1e6;
            if (attempt == 1) {
                firstStatus = outcome.accepted().isEmpty() ? outcome.refusedByStatus().keySet().iterator().next() : 202;
                firstAnswerMs = answeredMs;
            }
            if (!outcome.accepted().isEmpty()) {
                List<UUID> accepted = outcome.accepted();
                boolean notified = watcher.awaitComplete(accepted, Duration.ofSeconds(60)) == 1;
                Double notifiedMs = notified ? (watcher.lastCompletionNanos(accepted) - start) / 1e6 : null;
                return new FirstReport(firstStatus, firstAnswerMs, attempt, answeredMs, notifiedMs);
            }
            Sleeps.millis(100);
        }
        throw new IllegalStateException("no report was accepted within 60 s of the first (status " + firstStatus + ")");
    }
}
