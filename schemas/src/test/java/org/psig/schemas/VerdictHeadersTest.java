package org.psig.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A verdict's summary in its headers, as the intake reads it back. */
class VerdictHeadersTest {

    private static final Instant AT = Instant.parse("2026-11-27T06:45:00.123Z");

    /** A verdict without its report, which the headers do not carry (a builder would insist on one), field by field. */
    private static IncidentTriaged verdict(String region, List<Deadline> deadlines) {
        IncidentTriaged verdict = new IncidentTriaged();
        verdict.put("eventId", UUID.randomUUID());
        verdict.put("incidentId", UUID.randomUUID());
        verdict.put("revision", 2);
        verdict.put("arsRegionCode", region);
        verdict.put("legalQualification", LegalQualification.GRAVE);
        verdict.put("maliciousness", Maliciousness.MALICIOUS);
        verdict.put("severity", Severity.CRITICAL);
        verdict.put("tlp", Tlp.AMBER_STRICT);
        verdict.put("deadlines", deadlines);
        verdict.put("reasons", List.of("why"));
        verdict.put("rulesetVersion", "2026.11-2");
        return verdict;
    }

    private static final List<Deadline> TWO_DUTIES = List.of(new Deadline(Duty.CNIL_NOTIFICATION, AT.plusSeconds(72 * 3600)),
            new Deadline(Duty.NIS2_EARLY_WARNING, AT.plusSeconds(24 * 3600)));

    @Test
    void shouldCarryTheSummaryOfTheVerdict() {
        assertThat(VerdictHeaders.of(verdict("53", TWO_DUTIES))).containsExactly(
                entry("psig-revision", "2"), entry("psig-legal-qualification", "GRAVE"),
                entry("psig-maliciousness", "MALICIOUS"), entry("psig-severity", "CRITICAL"),
                entry("psig-region", "53"), entry("psig-tlp", "AMBER_STRICT"),
                entry("psig-deadlines", "CNIL_NOTIFICATION=2026-11-30T06:45:00.123Z,NIS2_EARLY_WARNING=2026-11-28T06:45:00.123Z"),
                entry("psig-ruleset-version", "2026.11-2"));
    }

    @Test
    void shouldReadBackTheDeadlinesItWrote() {
        IncidentTriaged triaged = verdict("53", TWO_DUTIES);

        assertThat(VerdictHeaders.deadlines(VerdictHeaders.of(triaged).get(VerdictHeaders.DEADLINES)))
                .isEqualTo(triaged.getDeadlines());
    }

    @Test
    void shouldWriteEmptyValuesForNoRegionAndNoDeadline() {
        IncidentTriaged unrouted = verdict(null, List.of());

        assertThat(VerdictHeaders.of(unrouted)).containsEntry("psig-region", "").containsEntry("psig-deadlines", "");
        assertThat(VerdictHeaders.deadlines("")).isEmpty();
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
