package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BenchPiecesTest {

    @Test
    void shouldSpreadReportsOverEveryRecipientAndCategoryWithValidFiness() {
        ReportBodies bodies = new ReportBodies("test", 1);
        Set<String> prefixes = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < ReportBodies.SITE_PREFIXES.size() * ReportBodies.CATEGORIES.size(); i++) {
            ReportBodies.Report report = bodies.next(i);
            String body = new String(report.body(), StandardCharsets.UTF_8);
            ReportBodies.SITE_PREFIXES.stream().filter(report.finessEt()::startsWith).forEach(prefixes::add);
            ReportBodies.CATEGORIES.stream().filter(c -> body.contains("\"category\":\"" + c + "\"")).forEach(categories::add);
            assertThat(report.finessEt()).hasSize(9);
            if (report.finessEt().chars().allMatch(Character::isDigit)) {
                assertThat(luhn(report.finessEt())).as(report.finessEt()).isTrue();
            }
        }
        assertThat(prefixes).hasSize(19);
        assertThat(categories).hasSize(17);
    }

    @Test
    void shouldComputeTheIncidentIdAsTheIntakeDoes() {
        // The Bretagne sample's id, as the README shows it.
        assertThat(ReportBodies.incidentId("350100426", "KER-2026-0042").toString())
                .isEqualTo("f9a9222a-45fe-3d58-96b8-58839206790b");
    }

    @Test
    void shouldReadProducerPerformancesSummary() {
        ProducerBaseline.Result result = ProducerBaseline.parse("200000 records sent, 45678.9 records/sec (71.23 MB/sec), "
                + "12.34 ms avg latency, 456.00 ms max latency, 10 ms 50th, 30 ms 95th, 40 ms 99th, 50 ms 99.9th.");

        assertThat(result.records()).isEqualTo(200_000);
        assertThat(result.recordsPerSecond()).isEqualTo(45678.9);
        assertThat(result.p50Millis()).isEqualTo(10);
        assertThat(result.p99Millis()).isEqualTo(40);
    }

    @Test
    void shouldWriteJson() {
        assertThat(Json.write(Map.of("a", List.of(1, 2.5, "x\"y"))))
                .isEqualTo("{\n  \"a\": [\n    1,\n    2.500,\n    \"x\\\"y\"\n  ]\n}\n");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Test
    void shouldKeepTheCommittedLatestResultsForFullRuns() {
        assertThat(Results.latest(Bench.Plan.FULL)).isEqualTo("latest.json");
        assertThat(Results.latest(Bench.Plan.QUICK)).isEqualTo("latest-quick.json");
    }
}
