package org.psig.intake.report;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.psig.schemas.AffectedSystem;
import org.psig.schemas.CareSafety;
import org.psig.schemas.DeclaredOrigin;
import org.psig.schemas.EstablishmentType;
import org.psig.schemas.Functioning;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.IncidentStatus;

/**
 * The body of {@code POST /api/v1/incident-reports}, contract v1, field for field. The characters
 * its text may hold are checked on the body before it becomes this record ({@link TextRules}).
 */
public record IncidentReportRequest(
        @NotBlank @Size(max = 64) String declarantReference,
        @NotNull @Valid Establishment establishment,
        @NotNull @Valid Declarant declarant,
        @NotNull @Valid Incident incident,
        @NotNull @Valid Impacts impacts,
        @Valid Actions actions) {

    /** A FINESS number: 9 digits, or 2A/2B (Corsica) then 7. */
    public static final String FINESS = "(\\d{9}|2[AB]\\d{7})";

    public record Establishment(
            @NotNull @Pattern(regexp = FINESS, message = "must be 9 characters: digits, or 2A/2B then 7 digits") String finessEt,
            @Pattern(regexp = FINESS, message = "must be 9 characters: digits, or 2A/2B then 7 digits") String finessEj,
            @NotBlank @Size(max = 200) String name,
            @NotNull EstablishmentType type,
            @Pattern(regexp = "\\d{3}", message = "must be a 3-digit FINESS category code, e.g. 500") String finessCategory,
            Boolean essentialOperator) {
    }

    public record Declarant(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String role,
            @NotBlank @Size(max = 254)
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address, e.g. rssi@example.org")
            String email,
            @Pattern(regexp = "\\+?[0-9 ().-]{4,40}", message = "must be a phone number: digits, spaces, + ( ) . -") String phone) {
    }

    public record Incident(
            @NotNull String detectedAt,
            String startedAt,
            @NotBlank @Size(max = 200) String summary,
            @NotBlank @Size(max = 10_000) String description,
            @NotNull IncidentCategory category,
            @NotNull DeclaredOrigin declaredOrigin,
            @NotNull IncidentStatus status,
            @Size(max = 12) List<@NotNull AffectedSystem> affectedSystems,
            @Size(max = 200) String provider) {
    }

    public record Impacts(
            @NotNull CareSafety careSafety,
            @NotNull Boolean dataConfidentiality,
            @NotNull Boolean dataIntegrity,
            @NotNull Boolean dataAvailability,
            @NotNull Boolean personalDataBreach,
            @NotNull Functioning functioning,
            @NotNull Boolean degradedMode,
            @NotNull Boolean healthSystemImpact,
            @NotNull Boolean spreadRisk) {
    }

    public record Actions(Boolean cnilNotified, Boolean complaintFiled, Boolean certSupportRequested) {
    }
}
