package org.psig.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** End-to-end latencies of one scenario, overall and per second of intended send time, in microseconds. */
final class Latencies {

    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram all = new Histogram(MAX_MICROS, 3);
    private final Map<Long, Histogram> perSecond = new TreeMap<>();
    private final long startNanos;

    Latencies(long startNanos) {
        this.startNanos = startNanos;
    }

    synchronized void record(long intendedNanos, long completedNanos) {
        long micros = Math.min(MAX_MICROS, Math.max(1, (completedNanos - intendedNanos) / 1000));
        all.recordValue(micros);
        perSecond.computeIfAbsent((intendedNanos - startNanos) / 1_000_000_000L, second -> new Histogram(MAX_MICROS, 3))
                .recordValue(micros);
    }

    synchronized long count() {
        return all.getTotalCount();
    }

    /** The percentile in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        return all.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMillis() {
        return all.getMaxValue() / 1000.0;
    }

    /** The percentiles a results file gives, in milliseconds. */
    synchronized Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("p50", percentileMillis(50));
        json.put("p90", percentileMillis(90));
        json.put("p99", percentileMillis(99));
        json.put("p999", percentileMillis(99.9));
        json.put("max", maxMillis());
        json.put("latencyUnit", "ms");
        return json;
    }

    /** p50 and p99 in milliseconds for each second of the scenario. */
    synchronized Map<Long, double[]> timeline() {
        Map<Long, double[]> timeline = new TreeMap<>();
        perSecond.forEach((second, histogram) -> timeline.put(second, new double[] {
            histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0}));
        return timeline;
    }
}
