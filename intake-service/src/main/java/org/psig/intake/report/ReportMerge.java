package org.psig.intake.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.psig.schemas.Actions;
import org.psig.schemas.Impacts;
import org.psig.schemas.IncidentDetails;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Resolution;
import org.psig.schemas.RevisionNote;

/**
 * Applies an update to the report it revises, as a JSON merge patch of {@code incident},
 * {@code impacts} and {@code actions}: a field present replaces its value, an absent one keeps it.
 * The result is a whole report, so that every record of {@code psig.incident.reported} can be
 * triaged alone.
 */
public final class ReportMerge {

    private ReportMerge() {
    }

    public static IncidentReported revision(IncidentReported previous, IncidentUpdateRequest update, Instant receivedAt) {
        return IncidentReported.newBuilder(previous)
                .setEventId(UUID.randomUUID())
                .setOccurredAt(receivedAt)
                .setReceivedAt(receivedAt)
                .setRevision(update.revision())
                .setContentFingerprint(Fingerprints.of(update))
                .setReport(merge(previous.getReport(), update))
                .setRevisionNote(note(update))
                .build();
    }

    static IncidentReport merge(IncidentReport report, IncidentUpdateRequest update) {
        IncidentReport.Builder merged = IncidentReport.newBuilder(report);
        if (update.incident() != null) {
            merged.setIncident(incident(report.getIncident(), update.incident()));
        }
        if (update.impacts() != null) {
            merged.setImpacts(impacts(report.getImpacts(), update.impacts()));
        }
        if (update.actions() != null) {
            merged.setActions(actions(report.getActions(), update.actions()));
        }
        return merged.build();
    }

    private static IncidentDetails incident(IncidentDetails before, IncidentUpdateRequest.IncidentChanges changes) {
        IncidentDetails.Builder after = IncidentDetails.newBuilder(before);
        set(changes.status(), after::setStatus);
        set(changes.category(), after::setCategory);
        set(changes.declaredOrigin(), after::setDeclaredOrigin);
        set(changes.affectedSystems() == null ? null : List.copyOf(changes.affectedSystems()), after::setAffectedSystems);
        set(changes.provider(), after::setProvider);
        set(changes.summary(), after::setSummary);
        set(changes.description(), after::setDescription);
        return after.build();
    }

    private static Impacts impacts(Impacts before, IncidentUpdateRequest.ImpactChanges changes) {
        Impacts.Builder after = Impacts.newBuilder(before);
        set(changes.careSafety(), after::setCareSafety);
        set(changes.dataConfidentiality(), after::setDataConfidentiality);
        set(changes.dataIntegrity(), after::setDataIntegrity);
        set(changes.dataAvailability(), after::setDataAvailability);
        set(changes.personalDataBreach(), after::setPersonalDataBreach);
        set(changes.functioning(), after::setFunctioning);
        set(changes.degradedMode(), after::setDegradedMode);
        set(changes.healthSystemImpact(), after::setHealthSystemImpact);
        set(changes.spreadRisk(), after::setSpreadRisk);
        return after.build();
    }

    private static Actions actions(Actions before, IncidentReportRequest.Actions changes) {
        Actions.Builder after = before == null ? Actions.newBuilder() : Actions.newBuilder(before);
        set(changes.cnilNotified(), after::setCnilNotified);
        set(changes.complaintFiled(), after::setComplaintFiled);
        set(changes.certSupportRequested(), after::setCertSupportRequested);
        return after.build();
    }

    private static RevisionNote note(IncidentUpdateRequest update) {
        var resolution = update.resolution();
        return RevisionNote.newBuilder().setNote(update.note())
                .setResolution(resolution == null ? null : new Resolution(resolution.resolvedAt(),
                        resolution.rootCause(), resolution.measures()))
                .build();
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
