package org.psig.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One scenario's figures: what was sent, accepted, notified, lost or duplicated, and how fast. */
record ScenarioResult(String scenario, double rate, long sent, long accepted, long notified, long lost,
                      long duplicated, Map<Integer, Long> refusedByStatus, double intakeThroughput,
                      Double drainSeconds, Double drainAfterLastAcceptSeconds, Latencies latencies) {

    boolean sustained() {
        return lost == 0 && duplicated == 0 && refusedByStatus.isEmpty() && latencies.percentileMillis(99) < 1000;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("rate", rate);
        json.put("sent", sent);
        json.put("accepted", accepted);
        json.put("notified", notified);
        json.put("lost", lost);
        json.put("duplicated", duplicated);
        Map<String, Object> refused = new LinkedHashMap<>();
        refusedByStatus.forEach((status, count) -> refused.put(Integer.toString(status), count));
        json.put("refused", refused);
        json.put("intakeThroughput", intakeThroughput);
        json.put("drainSeconds", drainSeconds);
        json.put("drainAfterLastAcceptSeconds", drainAfterLastAcceptSeconds);
        json.putAll(latencies.toJson());
        return json;
    }
}
