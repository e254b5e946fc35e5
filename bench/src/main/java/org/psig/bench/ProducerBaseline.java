package org.psig.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own {@code ProducerPerformance}, from the broker's classpath, on the same broker: how many
 * records of a report's size one producer writes per second with acks=all. The physical ceiling the
 * intake's throughput is compared with.
 */
final class ProducerBaseline {

    /** The summary line ProducerPerformance prints last. */
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, "
            + "(\\d+) ms 99th, (\\d+) ms 99.9th");

    record Result(long records, double recordsPerSecond, double megabytesPerSecond, double p50Millis,
                  double p99Millis) {
    }

    private ProducerBaseline() {
    }

    static final String TOPIC = "bench.producer-performance";

    static Result run(Path brokerLib, String bootstrap, long records, int recordSize) throws Exception {
        // Brokers run with auto-creation off, as the pipeline's topics: 6 partitions, as theirs.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", brokerLib.toAbsolutePath() + "/*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (SUMMARY.matcher(line).find()) {
                    summary = line;
                }
            }
        }
        if (process.waitFor() != 0 || summary == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ")");
        }
        return parse(summary);
    }

    static Result parse(String summary) {
        Matcher m = SUMMARY.matcher(summary);
        if (!m.find()) {
            throw new IllegalArgumentException("not a ProducerPerformance summary: " + summary);
        }
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(6)), Double.parseDouble(m.group(8)));
    }
}
