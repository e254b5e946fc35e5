package org.psig.triage.flow;

import java.time.Instant;
import java.util.UUID;

import org.psig.schemas.IncidentReported;
import org.psig.testsupport.ReportFixtures;

/** Reports as the intake would have written them, for tests that feed triage directly. */
final class Reports {

    private Reports() {
    }

    static IncidentReported ransomware(UUID incidentId, String finessEt, String summary) {
        return IncidentReported.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-11-27T06:45:00Z"))
                .setIncidentId(incidentId)
                .setReceivedAt(Instant.parse("2026-11-27T06:45:00Z"))
                .setContentFingerprint("fingerprint-of-" + summary)
                .setReport(ReportFixtures.ransomware("REF-" + incidentId, finessEt, summary))
                .build();
    }
}
