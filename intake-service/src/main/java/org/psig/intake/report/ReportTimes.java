package org.psig.intake.report;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time rules bean validation cannot express: ISO-8601 with an offset, detectedAt not in the
 * future (allowing for the declarant's clock skew), startedAt not after detectedAt.
 */
public final class ReportTimes {

    private final Clock clock;
    private final Duration allowedClockSkew;

    public ReportTimes(Clock clock, Duration allowedClockSkew) {
        this.clock = clock;
        this.allowedClockSkew = allowedClockSkew;
    }

    public List<FieldError> check(IncidentReportRequest.Incident incident) {
        List<FieldError> errors = new ArrayList<>();
        Optional<OffsetDateTime> detected = parse(incident.detectedAt(), "/incident/detectedAt", errors);
        Optional<OffsetDateTime> started = parse(incident.startedAt(), "/incident/startedAt", errors);
        detected.filter(at -> at.toInstant().isAfter(clock.instant().plus(allowedClockSkew)))
                .ifPresent(at -> errors.add(new FieldError("/incident/detectedAt", "must not be in the future")));
        if (detected.isPresent() && started.isPresent() && started.get().isAfter(detected.get())) {
            errors.add(new FieldError("/incident/startedAt", "must not be after detectedAt"));
        }
        return errors;
    }

    private static Optional<OffsetDateTime> parse(String value, String pointer, List<FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(pointer, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-27T06:40:00+01:00"));
            return Optional.empty();
        }
    }
}
