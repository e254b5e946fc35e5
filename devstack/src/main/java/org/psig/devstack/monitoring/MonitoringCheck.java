package org.psig.devstack.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Run against a live Prometheus after some load ({@code devstack/monitoring-test.sh}): every target
 * is up; every series selector of every loaded alert rule matches series; every expression of the
 * given dashboards returns a number. A dashboard that only looks right, or an alert that watches a
 * metric nobody exports, fails here. Retries until a deadline, since scrapes and the services'
 * Kafka readings come every few seconds.
 *
 * <p>Usage: {@code MonitoringCheck <dashboard.json>...}; PSIG_PROMETHEUS_URL (default
 * http://127.0.0.1:9090), PSIG_CHECK_SECONDS (default 120).
 */
public final class MonitoringCheck {

    @FunctionalInterface
    interface Check {
        /** Null when it passes, else why not. */
        String failure() throws IOException, InterruptedException;
    }

    private MonitoringCheck() {
    }

    public static void main(String[] args) throws Exception {
        PrometheusApi prometheus = new PrometheusApi(env("PSIG_PROMETHEUS_URL", "http://127.0.0.1:9090"));
        long deadline = System.nanoTime() + Long.parseLong(env("PSIG_CHECK_SECONDS", "120")) * 1_000_000_000L;
        Map<String, Check> pending = checks(prometheus, args);
        Map<String, String> failures = new LinkedHashMap<>();
        while (true) {
            failures.clear();
            for (Map.Entry<String, Check> check : new ArrayList<>(pending.entrySet())) {
                String failure = check.getValue().failure();
                if (failure == null) {
                    System.out.println("ok      " + check.getKey());
                    pending.remove(check.getKey());
                } else {
                    failures.put(check.getKey(), failure);
                }
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(5_000);
        }
        failures.forEach((name, failure) -> System.out.println("FAILED  " + name + ": " + failure));
        System.out.println(failures.isEmpty() ? "monitoring check passed" : failures.size() + " check(s) failed");
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static Map<String, Check> checks(PrometheusApi prometheus, String[] dashboards) throws IOException, InterruptedException {
        Map<String, Check> checks = new LinkedHashMap<>();
        List<PrometheusApi.Target> targets = prometheus.targets();
        List<PrometheusApi.Rule> rules = prometheus.rules();
        if (targets.isEmpty() || rules.isEmpty() || dashboards.length == 0) {
            throw new IllegalStateException("Nothing to check: " + targets.size() + " targets, " + rules.size()
                    + " rules, " + dashboards.length + " dashboards");
        }
        for (PrometheusApi.Target target : targets) {
            checks.put("target " + target.job() + " " + target.url() + " is up", () -> {
                PrometheusApi.Target now = prometheus.targets().stream()
                        .filter(candidate -> candidate.url().equals(target.url())).findFirst().orElse(null);
                return now == null ? "no longer a target"
                        : "up".equals(now.health()) ? null : now.health() + " " + now.lastError();
            });
        }
        for (PrometheusApi.Rule rule : rules) {
            for (String selector : PromQlSelectors.of(rule.query())) {
                checks.put("rule " + rule.name() + " watches " + selector, () ->
                        prometheus.query(selector).isEmpty() ? "no series match" : null);
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (String dashboard : dashboards) {
            for (String expression : DashboardQueries.of(json.readTree(Files.readString(Path.of(dashboard))))) {
                checks.put("dashboard " + Path.of(dashboard).getFileName() + ": " + expression, () -> {
                    List<PrometheusApi.Sample> samples = prometheus.query(expression);
                    return samples.stream().anyMatch(sample -> !Double.isNaN(sample.value())) ? null
                            : samples.isEmpty() ? "returns nothing" : "returns only NaN";
                });
            }
        }
        return checks;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
