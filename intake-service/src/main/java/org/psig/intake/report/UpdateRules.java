package org.psig.intake.report;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an update that bean validation cannot express: a resolution exactly when the status
 * becomes RESOLVED, and its resolvedAt an ISO-8601 date-time with an offset, not in the future and
 * not before the incident was detected.
 */
public final class UpdateRules {

    static final String RESOLUTION = "/resolution";
    static final String RESOLVED_AT = "/resolution/resolvedAt";

    private final Clock clock;
    private final Duration allowedClockSkew;

    public UpdateRules(Clock clock, Duration allowedClockSkew) {
        this.clock = clock;
        this.allowedClockSkew = allowedClockSkew;
    }

    /** What the body alone shows to be wrong. */
    public List<FieldError> check(IncidentUpdateRequest update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.resolves() && update.resolution() == null) {
            errors.add(new FieldError(RESOLUTION, "is required when incident.status becomes RESOLVED"));
        }
        if (!update.resolves() && update.resolution() != null) {
            errors.add(new FieldError(RESOLUTION, "is allowed only with incident.status RESOLVED, on the closure"));
        }
        resolvedAt(update).ifPresent(at -> {
            if (at.toInstant().isAfter(clock.instant().plus(allowedClockSkew))) {
                errors.add(new FieldError(RESOLVED_AT, "must not be in the future"));
            }
        });
        if (update.resolution() != null && update.resolution().resolvedAt() != null && resolvedAt(update).isEmpty()) {
            errors.add(new FieldError(RESOLVED_AT, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-29T18:00:00+01:00"));
        }
        return errors;
    }

    /** What the body shows to be wrong once the report it revises is known. */
    public static List<FieldError> check(IncidentUpdateRequest update, String detectedAt) {
        Optional<OffsetDateTime> resolved = resolvedAt(update);
        if (resolved.isPresent() && resolved.get().isBefore(OffsetDateTime.parse(detectedAt))) {
            return List.of(new FieldError(RESOLVED_AT, "must not be before the incident's detectedAt (" + detectedAt + ")"));
        }
        return List.of();
    }

    private static Optional<OffsetDateTime> resolvedAt(IncidentUpdateRequest update) {
        if (update.resolution() == null || update.resolution().resolvedAt() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(update.resolution().resolvedAt()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
