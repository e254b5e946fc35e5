package org.psig.notification.flow;

import java.time.Instant;
import java.util.UUID;

import org.psig.schemas.ArsNotification;
import org.psig.schemas.Establishment;
import org.psig.schemas.HfdsNotification;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.RevisionNote;
import org.psig.schemas.Verdict;

/** What each recipient is told: the ARS everything it needs to act, the HFDS the national view only. */
final class Notifications {

    private Notifications() {
    }

    static ArsNotification forArs(IncidentTriaged triaged, Instant publishedAt) {
        IncidentReport report = triaged.getReport();
        return ArsNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setIncidentId(triaged.getIncidentId())
                .setDetectedAt(report.getIncident().getDetectedAt())
                .setReceivedAt(triaged.getReceivedAt())
                .setPublishedAt(publishedAt)
                .setVerdict(verdict(triaged))
                .setEstablishment(report.getEstablishment())
                .setDeclarant(report.getDeclarant())
                .setIncident(report.getIncident())
                .setImpacts(report.getImpacts())
                .setRevision(triaged.getRevision())
                .setKind(triaged.getKind())
                .setChanges(triaged.getChanges())
                .setRevisionNote(triaged.getRevisionNote())
                .build();
    }

    /** Data minimisation: no name, email or phone of the declarant, and no free text, reaches the HFDS. */
    static HfdsNotification forHfds(IncidentTriaged triaged, Instant publishedAt) {
        IncidentReport report = triaged.getReport();
        Establishment establishment = report.getEstablishment();
        return HfdsNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setIncidentId(triaged.getIncidentId())
                .setDetectedAt(report.getIncident().getDetectedAt())
                .setReceivedAt(triaged.getReceivedAt())
                .setPublishedAt(publishedAt)
                .setVerdict(verdict(triaged))
                .setFinessEt(establishment.getFinessEt())
                .setFinessEj(establishment.getFinessEj())
                .setEstablishmentName(establishment.getName())
                .setEstablishmentType(establishment.getType())
                .setCategory(report.getIncident().getCategory())
                .setStatus(report.getIncident().getStatus())
                .setImpacts(report.getImpacts())
                .setRevision(triaged.getRevision())
                .setKind(triaged.getKind())
                .setChanges(triaged.getChanges())
                .setResolvedAt(resolvedAt(triaged))
                .build();
    }

    /** When the closure says it was resolved; the note, root cause and measures are free text and stay out. */
    private static String resolvedAt(IncidentTriaged triaged) {
        RevisionNote note = triaged.getRevisionNote();
        return note == null || note.getResolution() == null ? null : note.getResolution().getResolvedAt();
    }

    private static Verdict verdict(IncidentTriaged triaged) {
        return Verdict.newBuilder()
                .setArsRegionCode(triaged.getArsRegionCode())
                .setLegalQualification(triaged.getLegalQualification())
                .setMaliciousness(triaged.getMaliciousness())
                .setSeverity(triaged.getSeverity())
                .setRsitClass(triaged.getRsitClass())
                .setRsitType(triaged.getRsitType())
                .setTlp(triaged.getTlp())
                .setDeadlines(triaged.getDeadlines())
                .setReasons(triaged.getReasons())
                .setRulesetVersion(triaged.getRulesetVersion())
                .setCampaignIds(triaged.getCampaignIds())
                .build();
    }
}
