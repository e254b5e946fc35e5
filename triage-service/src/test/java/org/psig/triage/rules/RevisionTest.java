package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.rules.VerdictChanges.Change;

/** A later revision of a report: deadlines that keep running, deadlines that start late, what changed. */
class RevisionTest {

    private static final Instant REVISION_RECEIVED = Facts.DETECTED_AT.plus(Duration.ofDays(2));
    private final TriagePolicy policy = new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS);

    @Test
    void shouldRunALateCnilDeadlineFromTheRevisionsReceiptNotFromDetection() {
        Facts breach = Facts.nothingDeclared();
        breach.breach = true;

        Verdict verdict = policy.triage(breach.build(), new Revision(2, REVISION_RECEIVED, Map.of()));

        assertThat(verdict.deadlines()).singleElement().satisfies(deadline -> {
            assertThat(deadline.duty()).isEqualTo(Duty.CNIL_NOTIFICATION);
            assertThat(deadline.dueAt()).isEqualTo(REVISION_RECEIVED.plus(Duration.ofHours(72)));
        });
        assertThat(verdict.reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("72 h after revision 2 was received, the first to make it apply"));
    }

    @Test
    void shouldKeepTheDueTimeOfADeadlineThatWasAlreadyRunning() {
        Facts breach = Facts.nothingDeclared();
        breach.breach = true;
        Instant firstDue = Facts.DETECTED_AT.plus(Duration.ofHours(72));

        Verdict verdict = policy.triage(breach.build(),
                new Revision(3, REVISION_RECEIVED, Map.of(Duty.CNIL_NOTIFICATION, firstDue)));

        assertThat(verdict.deadlines()).singleElement().satisfies(deadline ->
                assertThat(deadline.dueAt()).isEqualTo(firstDue));
        assertThat(verdict.reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("set when it first applied, unchanged by revision 3"));
    }

    @Test
    void shouldDropADeadlineThatNoLongerApplies() {
        Verdict verdict = policy.triage(Facts.nothingDeclared().build(), new Revision(2, REVISION_RECEIVED,
                Map.of(Duty.CNIL_NOTIFICATION, Facts.DETECTED_AT.plus(Duration.ofHours(72)))));

        assertThat(verdict.deadlines()).isEmpty();
    }

    @Test
    void shouldCountTheInitialReportsDeadlinesFromDetection() {
        Facts essential = Facts.nothingDeclared();
        essential.essentialOperator = true;

        Verdict verdict = policy.triage(essential.build(), Revision.initial(REVISION_RECEIVED));

        assertThat(verdict.deadlines()).extracting(Deadline::dueAt)
                .contains(Facts.DETECTED_AT, Facts.DETECTED_AT.plus(Duration.ofHours(24)));
    }

    @Test
    void shouldRefuseARevisionBelowOne() {
        assertThatThrownBy(() -> new Revision(0, REVISION_RECEIVED, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "severity,      MEDIUM,                   CRITICAL",
        "arsRegionCode, 53,                       -",
        "arsRegionCode, -,                        53",
        "deadlines,     -,                        CNIL_NOTIFICATION by 2026-11-30T05:40:00Z",
        "tlp,           AMBER_STRICT,             AMBER"})
    void shouldListEachChangedFieldWithItsPreviousAndCurrentValue(String field, String previous, String current) {
        Map<String, String> before = fields();
        before.put(field, previous);
        Map<String, String> after = fields();
        after.put(field, current);

        assertThat(VerdictChanges.between(before, after)).containsExactly(new Change(field, previous, current));
    }

    @Test
    void shouldListNoChangeWhenTheVerdictIsTheSame() {
        assertThat(VerdictChanges.between(fields(), fields())).isEmpty();
    }

    @Test
    void shouldNameEveryComparableVerdictField() {
        Facts breach = Facts.nothingDeclared();
        breach.breach = true;

        Map<String, String> fields = VerdictChanges.fields(policy.triage(breach.build()));

        assertThat(fields.keySet()).containsExactly("arsRegionCode", "legalQualification", "maliciousness",
                "severity", "rsitClass", "rsitType", "tlp", "deadlines");
        assertThat(fields.get("deadlines")).isEqualTo("CNIL_NOTIFICATION by 2026-11-30T05:40:00Z");
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("arsRegionCode", "53");
        fields.put("legalQualification", "SIGNIFICATIF");
        fields.put("maliciousness", "MALICIOUS");
        fields.put("severity", "HIGH");
        fields.put("rsitClass", "malicious-code");
        fields.put("rsitType", "ransomware");
        fields.put("tlp", "AMBER");
        fields.put("deadlines", null);
        return fields;
    }
}
