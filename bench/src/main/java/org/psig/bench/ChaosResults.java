package org.psig.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** results.json and report.md of one chaos run. */
record ChaosResults(ChaosPlan plan, List<FaultResult> faults, long sent, double durationSeconds, String timestamp) {

    boolean passed() {
        return faults.stream().allMatch(FaultResult::passed);
    }

    Path write(Path root) throws IOException {
        Path dir = root.resolve(timestamp + "-" + plan.mode());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), Json.write(json()));
        Files.writeString(dir.resolve("report.md"), markdown());
        return dir;
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", plan.mode());
        json.put("timestamp", timestamp);
        json.put("ratePerSecond", plan.rate());
        json.put("stack", "3 brokers (3 copies, 2 in sync), 2 instances of intake, triage, notification, correlation");
        json.put("healthyLatencyMs", plan.healthy().toMillis());
        json.put("durationSeconds", durationSeconds);
        json.put("sent", sent);
        json.put("passed", passed());
        json.put("faults", faults.stream().map(ChaosResults::json).toList());
        return json;
    }

    private static Map<String, Object> json(FaultResult f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fault", f.fault());
        json.put("control", f.control());
        json.put("description", f.description());
        json.put("detail", f.detail());
        json.put("faultSeconds", f.faultSeconds());
        json.put("partsBackSeconds", f.partsBackSeconds());
        json.put("recoverySeconds", f.recoverySeconds());
        json.put("sent", f.sent());
        json.put("accepted", f.accepted());
        json.put("notified", f.notified());
        json.put("lost", f.lost());
        json.put("duplicated", f.duplicated());
        json.put("refused503", f.refused503());
        json.put("refused503WithoutRetryAfter", f.without503RetryAfter());
        json.put("status500", f.status500());
        json.put("otherStatuses", f.otherStatuses().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        json.put("unanswered", f.unanswered());
        json.put("unansweredCauses", f.unansweredCauses().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        json.put("failovers", f.failovers());
        json.put("affected", f.affected());
        json.put("p50", f.p50Millis());
        json.put("p99", f.p99Millis());
        json.put("max", f.maxMillis());
        json.put("latencyUnit", "ms");
        json.put("passed", f.passed());
        return json;
    }

    /** The per-fault table, as report.md and the console show it. */
    String table() {
        StringBuilder md = new StringBuilder("| fault | sent | accepted | notified | lost | duplicated | 503 (all with Retry-After) "
                + "| 500 | other | unanswered | to the other intake | affected | parts back s | recovery s | p50 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FaultResult f : faults) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d%s | %d | %s | %d | %d | %d | %s | %s | %.0f | %.0f | %.0f |%n",
                    f.fault(), f.sent(), f.accepted(), f.notified(), f.lost(), f.duplicated(), f.refused503(),
                    f.without503RetryAfter() == 0 ? "" : " (" + f.without503RetryAfter() + " without)", f.status500(),
                    f.otherStatuses().isEmpty() ? "0" : f.otherStatuses().toString(), f.unanswered(), f.failovers(),
                    f.affected(), seconds(f.partsBackSeconds()), f.control() ? "—" : f.recoverySeconds() == null
                            ? "not within the phase" : seconds(f.recoverySeconds()),
                    f.p50Millis(), f.p99Millis(), f.maxMillis()));
        }
        return md.toString();
    }

    private String markdown() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Chaos run %s (%s)%n%n", timestamp, plan.mode()))
                .append(String.format(Locale.ROOT, "%.0f reports/s, open loop, over both intakes, on 3 brokers (3 copies, 2 in sync) "
                        + "and 2 instances of each service; %d reports in %.0f s. A report is *affected* when it was refused, "
                        + "unanswered, or notified (HFDS and ARS or unrouted, read_committed) more than %d ms after its "
                        + "intended send time; *recovery* runs from the fault to the intended send time of the last "
                        + "affected report of its phase.%n%n", plan.rate(), sent, durationSeconds, plan.healthy().toMillis()))
                .append(table()).append('\n');
        for (FaultResult f : faults) {
            md.append("- **").append(f.fault()).append("**: ").append(f.description())
                    .append(f.detail().isEmpty() ? "" : " (" + f.detail() + ")")
                    .append(f.unanswered() == 0 ? "" : "; unanswered: " + f.unansweredCauses()).append('\n');
        }
        return md.append(String.format(Locale.ROOT, "%nVerdict: %s%n", passed()
                ? "passed: nothing lost or duplicated, every refusal a 503 with Retry-After or an error the client saw"
                : "FAILED")).toString();
    }

    private static String seconds(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }
}
