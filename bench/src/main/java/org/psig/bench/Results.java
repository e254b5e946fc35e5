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

/** results.json, report.md and the two charts of one run, and latest.json beside them. */
record Results(Bench.Plan plan, List<ScenarioResult> pipeline, Latencies chain, ProducerBaseline.Result producer,
               int recordSize, Map<String, Long> peakRssMb, Map<String, Double> startupSeconds) {

    Path write(Path root, String timestamp) throws IOException {
        Path dir = root.resolve(timestamp);
        Files.createDirectories(dir);
        Map<String, Object> json = json(timestamp);
        Files.writeString(dir.resolve("results.json"), Json.write(json));
        Files.writeString(dir.resolve("report.md"), Report.markdown(json, this));
        Files.writeString(dir.resolve("latency-over-time.svg"), overTime());
        Files.writeString(dir.resolve("latency-vs-rate.svg"), againstRate());
        Files.copy(dir.resolve("results.json"), root.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    ScenarioResult steadyAt(double rate) {
        return pipeline.stream().filter(s -> s.scenario().equals("steady") && s.rate() == rate).findFirst().orElseThrow();
    }

    ScenarioResult burst() {
        return pipeline.stream().filter(s -> s.scenario().equals("burst")).findFirst().orElseThrow();
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

        Map<String, Object> baselines = new LinkedHashMap<>();
        Map<String, Object> rawChain = new LinkedHashMap<>();
        rawChain.put("rate", plan.chainRate());
        rawChain.put("records", chain.count());
        rawChain.put("p50", chain.percentileMillis(50));
        rawChain.put("p90", chain.percentileMillis(90));
        rawChain.put("p99", chain.percentileMillis(99));
        rawChain.put("p999", chain.percentileMillis(99.9));
        rawChain.put("max", chain.maxMillis());
        baselines.put("rawThreeHopChain", rawChain);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("records", producer.records());
        raw.put("recordsPerSecond", producer.recordsPerSecond());
        raw.put("megabytesPerSecond", producer.megabytesPerSecond());
        raw.put("p50", producer.p50Millis());
        raw.put("p99", producer.p99Millis());
        baselines.put("producerPerformance", raw);
        json.put("baselines", baselines);

        ScenarioResult at500 = steadyAt(plan.chainRate());
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("p50Ratio", at500.latencies().percentileMillis(50) / chain.percentileMillis(50));
        ratios.put("p99Ratio", at500.latencies().percentileMillis(99) / chain.percentileMillis(99));
        ratios.put("throughputRatio", burst().intakeThroughput() / producer.recordsPerSecond());
        ratios.put("comparedAt", "pipeline steady " + plan.chainRate() + "/s vs raw chain at the same rate; "
                + "burst intake throughput vs ProducerPerformance records/s");
        json.put("ratios", ratios);
        json.put("maxSustainedRate", pipeline.stream().filter(s -> s.rate() > 0 && s.sustained())
                .mapToDouble(ScenarioResult::rate).max().orElse(0));

        Map<String, Object> correctness = new LinkedHashMap<>();
        correctness.put("accepted", pipeline.stream().mapToLong(ScenarioResult::accepted).sum());
        correctness.put("notified", pipeline.stream().mapToLong(ScenarioResult::notified).sum());
        correctness.put("lost", pipeline.stream().mapToLong(ScenarioResult::lost).sum());
        correctness.put("duplicated", pipeline.stream().mapToLong(ScenarioResult::duplicated).sum());
        json.put("correctness", correctness);

        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("peakRssMb", peakRssMb);
        footprint.put("startupSeconds", startupSeconds);
        json.put("footprint", footprint);
        return json;
    }

    private String overTime() {
        List<Svg.Series> series = new ArrayList<>();
        for (ScenarioResult s : pipeline) {
            if (s.scenario().equals("steady")) {
                series.add(Svg.fromTimeline(String.format(Locale.ROOT, "%.0f/s p50", s.rate()), s.latencies().timeline(), 0));
                series.add(Svg.fromTimeline(String.format(Locale.ROOT, "%.0f/s p99", s.rate()), s.latencies().timeline(), 1));
            }
        }
        series.add(Svg.fromTimeline("raw chain p99", chain.timeline(), 1));
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
        List<Svg.Series> series = List.of(new Svg.Series("pipeline p50", p50), new Svg.Series("pipeline p99", p99),
                new Svg.Series("raw chain p50", List.<double[]>of(new double[] {plan.chainRate(), chain.percentileMillis(50)})),
                new Svg.Series("raw chain p99", List.<double[]>of(new double[] {plan.chainRate(), chain.percentileMillis(99)})));
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
