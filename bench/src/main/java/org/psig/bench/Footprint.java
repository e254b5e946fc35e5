package org.psig.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident memory of each part of the stack (from /proc) and each service's start-up time (from its log). */
final class Footprint {

    /** A process of the stack and what identifies its command line. */
    static final Map<String, String> PARTS = Map.of(
            "kafka", "kafka.Kafka", "registry", "registry-runner.jar",
            "intake-service", "intake-service-0.1.0-SNAPSHOT-exec.jar",
            "triage-service", "triage-service-0.1.0-SNAPSHOT-exec.jar",
            "notification-service", "notification-service-0.1.0-SNAPSHOT-exec.jar",
            "correlation-service", "correlation-service-0.1.0-SNAPSHOT-exec.jar",
            "console-service", "console-service-0.1.0-SNAPSHOT-exec.jar");
    private static final List<String> SERVICES = List.of("intake-service", "triage-service", "notification-service",
            "correlation-service", "console-service");
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");

    private final Map<String, Long> peakRssKb = new LinkedHashMap<>();

    /** Samples every part's resident memory now, keeping each part's highest. */
    void sample() {
        try (var processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().matches("\\d+")).forEach(this::sample);
        } catch (IOException e) {
            // No /proc: not Linux; footprint is reported as unknown.
        }
    }

    private void sample(Path process) {
        try {
            String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
            PARTS.forEach((part, marker) -> {
                if (command.contains(marker) && !command.contains("org.psig.bench")) {
                    rssKb(process).ifPresent(rss -> peakRssKb.merge(part, rss, Math::max));
                }
            });
        } catch (IOException | RuntimeException gone) {
            // The process ended between listing and reading.
        }
    }

    private static Optional<Long> rssKb(Path process) {
        try {
            return Files.readAllLines(process.resolve("status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Map<String, Long> peakRssMb() {
        Map<String, Long> megabytes = new LinkedHashMap<>();
        peakRssKb.forEach((part, kb) -> megabytes.put(part, kb / 1024));
        return megabytes;
    }

    /**
     * How long {@code ./psig up} took to say ready, and each service started alone beside it: launch to
     * readiness and resident memory then.
     */
    record Starts(Double stackReadySeconds, Map<String, Double> aloneReadySeconds, Map<String, Long> aloneRssMb) {

        static final Starts UNKNOWN = new Starts(null, Map.of(), Map.of());
    }

    /** The starts ./psig bench measured before the load, one "service ms rssMb" line each and "stack seconds". */
    static Starts starts(Optional<Path> file) {
        if (file.isEmpty()) {
            return Starts.UNKNOWN;
        }
        Double stack = null;
        Map<String, Double> ready = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file.get())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[0].equals("stack") && fields.length == 2) {
                    stack = Double.parseDouble(fields[1]);
                } else if (fields.length == 3) {
                    ready.put(fields[0], Long.parseLong(fields[1]) / 1000.0);
                    rss.put(fields[0], Long.parseLong(fields[2]));
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return Starts.UNKNOWN;
        }
        return new Starts(stack, ready, rss);
    }

    /** Each service's "Started ... in N seconds" from the logs of ./psig up. */
    static Map<String, Double> startupSeconds(Path logs) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String service : SERVICES) {
            try {
                Matcher started = STARTED.matcher(Files.readString(logs.resolve(service + ".log")));
                if (started.find()) {
                    seconds.put(service, Double.parseDouble(started.group(1)));
                }
            } catch (IOException missing) {
                // A stack this run did not start: no log to read.
            }
        }
        return seconds;
    }
}
