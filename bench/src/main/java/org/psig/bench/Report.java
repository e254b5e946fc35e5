package org.psig.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.md: the run's figures as tables a reader can take in at a glance. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> json, Results results) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) json.get("machine");
        md.append("# Benchmark ").append(json.get("timestamp")).append(" (").append(json.get("mode")).append(")\n\n")
                .append(String.format(Locale.ROOT, "%s cores, %s MB, Java %s, %s; reports of %s bytes.%n%n",
                        machine.get("cores"), machine.get("memoryMb"), machine.get("javaVersion"), machine.get("os"),
                        json.get("recordSizeBytes")))
                .append("## Pipeline: POST to both notifications visible (read_committed)\n\n")
                .append("| scenario | rate/s | sent | accepted | notified | lost | duplicated | p50 ms | p90 ms | p99 ms | "
                        + "p99.9 ms | max ms | intake/s | all out after s |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> s : (List<Map<String, Object>>) json.get("scenarios")) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %s |%n",
                    s.get("scenario"), rate((Double) s.get("rate")), s.get("sent"), s.get("accepted"), s.get("notified"),
                    s.get("lost"), s.get("duplicated"), s.get("p50"), s.get("p90"), s.get("p99"), s.get("p999"),
                    s.get("max"), s.get("intakeThroughput"),
                    s.get("drainSeconds") == null ? "" : String.format(Locale.ROOT, "%.1f", s.get("drainSeconds"))));
        }
        Map<String, Object> baselines = (Map<String, Object>) json.get("baselines");
        Map<String, Object> chain = (Map<String, Object>) baselines.get("rawThreeHopChain");
        Map<String, Object> producer = (Map<String, Object>) baselines.get("producerPerformance");
        Map<String, Object> ratios = (Map<String, Object>) json.get("ratios");
        md.append("\n## Raw Kafka on the same broker\n\n")
                .append(String.format(Locale.ROOT, "- Three-hop chain at %s records/s (produce, 2 transactional relays, "
                        + "read_committed reader): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms over %s records.%n",
                        rate((Double) chain.get("rate")), chain.get("p50"), chain.get("p90"), chain.get("p99"),
                        chain.get("p999"), chain.get("max"), chain.get("records")))
                .append(String.format(Locale.ROOT, "- ProducerPerformance, acks=all: %.0f records/s (%.1f MB/s), "
                        + "p50 %.0f ms, p99 %.0f ms over %s records.%n", producer.get("recordsPerSecond"),
                        producer.get("megabytesPerSecond"), producer.get("p50"), producer.get("p99"), producer.get("records")))
                .append("\n## Ratios\n\n")
                .append(String.format(Locale.ROOT, "- p50 pipeline / raw chain at %s/s: **%.2f**%n",
                        rate((Double) chain.get("rate")), ratios.get("p50Ratio")))
                .append(String.format(Locale.ROOT, "- p99 pipeline / raw chain at %s/s: **%.2f**%n",
                        rate((Double) chain.get("rate")), ratios.get("p99Ratio")))
                .append(String.format(Locale.ROOT, "- intake throughput (burst) / raw producer: **%.3f**%n",
                        ratios.get("throughputRatio")))
                .append(String.format(Locale.ROOT, "- highest rate sustained with p99 under 1 s, nothing lost or "
                        + "refused: **%s**%n", (Double) json.get("maxSustainedRate") == 0 ? "none of the rates tried"
                        : rate((Double) json.get("maxSustainedRate")) + " reports/s"));
        Map<String, Object> correctness = (Map<String, Object>) json.get("correctness");
        Map<String, Object> footprint = (Map<String, Object>) json.get("footprint");
        md.append(String.format(Locale.ROOT, "%n## Correctness%n%nAccepted %s, notified %s, **lost %s, duplicated %s**.%n",
                        correctness.get("accepted"), correctness.get("notified"), correctness.get("lost"),
                        correctness.get("duplicated")))
                .append("\n## Footprint\n\n| part | peak RSS under load (MB) | start-up (s) |\n|---|---|---|\n");
        Map<String, Object> rss = (Map<String, Object>) footprint.get("peakRssMb");
        Map<String, Object> startup = (Map<String, Object>) footprint.get("startupSeconds");
        rss.forEach((part, mb) -> md.append("| ").append(part).append(" | ").append(mb).append(" | ")
                .append(startup.getOrDefault(part, "")).append(" |\n"));
        md.append("\n![latency over time](latency-over-time.svg)\n\n![latency against rate](latency-vs-rate.svg)\n");
        return md.toString();
    }

    private static String rate(Double rate) {
        return rate == null || rate == 0 ? "max" : String.format(Locale.ROOT, "%.0f", rate);
    }
}
