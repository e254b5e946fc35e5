package org.psig.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.psig.schemas.Topics;

/**
 * {@code ./psig bench [--quick]}: the pipeline's end-to-end latency and throughput, and the raw
 * Kafka baselines on the same broker, in one run; results in {@code bench/results/<timestamp>/}.
 */
public final class Bench {

    private final Plan plan;
    private final Settings settings;
    private final Footprint footprint = new Footprint();

    private Bench(Plan plan, Settings settings) {
        this.plan = plan;
        this.settings = settings;
    }

    /** Where the stack is and where results go, from the environment ./psig sets. */
    record Settings(String intakeUrl, String bootstrap, String apiKey, Path brokerLib, Path logs, Path results) {

        static Settings fromEnvironment() {
            return new Settings(env("PSIG_INTAKE_URL", "http://127.0.0.1:8080"), env("PSIG_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                    env("PSIG_API_KEY", "local-demo-key"), Path.of(env("PSIG_BROKER_LIB", "devstack/target/lib")),
                    Path.of(env("PSIG_LOGS", ".psig/logs")), Path.of(env("PSIG_BENCH_RESULTS", "bench/results")));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        try {
            Path out = new Bench(quick ? Plan.QUICK : Plan.FULL, Settings.fromEnvironment()).run();
            System.out.println("results in " + out);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // The HTTP client's and Kafka's threads would keep the JVM alive.
        System.exit(0);
    }

    private Path run() throws Exception {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(footprint::sample, 0, 1, TimeUnit.SECONDS);
        ReportBodies bodies = new ReportBodies(UUID.randomUUID().toString().substring(0, 8), 42);
        List<ScenarioResult> pipeline = new ArrayList<>();
        try (NotificationWatcher watcher = new NotificationWatcher(settings.bootstrap(), notificationTopics())) {
            LoadGenerator load = new LoadGenerator(settings.intakeUrl(), settings.apiKey(), watcher, bodies);
            List<Pending> scenarios = new ArrayList<>();
            steady(load, watcher, "warm-up", plan.warmUpRate(), plan.warmUp());
            for (double rate : plan.steadyRates()) {
                scenarios.add(steady(load, watcher, "steady", rate, plan.steady()));
            }
            scenarios.add(burst(load, watcher));
            // Searching above the steady rates only makes sense if they all held.
            boolean steadyHeld = scenarios.stream().filter(p -> p.name().equals("steady"))
                    .allMatch(p -> p.settle(watcher).sustained());
            for (double rate : steadyHeld ? plan.searchRates() : List.<Double>of()) {
                Pending step = steady(load, watcher, "max-rate-search", rate, plan.searchStep());
                scenarios.add(step);
                if (!step.settle(watcher).sustained()) {
                    break;
                }
            }
            // Late is not lost: every accepted report gets until the end of the run to be notified.
            List<UUID> all = scenarios.stream().flatMap(p -> p.outcome().accepted().stream()).toList();
            watcher.awaitComplete(all, plan.finalDrain());
            for (Pending scenario : scenarios) {
                pipeline.add(scenario.settle(watcher));
                log(scenario.summary(pipeline.get(pipeline.size() - 1)));
            }
        }
        sampler.shutdownNow();
        int recordSize = bodies.next(0).body().length;
        log("raw three-hop chain: " + plan.chainRate() + " records/s for " + plan.steady().toSeconds() + " s");
        Latencies chain = new RawChain(settings.bootstrap(), recordSize).run(plan.chainRate(), plan.steady());
        log(String.format(java.util.Locale.ROOT, "  %d records, p50 %.1f ms, p99 %.1f ms", chain.count(),
                chain.percentileMillis(50), chain.percentileMillis(99)));
        log("raw producer: ProducerPerformance, " + plan.producerRecords() + " records of " + recordSize + " bytes");
        ProducerBaseline.Result producer = ProducerBaseline.run(settings.brokerLib(), settings.bootstrap(),
                plan.producerRecords(), recordSize);
        log(String.format(java.util.Locale.ROOT, "  %.0f records/s, p99 %.0f ms", producer.recordsPerSecond(),
                producer.p99Millis()));
        return new Results(plan, pipeline, chain, producer, recordSize, footprint.peakRssMb(),
                Footprint.startupSeconds(settings.logs())).write(settings.results(),
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** A scenario whose reports were sent; its figures are taken once its notifications had time to come. */
    private record Pending(String name, double rate, LoadGenerator.Outcome outcome, Latencies latencies,
                           Long drainFromNanos) {

        ScenarioResult settle(NotificationWatcher watcher) {
            List<UUID> accepted = outcome.accepted();
            long notified = accepted.stream().filter(watcher::isComplete).count();
            long last = watcher.lastCompletionNanos(accepted);
            Double drain = drainFromNanos == null || last == 0 ? null : (last - drainFromNanos) / 1e9;
            return new ScenarioResult(name, rate, outcome.sent(), accepted.size(), notified, accepted.size() - notified,
                    watcher.duplicated(accepted), outcome.refusedByStatus(), outcome.acceptedPerSecond(), drain, latencies);
        }

        String summary(ScenarioResult result) {
            return String.format(java.util.Locale.ROOT, "%s %.0f/s: accepted %d/%d, notified %d, lost %d, duplicated %d, "
                            + "p50 %.1f ms, p99 %.1f ms, intake %.0f/s%s%s", name, rate, result.accepted(), result.sent(),
                    result.notified(), result.lost(), result.duplicated(), latencies.percentileMillis(50),
                    latencies.percentileMillis(99), result.intakeThroughput(),
                    result.drainSeconds() == null ? "" : String.format(java.util.Locale.ROOT, ", all notified after %.1f s",
                            result.drainSeconds()),
                    result.refusedByStatus().isEmpty() ? "" : ", refused " + result.refusedByStatus());
        }
    }

    private Pending steady(LoadGenerator load, NotificationWatcher watcher, String name, double rate, Duration duration) {
        log(name + ": " + rate + " reports/s for " + duration.toSeconds() + " s");
        Latencies latencies = new Latencies(System.nanoTime());
        Pending pending = new Pending(name, rate, load.steady(rate, duration, latencies), latencies, null);
        drain(watcher, pending);
        return pending;
    }

    private Pending burst(LoadGenerator load, NotificationWatcher watcher) throws InterruptedException {
        log("burst: " + plan.burst() + " reports as fast as the intake accepts them");
        Latencies latencies = new Latencies(System.nanoTime());
        LoadGenerator.Outcome outcome = load.burst(plan.burst(), 64, latencies);
        Pending pending = new Pending("burst", 0, outcome, latencies, outcome.startNanos());
        drain(watcher, pending);
        return pending;
    }

    /** Lets the pipeline empty before the next scenario, so that one scenario's queue is not the next one's. */
    private void drain(NotificationWatcher watcher, Pending pending) {
        long notified = watcher.awaitComplete(pending.outcome().accepted(), plan.drain());
        log("  " + pending.summary(pending.settle(watcher)) + (notified < pending.outcome().accepted().size()
                ? " (still draining; counted again at the end of the run)" : ""));
    }

    private static List<String> notificationTopics() {
        List<String> topics = new ArrayList<>(Topics.allArsNotifications());
        topics.add(Topics.NOTIFICATION_UNROUTED);
        topics.add(Topics.NOTIFICATION_HFDS);
        return topics;
    }

    static void log(String message) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " bench: " + message);
    }

    /**
     * The two modes: a quick one under three minutes (its ratios are taken at 200/s), and the full one
     * the figures come from (ratios at 500/s, as the benchmark issue asks).
     */
    record Plan(String mode, double warmUpRate, Duration warmUp, List<Double> steadyRates, Duration steady, int burst,
                List<Double> searchRates, Duration searchStep, double chainRate, long producerRecords, Duration drain,
                Duration finalDrain) {

        static final Plan QUICK = new Plan("quick", 20, Duration.ofSeconds(10), List.of(20.0, 200.0),
                Duration.ofSeconds(10), 500, List.of(), Duration.ZERO, 200, 20_000, Duration.ofSeconds(20),
                Duration.ofSeconds(45));
        static final Plan FULL = new Plan("full", 20, Duration.ofSeconds(20), List.of(20.0, 50.0, 100.0, 500.0, 1000.0),
                Duration.ofSeconds(60), 20_000, List.of(1500.0, 2000.0, 3000.0), Duration.ofSeconds(30), 500, 200_000,
                Duration.ofSeconds(120), Duration.ofSeconds(600));
    }
}
