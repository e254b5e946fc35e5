package org.psig.triage.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.psig.kafka.PoisonRecordException;
import org.psig.schemas.Actions;
import org.psig.schemas.IncidentReport;
import org.psig.testsupport.ReportFixtures;
import org.psig.triage.rules.TriageFacts;
import org.psig.triage.rules.TriageParameters;
import org.psig.triage.rules.TriagePolicy;
import org.psig.triage.routing.ArsDirectory;

/** The edge between the Avro report and the rules: what the rules see of a report. */
class ReportFactsTest {

    private final TriagePolicy policy = new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS);

    @Test
    void shouldRouteOnTheSiteWhenTheLegalEntitySitsInAnotherDepartment() {
        IncidentReport report = ReportFixtures.ransomware("REF-1", "350100426", "Site breton, entité parisienne");
        report.getEstablishment().put("finessEj", "750712184");

        assertThat(policy.triage(ReportFacts.from(report)).arsRegionCode()).contains("53");
    }

    @Test
    void shouldReadTheDetectionInstantWhateverItsOffset() {
        IncidentReport report = ReportFixtures.ransomware("REF-2", "350100426", "Heure d'hiver");

        assertThat(ReportFacts.from(report).detectedAt()).isEqualTo(Instant.parse("2026-11-27T05:40:00Z"));
    }

    @Test
    void shouldTreatAbsentFlagsAsNotSet() {
        TriageFacts facts = ReportFacts.from(ReportFixtures.ransomware("REF-3", "350100426", "Sans drapeaux"));

        assertThat(facts.essentialOperator()).isFalse();
        assertThat(facts.cnilNotified()).isFalse();
    }

    @Test
    void shouldReadTheEssentialOperatorAndCnilFlags() {
        IncidentReport report = ReportFixtures.ransomware("REF-4", "350100426", "OSE");
        report.getEstablishment().put("essentialOperator", true);
        report.put("actions", Actions.newBuilder().setCnilNotified(true).build());

        TriageFacts facts = ReportFacts.from(report);

        assertThat(facts.essentialOperator()).isTrue();
        assertThat(facts.cnilNotified()).isTrue();
    }

    @Test
    void shouldRefuseADetectionTimeWithoutOffsetAsAPoisonRecord() {
        IncidentReport report = ReportFixtures.ransomware("REF-5", "350100426", "Sans décalage");
        report.getIncident().put("detectedAt", "2026-11-27T06:40:00");

        assertThatThrownBy(() -> ReportFacts.from(report)).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("2026-11-27T06:40:00");
    }
}
