package org.psig.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** results.json, report.md and the two charts of one run, and a copy of results.json beside them ({@link #latest}). */
record Results(Bench.Plan plan, List<ScenarioResult> pipeline, RateSearch.Found pipelineSearch, Bench.Baselines baselines,
               int recordSize, Map<String, Long> peakRssMb, Map<String, Double> startupSeconds, Footprint.Starts starts) {

    Path write(Path root, String timestamp) throws IOException {
        Path dir = root.resolve(timestamp);
        Files.createDirectories(dir);
        Map<String, Object> json = json(timestamp);
        Files.writeString(dir.resolve("results.json"), Json.write(json));
        Files.writeString(dir.resolve("report.md"), Report.markdown(json, this));
        Files.writeString(dir.resolve("latency-over-time.svg"), overTime());
        Files.writeString(dir.resolve("latency-vs-rate.svg"), againstRate());
        Files.copy(dir.resolve("results.json"), root.resolve(latest(plan)), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    /**
     * latest.json, committed, holds the newest full run, the one the figures are quoted from; a quick
     * run (CI's, a developer's check) goes to latest-quick.json, which git ignores.
     */
    static String latest(Bench.Plan plan) {
        return plan == Bench.Plan.FULL ? "latest.json" : "latest-" + plan.mode() + ".json";
    }

    ScenarioResult steadyAt(double rate) {
        return pipeline.stream().filter(s -> s.scenario().equals("steady") && s.rate() == rate).findFirst().orElseThrow();
    }

    ScenarioResult burst() {
        return pipeline.stream().filter(s -> s.scenario().equals("burst")).findFirst().orElseThrow();
    }

    private List<ChainRun> allChainRuns() {
        List<ChainRun> all = new ArrayList<>(baselines.chains());
        all.addAll(baselines.searchRuns());
        return all;
    }

    /** The run's verdict on correctness: nothing lost or duplicated, by the pipeline or the raw chain. */
    boolean nothingLostOrDuplicated() {
        return pipeline.stream().allMatch(s -> s.lost() == 0 && s.duplicated() == 0)
                && allChainRuns().stream().allMatch(c -> c.lost() == 0 && c.duplicated() == 0);
    }

    /** The highest rate the pipeline sustained: by the search in a full run, among the steady rates in a quick one. */
    double pipelineMaxSustained() {
        double steady = pipeline.stream().filter(s -> s.scenario().equals("steady") && s.sustained())
                .mapToDouble(ScenarioResult::rate).max().orElse(0);
        return plan.searchLadder().isEmpty() ? steady : pipelineSearch.highestSustained();
    }

    private Map<String, Object> json(String timestamp) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", plan.mode());
        json.put("timestamp", timestamp);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMb", memoryMb());
        machine.put("javaVersion", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        json.put("machine", machine);
        json.put("recordSizeBytes", recordSize);
        json.put("scenarios", pipeline.stream().map(ScenarioResult::toJson).toList());
        json.put("pipelineSearch", search(pipelineSearch));

        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("rawThreeHopChain", baselines.chains().stream().map(ChainRun::toJson).toList());
        Map<String, Object> chainSearch = search(baselines.chainSearch());
        chainSearch.put("pattern", RawChain.Pattern.BATCH_TRANSACTION.name());
        chainSearch.put("steps", baselines.searchRuns().stream().map(ChainRun::toJson).toList());
        raw.put("rawChainSearch", chainSearch);
        ProducerBaseline.Result producer = baselines.producer();
        Map<String, Object> producerJson = new LinkedHashMap<>();
        producerJson.put("records", producer.records());
        producerJson.put("recordsPerSecond", producer.recordsPerSecond());
        producerJson.put("megabytesPerSecond", producer.megabytesPerSecond());
        producerJson.put("p50", producer.p50Millis());
        producerJson.put("p99", producer.p99Millis());
        raw.put("producerPerformance", producerJson);
        json.put("baselines", raw);
        json.put("ratios", ratios());
        json.put("maxSustainedRate", pipelineMaxSustained());
        json.put("rawChainMaxSustainedRate", baselines.chainSearch().highestSustained());

        Map<String, Object> correctness = new LinkedHashMap<>();
        correctness.put("accepted", pipeline.stream().mapToLong(ScenarioResult::accepted).sum());
        correctness.put("notified", pipeline.stream().mapToLong(ScenarioResult::notified).sum());
        correctness.put("lost", pipeline.stream().mapToLong(ScenarioResult::lost).sum());
        correctness.put("duplicated", pipeline.stream().mapToLong(ScenarioResult::duplicated).sum());
        correctness.put("rawChainSent", allChainRuns().stream().mapToLong(ChainRun::sent).sum());
        correctness.put("rawChainLost", allChainRuns().stream().mapToLong(ChainRun::lost).sum());
        correctness.put("rawChainDuplicated", allChainRuns().stream().mapToLong(ChainRun::duplicated).sum());
        correctness.put("passed", nothingLostOrDuplicated());
        json.put("correctness", correctness);

        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("peakRssMb", peakRssMb);
        footprint.put("startupSeconds", startupSeconds);
        footprint.put("stackReadySeconds", starts.stackReadySeconds());
        footprint.put("aloneReadySeconds", starts.aloneReadySeconds());
        footprint.put("aloneRssMb", starts.aloneRssMb());
        json.put("footprint", footprint);
        return json;
    }

    private Map<String, Object> search(RateSearch.Found found) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tried", found.tried());
        json.put("highestSustained", found.highestSustained());
        json.put("stepSeconds", plan.searchStep().toSeconds());
        json.put("criterion", "p99 < 1 s, nothing lost, duplicated or refused; steps at most x" + RateSearch.FACTOR);
        return json;
    }

    /** Pipeline against the raw chain's batch-transaction pattern at each ratio rate; burst intake against the raw producer. */
    private Map<String, Object> ratios() {
        Map<String, Object> ratios = new LinkedHashMap<>();
        List<Map<String, Object>> latency = new ArrayList<>();
        for (double rate : plan.ratioRates()) {
            Latencies ours = steadyAt(rate).latencies();
            Latencies chain = baselines.at(RawChain.Pattern.BATCH_TRANSACTION, rate).latencies();
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("rate", rate);
            at.put("comparedWith", RawChain.Pattern.BATCH_TRANSACTION.name());
            at.put("p50Ratio", ours.percentileMillis(50) / chain.percentileMillis(50));
            at.put("p99Ratio", ours.percentileMillis(99) / chain.percentileMillis(99));
            latency.add(at);
        }
        ratios.put("latency", latency);
        double first = plan.ratioRates().get(0);
        Latencies perRecord = baselines.at(RawChain.Pattern.RECORD_TRANSACTION, first).latencies();
        Map<String, Object> againstPerRecord = new LinkedHashMap<>();
        againstPerRecord.put("rate", first);
        againstPerRecord.put("comparedWith", RawChain.Pattern.RECORD_TRANSACTION.name());
        againstPerRecord.put("p50Ratio", steadyAt(first).latencies().percentileMillis(50) / perRecord.percentileMillis(50));
        againstPerRecord.put("p99Ratio", steadyAt(first).latencies().percentileMillis(99) / perRecord.percentileMillis(99));
        ratios.put("latencyAgainstPerRecordChain", againstPerRecord);
        ratios.put("throughputRatio", burst().intakeThroughput() / baselines.producer().recordsPerSecond());
        ratios.put("comparedAt", "pipeline steady at each rate vs the raw chain at the same rate in the same run; "
                + "burst intake throughput vs ProducerPerformance records/s");
        return ratios;
    }

    private String overTime() {
        List<Svg.Series> series = new ArrayList<>();
        for (ScenarioResult s : pipeline) {
            if (s.scenario().equals("steady")) {
                series.add(Svg.fromTimeline(String.format(Locale.ROOT, "%.0f/s p50", s.rate()), s.latencies().timeline(), 0));
                series.add(Svg.fromTimeline(String.format(Locale.ROOT, "%.0f/s p99", s.rate()), s.latencies().timeline(), 1));
            }
        }
        Latencies chain = baselines.at(RawChain.Pattern.BATCH_TRANSACTION, plan.ratioRates().get(0)).latencies();
        series.add(Svg.fromTimeline(String.format(Locale.ROOT, "raw chain %.0f/s p99", plan.ratioRates().get(0)),
                chain.timeline(), 1));
        return Svg.chart("End-to-end latency over time (per second of intended send time)", "seconds into the scenario",
                "latency (ms, log scale)", series, true);
    }

    private String againstRate() {
        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        pipeline.stream().filter(s -> s.rate() > 0).sorted((a, b) -> Double.compare(a.rate(), b.rate())).forEach(s -> {
            p50.add(new double[] {s.rate(), s.latencies().percentileMillis(50)});
            p99.add(new double[] {s.rate(), s.latencies().percentileMillis(99)});
        });
        List<double[]> chainP50 = new ArrayList<>();
        List<double[]> chainP99 = new ArrayList<>();
        allChainRuns().stream().filter(c -> c.pattern() == RawChain.Pattern.BATCH_TRANSACTION)
                .sorted((a, b) -> Double.compare(a.rate(), b.rate())).forEach(c -> {
                    chainP50.add(new double[] {c.rate(), c.latencies().percentileMillis(50)});
                    chainP99.add(new double[] {c.rate(), c.latencies().percentileMillis(99)});
                });
        List<Svg.Series> series = List.of(new Svg.Series("pipeline p50", p50), new Svg.Series("pipeline p99", p99),
                new Svg.Series("raw chain p50", chainP50), new Svg.Series("raw chain p99", chainP99));
        return Svg.chart("End-to-end latency against offered rate", "reports per second", "latency (ms, log scale)",
                series, true);
    }

    private static long memoryMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
