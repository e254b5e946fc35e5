package org.psig.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
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
    record Settings(String intakeUrl, String bootstrap, String apiKey, Path brokerLib, Path logs, Path results,
                    Optional<Path> starts) {

        static Settings fromEnvironment() {
            return new Settings(env("PSIG_INTAKE_URL", "http://127.0.0.1:8080"), env("PSIG_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                    env("PSIG_API_KEY", "local-demo-key"), Path.of(env("PSIG_BROKER_LIB", "devstack/target/lib")),
                    Path.of(env("PSIG_LOGS", ".psig/logs")), Path.of(env("PSIG_BENCH_RESULTS", "bench/results")),
                    Optional.ofNullable(System.getenv("PSIG_STARTS")).filter(path -> !path.isBlank()).map(Path::of));
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
        RateSearch.Found pipelineSearch;
        try (NotificationWatcher watcher = new NotificationWatcher(settings.bootstrap(), notificationTopics())) {
            LoadGenerator load = new LoadGenerator(settings.intakeUrl(), settings.apiKey(), watcher::expect, bodies);
            List<Pending> scenarios = new ArrayList<>();
            steady(load, watcher, "warm-up", plan.warmUpRate(), plan.warmUp());
            for (double rate : plan.steadyRates()) {
                scenarios.add(steady(load, watcher, "steady", rate, plan.steady()));
            }
            scenarios.add(burst(load, watcher));
            pipelineSearch = RateSearch.search(plan.searchLadder(), rate -> {
                Pending step = steady(load, watcher, "max-rate-search", rate, plan.searchStep());
                scenarios.add(step);
                return step.settle(watcher).sustained();
            });
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
        Baselines baselines = baselines(recordSize);
        Results results = new Results(plan, pipeline, pipelineSearch, baselines, recordSize, footprint.peakRssMb(),
                Footprint.startupSeconds(settings.logs()), Footprint.starts(settings.starts()));
        Path out = results.write(settings.results(), LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (!results.nothingLostOrDuplicated()) {
            throw new IllegalStateException("the run lost or duplicated reports or records: see " + out.resolve("report.md"));
        }
        return out;
    }

    /** Raw Kafka on the same broker, after the pipeline, so that neither competes with the other for the cores. */
    private Baselines baselines(int recordSize) throws Exception {
        RawChain batch = new RawChain(settings.bootstrap(), recordSize, RawChain.Pattern.BATCH_TRANSACTION);
        chain(batch, "warm-up", plan.chainWarmUpRate(), plan.chainWarmUp());
        List<ChainRun> chains = new ArrayList<>();
        for (double rate : plan.chainRates()) {
            chains.add(chain(batch, "steady", rate, plan.steady()));
        }
        List<ChainRun> searchRuns = new ArrayList<>();
        RateSearch.Found found = RateSearch.search(plan.searchLadder(), rate -> {
            ChainRun step = chain(batch, "max-rate-search", rate, plan.searchStep());
            searchRuns.add(step);
            return step.sustained();
        });
        // Last: the per-record pattern falls behind, and its aftermath must not weigh on the search.
        RawChain perRecord = new RawChain(settings.bootstrap(), recordSize, RawChain.Pattern.RECORD_TRANSACTION);
        chains.add(chain(perRecord, "steady", plan.ratioRates().get(0), plan.steady()));
        log("raw producer: ProducerPerformance, " + plan.producerRecords() + " records of " + recordSize + " bytes");
        ProducerBaseline.Result producer = ProducerBaseline.run(settings.brokerLib(), settings.bootstrap(),
                plan.producerRecords(), recordSize);
        log(String.format(java.util.Locale.ROOT, "  %.0f records/s, p99 %.0f ms", producer.recordsPerSecond(),
                producer.p99Millis()));
        return new Baselines(chains, searchRuns, found, producer);
    }

    private ChainRun chain(RawChain chain, String name, double rate, Duration duration) throws Exception {
        ChainRun run = chain.run(rate, duration);
        log(String.format(java.util.Locale.ROOT, "raw chain %s, %s, %.0f/s for %d s: lost %d, duplicated %d, p50 %.1f ms, "
                        + "p99 %.1f ms", name, run.pattern().description, rate, duration.toSeconds(), run.lost(),
                run.duplicated(), run.latencies().percentileMillis(50), run.latencies().percentileMillis(99)));
        return run;
    }

    /** Raw Kafka's figures of one run: the chain at fixed rates, its rate search, and the raw producer. */
    record Baselines(List<ChainRun> chains, List<ChainRun> searchRuns, RateSearch.Found chainSearch,
                     ProducerBaseline.Result producer) {

        ChainRun at(RawChain.Pattern pattern, double rate) {
            return chains.stream().filter(c -> c.pattern() == pattern && c.rate() == rate).findFirst().orElseThrow();
        }
    }

    /** A scenario whose reports were sent; its figures are taken once its notifications had time to come. */
    private record Pending(String name, double rate, LoadGenerator.Outcome outcome, Latencies latencies,
                           boolean burst) {

        ScenarioResult settle(NotificationWatcher watcher) {
            List<UUID> accepted = outcome.accepted();
            long notified = accepted.stream().filter(watcher::isComplete).count();
            long last = watcher.lastCompletionNanos(accepted);
            Double drain = !burst || last == 0 ? null : (last - outcome.startNanos()) / 1e9;
            Double afterLastAccept = !burst || last == 0 ? null : (last - outcome.lastAnswerNanos()) / 1e9;
            return new ScenarioResult(name, rate, outcome.sent(), accepted.size(), notified, accepted.size() - notified,
                    watcher.duplicated(accepted), outcome.refusedByStatus(), outcome.acceptedPerSecond(), drain,
                    afterLastAccept, latencies);
        }

        String summary(ScenarioResult result) {
            return String.format(java.util.Locale.ROOT, "%s %.0f/s: accepted %d/%d, notified %d, lost %d, duplicated %d, "
                            + "p50 %.1f ms, p99 %.1f ms, intake %.0f/s%s%s", name, rate, result.accepted(), result.sent(),
                    result.notified(), result.lost(), result.duplicated(), latencies.percentileMillis(50),
                    latencies.percentileMillis(99), result.intakeThroughput(),
                    result.drainSeconds() == null ? "" : String.format(java.util.Locale.ROOT,
                            ", all notified after %.1f s (%.1f s after the last 202)", result.drainSeconds(),
                            result.drainAfterLastAcceptSeconds()),
                    result.refusedByStatus().isEmpty() ? "" : ", refused " + result.refusedByStatus());
        }
    }

    private Pending steady(LoadGenerator load, NotificationWatcher watcher, String name, double rate, Duration duration) {
        log(name + ": " + rate + " reports/s for " + duration.toSeconds() + " s");
        Latencies latencies = new Latencies(System.nanoTime());
        Pending pending = new Pending(name, rate, load.steady(rate, duration, latencies), latencies, false);
        drain(watcher, pending);
        return pending;
    }

    private Pending burst(LoadGenerator load, NotificationWatcher watcher) throws InterruptedException {
        log("burst: " + plan.burst() + " reports as fast as the intake accepts them");
        Latencies latencies = new Latencies(System.nanoTime());
        LoadGenerator.Outcome outcome = load.burst(plan.burst(), 64, latencies);
        Pending pending = new Pending("burst", 0, outcome, latencies, true);
        drain(watcher, pending);
        return pending;
    }

    /** Lets the pipeline empty before the next scenario, so that one scenario's queue is not the next one's. */
    private void drain(NotificationWatcher watcher, Pending pending) {
        long notified = watcher.awaitComplete(pending.outcome().accepted(), plan.drain());
        log("  " + pending.summary(pending.settle(watcher)) + (notified < pending.outcome().accepted().size()
                ? " (still draining; counted again at the end of the run)" : ""));
    }

    static List<String> notificationTopics() {
        List<String> topics = new ArrayList<>(Topics.allArsNotifications());
        topics.add(Topics.NOTIFICATION_UNROUTED);
        topics.add(Topics.NOTIFICATION_HFDS);
        return topics;
    }

    static void log(String message) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " bench: " + message);
    }

    /**
     * The two modes: a quick one under three minutes that CI runs (its ratios are taken at 200/s, no
     * rate search), and the full one the figures come from.
     *
     * @param ratioRates where pipeline and raw chain are compared; the raw chain's per-record pattern
     *                   runs at the first of them only, as a second, labelled figure
     * @param chainRates where the raw chain's batch-transaction pattern runs for a whole steady period
     */
    record Plan(String mode, double warmUpRate, Duration warmUp, List<Double> steadyRates, Duration steady, int burst,
                List<Double> searchLadder, Duration searchStep, List<Double> ratioRates, List<Double> chainRates,
                double chainWarmUpRate, Duration chainWarmUp, long producerRecords, Duration drain, Duration finalDrain) {

        static final Plan QUICK = new Plan("quick", 20, Duration.ofSeconds(10), List.of(20.0, 200.0),
                Duration.ofSeconds(10), 500, List.of(), Duration.ZERO, List.of(200.0), List.of(20.0, 200.0),
                200, Duration.ofSeconds(5), 20_000, Duration.ofSeconds(20), Duration.ofSeconds(45));
        static final Plan FULL = new Plan("full", 200, Duration.ofSeconds(60), List.of(20.0, 50.0, 100.0, 500.0, 1000.0),
                Duration.ofSeconds(60), 20_000, RateSearch.ladder(100, 5000), Duration.ofSeconds(30),
                List.of(500.0, 1000.0), List.of(20.0, 500.0, 1000.0), 500, Duration.ofSeconds(30), 200_000,
                Duration.ofSeconds(120), Duration.ofSeconds(600));
    }
}
