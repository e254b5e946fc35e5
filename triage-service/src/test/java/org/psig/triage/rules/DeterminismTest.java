package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.psig.triage.rules.Enums.CareSafety;
import org.psig.triage.rules.Enums.DeclaredOrigin;
import org.psig.triage.rules.Enums.Functioning;
import org.psig.triage.rules.Enums.IncidentStatus;
import org.psig.triage.routing.ArsDirectory;

/** The same report and parameters give the same verdict, whatever was triaged before it and in what order. */
class DeterminismTest {

    private static final List<String> SITES = List.of("350100426", "2A0000018", "980500771", "980600001", "750110124",
            "970300014", "XX");

    @Test
    void shouldGiveTheSameVerdictsWhateverTheOrderOfArrival() {
        List<TriageFacts> reports = randomReports(new Random(20261129L), 500);
        Map<TriageFacts, Verdict> inOrder = triageAll(new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS), reports);

        List<TriageFacts> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(7));
        Map<TriageFacts, Verdict> shuffledOrder = triageAll(new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS), shuffled);
        List<TriageFacts> reversed = new ArrayList<>(reports);
        Collections.reverse(reversed);
        Map<TriageFacts, Verdict> reversedOrder = triageAll(new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS), reversed);

        for (TriageFacts report : reports) {
            assertThat(shuffledOrder.get(report)).isEqualTo(inOrder.get(report));
            assertThat(reversedOrder.get(report)).isEqualTo(inOrder.get(report));
        }
        // The sample is varied enough to mean something: every severity and every routing outcome occurs.
        assertThat(inOrder.values()).extracting(Verdict::severity).contains(Enums.Severity.values());
        assertThat(inOrder.values()).extracting(verdict -> verdict.arsRegionCode().isPresent()).contains(true, false);
    }

    private static Map<TriageFacts, Verdict> triageAll(TriagePolicy policy, List<TriageFacts> reports) {
        Map<TriageFacts, Verdict> verdicts = new IdentityHashMap<>();
        reports.forEach(report -> verdicts.put(report, policy.triage(report)));
        return verdicts;
    }

    private static List<TriageFacts> randomReports(Random random, int count) {
        List<TriageFacts> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Facts facts = Facts.nothingDeclared()
                    .category(pick(random, IncidentCategory.values()))
                    .origin(pick(random, DeclaredOrigin.values()))
                    .status(pick(random, IncidentStatus.values()));
            facts.finessEt = SITES.get(random.nextInt(SITES.size()));
            facts.essentialOperator = rarely(random);
            facts.careSafety = rarely(random) ? pick(random, CareSafety.values()) : CareSafety.NONE;
            facts.confidentiality = rarely(random);
            facts.integrity = rarely(random);
            facts.availability = rarely(random);
            facts.breach = rarely(random);
            facts.functioning = rarely(random) ? pick(random, Functioning.values()) : Functioning.NONE;
            facts.degradedMode = rarely(random);
            facts.healthSystemImpact = rarely(random);
            facts.spreadRisk = rarely(random);
            facts.cnilNotified = random.nextBoolean();
            reports.add(facts.build());
        }
        return reports;
    }

    /** Most reports declare few impacts; a flag set half the time would make nearly every verdict CRITICAL. */
    private static boolean rarely(Random random) {
        return random.nextInt(6) == 0;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
