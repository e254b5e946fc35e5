package org.psig.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One run of the raw chain at one rate: what was sent, lost, duplicated, and the latencies of the rest. */
record ChainRun(RawChain.Pattern pattern, double rate, long sent, long lost, long duplicated, Latencies latencies) {

    /** The same test as the pipeline's: everything arrived once, p99 under a second. */
    boolean sustained() {
        return lost == 0 && duplicated == 0 && latencies.percentileMillis(99) < 1000;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pattern", pattern.name());
        json.put("patternDescription", pattern.description);
        json.put("relaysPerHop", pattern.relaysPerHop);
        json.put("rate", rate);
        json.put("sent", sent);
        json.put("lost", lost);
        json.put("duplicated", duplicated);
        json.putAll(latencies.toJson());
        return json;
    }
}
