package org.psig.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
                        + "p99.9 ms | max ms | intake/s | all out after s | after last 202 s |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> s : (List<Map<String, Object>>) json.get("scenarios")) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %s | %s |%n",
                    s.get("scenario"), rate((Double) s.get("rate")), s.get("sent"), s.get("accepted"), s.get("notified"),
                    s.get("lost"), s.get("duplicated"), s.get("p50"), s.get("p90"), s.get("p99"), s.get("p999"),
                    s.get("max"), s.get("intakeThroughput"),
                    seconds(s.get("drainSeconds")), seconds(s.get("drainAfterLastAcceptSeconds"))));
        }
        Map<String, Object> baselines = (Map<String, Object>) json.get("baselines");
        Map<String, Object> producer = (Map<String, Object>) baselines.get("producerPerformance");
        Map<String, Object> ratios = (Map<String, Object>) json.get("ratios");
        md.append("\n## Raw Kafka on the same broker, in the same run\n\n")
                .append("Three hops: produce (acks=all), two transactional relays (read_committed), a read_committed reader.\n\n")
                .append("| pattern | relays/hop | rate/s | sent | lost | duplicated | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Map<String, Object>> chains = new java.util.ArrayList<>((List<Map<String, Object>>) baselines.get("rawThreeHopChain"));
        Map<String, Object> chainSearch = (Map<String, Object>) baselines.get("rawChainSearch");
        chains.addAll((List<Map<String, Object>>) chainSearch.get("steps"));
        for (Map<String, Object> c : chains) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    c.get("patternDescription"), c.get("relaysPerHop"), rate((Double) c.get("rate")), c.get("sent"),
                    c.get("lost"), c.get("duplicated"), c.get("p50"), c.get("p90"), c.get("p99"), c.get("p999"), c.get("max")));
        }
        md.append(String.format(Locale.ROOT, "%n- ProducerPerformance, acks=all: %.0f records/s (%.1f MB/s), "
                        + "p50 %.0f ms, p99 %.0f ms over %s records.%n", producer.get("recordsPerSecond"),
                        producer.get("megabytesPerSecond"), producer.get("p50"), producer.get("p99"), producer.get("records")))
                .append("\n## Ratios\n\n");
        for (Map<String, Object> at : (List<Map<String, Object>>) ratios.get("latency")) {
            md.append(String.format(Locale.ROOT, "- at %s/s, pipeline / raw chain (one transaction per poll batch): "
                    + "p50 **%.2f**, p99 **%.2f**%n", rate((Double) at.get("rate")), at.get("p50Ratio"), at.get("p99Ratio")));
        }
        Map<String, Object> perRecord = (Map<String, Object>) ratios.get("latencyAgainstPerRecordChain");
        md.append(String.format(Locale.ROOT, "- at %s/s, pipeline / raw chain (one transaction per record): p50 %.2f, "
                        + "p99 %.2f%n", rate((Double) perRecord.get("rate")), perRecord.get("p50Ratio"), perRecord.get("p99Ratio")))
                .append(String.format(Locale.ROOT, "- intake throughput (burst) / raw producer: **%.3f**%n",
                        ratios.get("throughputRatio")))
                .append(String.format(Locale.ROOT, "- highest rate sustained (p99 under 1 s, nothing lost or refused): "
                        + "pipeline **%s**, raw chain **%s**%n", sustained((Double) json.get("maxSustainedRate")),
                        sustained((Double) json.get("rawChainMaxSustainedRate"))));
        Map<String, Object> correctness = (Map<String, Object>) json.get("correctness");
        Map<String, Object> footprint = (Map<String, Object>) json.get("footprint");
        md.append(String.format(Locale.ROOT, "%n## Correctness%n%nPipeline: accepted %s, notified %s, **lost %s, "
                        + "duplicated %s**. Raw chain: sent %s, **lost %s, duplicated %s**.%n",
                        correctness.get("accepted"), correctness.get("notified"), correctness.get("lost"),
                        correctness.get("duplicated"), correctness.get("rawChainSent"), correctness.get("rawChainLost"),
                        correctness.get("rawChainDuplicated")))
                .append(String.format(Locale.ROOT, "%n## Footprint%n%n`./psig up` ready in %s s. Each service"
                        + " started alone beside the stack, just after it said ready: launch to readiness, and resident memory then.%n%n"
                        + "| part | peak RSS under load (MB) | start-up in the stack (s) | alone: ready (s) | alone: RSS (MB) |%n"
                        + "|---|---|---|---|---|%n", Objects.toString(footprint.get("stackReadySeconds"), "?")));
        Map<String, Object> rss = (Map<String, Object>) footprint.get("peakRssMb");
        Map<String, Object> startup = (Map<String, Object>) footprint.get("startupSeconds");
        Map<String, Object> aloneReady = (Map<String, Object>) footprint.get("aloneReadySeconds");
        Map<String, Object> aloneRss = (Map<String, Object>) footprint.get("aloneRssMb");
        rss.forEach((part, mb) -> md.append("| ").append(part).append(" | ").append(mb).append(" | ")
                .append(startup.getOrDefault(part, "")).append(" | ").append(aloneReady.getOrDefault(part, ""))
                .append(" | ").append(aloneRss.getOrDefault(part, "")).append(" |\n"));
        md.append("\n![latency over time](latency-over-time.svg)\n\n![latency against rate](latency-vs-rate.svg)\n");
        return md.toString();
    }

    private static String seconds(Object value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String sustained(Double rate) {
        return rate == 0 ? "none of the rates tried" : rate(rate) + " reports/s";
    }

    private static String rate(Double rate) {
        return rate == null || rate == 0 ? "max" : String.format(Locale.ROOT, "%.0f", rate);
    }
}
