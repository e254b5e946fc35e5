package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.psig.testsupport.Samples;
import org.psig.triage.routing.ArsDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The six reference reports get exactly the verdicts of {@code samples/expected-verdicts.json}. */
class SampleVerdictsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TriagePolicy policy = new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS);

    static Stream<String> samples() {
        return Samples.NAMES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldGiveTheExpectedVerdict(String sample) {
        JsonNode expected = JSON.readTree(Samples.expectedVerdicts()).get(sample);

        Verdict verdict = policy.triage(facts(JSON.readTree(Samples.report(sample))));

        assertThat(verdict.arsRegionCode().orElse(null)).isEqualTo(expected.get("arsRegionCode").isNull()
                ? null : expected.get("arsRegionCode").asString());
        assertThat(verdict.legalQualification().name()).isEqualTo(expected.get("legalQualification").asString());
        assertThat(verdict.maliciousness().name()).isEqualTo(expected.get("maliciousness").asString());
        assertThat(verdict.severity().name()).isEqualTo(expected.get("severity").asString());
        assertThat(verdict.reasons()).hasSize(5 + verdict.deadlines().size())
                .allSatisfy(reason -> assertThat(reason).endsWith("."));
        assertThat(verdict.rulesetVersion()).isEqualTo(TriageParameters.RULES_VERSION);
    }

    static TriageFacts facts(JsonNode report) {
        JsonNode incident = report.get("incident");
        JsonNode impacts = report.get("impacts");
        JsonNode actions = report.path("actions");
        return new TriageFacts(
                report.get("establishment").get("finessEt").asString(),
                report.get("establishment").path("essentialOperator").asBoolean(false),
                java.time.OffsetDateTime.parse(incident.get("detectedAt").asString()).toInstant(),
                IncidentCategory.valueOf(incident.get("category").asString()),
                Enums.DeclaredOrigin.valueOf(incident.get("declaredOrigin").asString()),
                Enums.IncidentStatus.valueOf(incident.get("status").asString()),
                Enums.CareSafety.valueOf(impacts.get("careSafety").asString()),
                impacts.get("dataConfidentiality").asBoolean(),
                impacts.get("dataIntegrity").asBoolean(),
                impacts.get("dataAvailability").asBoolean(),
                impacts.get("personalDataBreach").asBoolean(),
                Enums.Functioning.valueOf(impacts.get("functioning").asString()),
                impacts.get("degradedMode").asBoolean(),
                impacts.get("healthSystemImpact").asBoolean(),
                impacts.get("spreadRisk").asBoolean(),
                actions.path("cnilNotified").asBoolean(false));
    }
}
