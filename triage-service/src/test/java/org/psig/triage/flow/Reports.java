package org.psig.triage.flow;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.psig.schemas.Campaign;
import org.psig.schemas.CampaignMember;
import org.psig.schemas.CampaignState;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.RevisionNote;
import org.psig.schemas.Severity;
import org.psig.testsupport.ReportFixtures;

/** Reports as the intake would have written them, and campaigns as correlation would, for tests that feed triage directly. */
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

    /** The next revision of a report: a follow-up note and nothing else changed. */
    static IncidentReported followUp(IncidentReported previous) {
        int revision = previous.getRevision() + 1;
        return IncidentReported.newBuilder(previous).setEventId(UUID.randomUUID()).setRevision(revision)
                .setContentFingerprint(previous.getContentFingerprint() + "-revision-" + revision)
                .setRevisionNote(new RevisionNote("Still down.", null)).build();
    }

    /** A campaign of these incidents, as its latest state on psig.incident.campaigns. */
    static Campaign campaign(UUID campaignId, UUID... incidents) {
        Instant seen = Instant.parse("2026-11-27T06:00:00Z");
        List<CampaignMember> members = Arrays.stream(incidents).map(incident -> CampaignMember.newBuilder()
                .setIncidentId(incident).setFinessEt("35" + incident.toString().substring(0, 7)).setEstablishmentName("EHPAD")
                .setArsRegionCode("53").setCategory(IncidentCategory.PROVIDER_FAILURE).setSeverity(Severity.HIGH)
                .setDetectedAt(seen).build()).toList();
        return Campaign.newBuilder().setCampaignId(campaignId).setRule("provider-outage").setKey("PROVIDER_FAILURE|hostix")
                .setState(CampaignState.OPEN).setMembers(members).setEstablishments(members.size())
                .setArsRegionCodes(List.of("53")).setFirstSeen(seen).setLastSeen(seen).setHighestSeverity(Severity.HIGH)
                .setOpenedAt(seen).build();
    }
}
