package org.psig.devstack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** The runbook, the rules' unit tests and the metrics table keep up with the rules and the dashboard. */
class OperationsDocsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path RULES = ROOT.resolve("monitoring/rules/psig-alerts.yml");
    private static final Path RULE_TESTS = ROOT.resolve("monitoring/rules/psig-alerts.test.yml");
    private static final Path DASHBOARD = ROOT.resolve("monitoring/grafana/dashboards/psig-pipeline.json");
    private static final Path OPERATIONS = ROOT.resolve("docs/operations.md");
    /** Prometheus's own series, not ours to document. */
    private static final Set<String> BUILT_IN = Set.of("up", "ALERTS");

    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void everyAlertHasARunbookEntryAndARowInTheTable() throws IOException {
        String operations = Files.readString(OPERATIONS);
        List<String> alerts = alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(9);
        for (String alert : alerts) {
            assertThat(operations).as("runbook entry of " + alert).contains("\n### " + alert + "\n");
            assertThat(operations).as("table row of " + alert)
                    .contains("| [" + alert + "](#" + alert.toLowerCase() + ") |");
        }
    }

    @Test
    void everyAlertIsShownFiringInItsUnitTests() throws IOException {
        Set<String> shownFiring = new TreeSet<>();
        for (JsonNode test : yaml.readTree(RULE_TESTS.toFile()).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                if (!check.path("exp_alerts").isEmpty()) {
                    shownFiring.add(check.path("alertname").asText());
                }
            }
        }
        assertThat(shownFiring).containsExactlyInAnyOrderElementsOf(alerts());
    }

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsDocumented() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : yaml.readTree(RULES.toFile()).path("groups")) {
            group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText()));
        }
        expressions.addAll(DashboardQueries.of(new ObjectMapper().readTree(DASHBOARD.toFile())));
        Set<String> metrics = new TreeSet<>();
        expressions.forEach(expression -> PromQlSelectors.of(expression).forEach(selector ->
                metrics.add(selector.replaceAll("\\{.*", "").replaceAll("_(bucket|count|sum)$", ""))));
        metrics.removeAll(BUILT_IN);
        assertThat(metrics).hasSizeGreaterThanOrEqualTo(10);
        String operations = Files.readString(OPERATIONS);
        assertThat(metrics).allSatisfy(metric -> assertThat(operations).contains("`" + metric + "`"));
    }

    private List<String> alerts() throws IOException {
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : yaml.readTree(RULES.toFile()).path("groups")) {
            group.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText()));
        }
        return alerts;
    }
}
