package org.psig.intake.report;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.psig.schemas.AffectedSystem;
import org.psig.schemas.CareSafety;
import org.psig.schemas.DeclaredOrigin;
import org.psig.schemas.Functioning;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.IncidentStatus;

/**
 * The body of {@code POST /api/v1/incident-reports/{incidentId}/updates}, contract v1 lifecycle
 * addendum: a follow-up or the closure. A field present replaces its previous value, an absent one
 * keeps it; {@code null} is refused before this record is built.
 */
public record IncidentUpdateRequest(
        @NotNull @Min(value = 2, message = "must be at least 2: the initial report is revision 1") Integer revision,
        @NotBlank @Size(max = 10_000) String note,
        @Valid IncidentChanges incident,
        @Valid ImpactChanges impacts,
        @Valid IncidentReportRequest.Actions actions,
        @Valid Resolution resolution) {

    /** Present text must not be blank, as v1's required text fields. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    /** The incident fields an update may change; detectedAt and startedAt never change. */
    public record IncidentChanges(
            IncidentStatus status,
            IncidentCategory category,
            DeclaredOrigin declaredOrigin,
            @Size(max = 12) List<@NotNull AffectedSystem> affectedSystems,
            @Size(max = 200) String provider,
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String summary,
            @Size(max = 10_000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String description) {
    }

    public record ImpactChanges(
            CareSafety careSafety,
            Boolean dataConfidentiality,
            Boolean dataIntegrity,
            Boolean dataAvailability,
            Boolean personalDataBreach,
            Functioning functioning,
            Boolean degradedMode,
            Boolean healthSystemImpact,
            Boolean spreadRisk) {
    }

    public record Resolution(
            @NotNull String resolvedAt,
            @NotBlank @Size(max = 2000) String rootCause,
            @NotBlank @Size(max = 2000) String measures) {
    }

    /** Whether this update closes the incident. */
    public boolean resolves() {
        return incident != null && incident.status() == IncidentStatus.RESOLVED;
    }
}
