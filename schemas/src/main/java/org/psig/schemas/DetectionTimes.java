package org.psig.schemas;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * When a triaged incident was detected, as an instant. The declared {@code incident.detectedAt} is an
 * ISO-8601 date-time with an offset (the intake validates it, triage refuses a record without one);
 * the receipt time stands in should a record ever lack it.
 */
public final class DetectionTimes {

    private DetectionTimes() {
    }

    public static Instant detectedAt(IncidentTriaged triaged) {
        try {
            return OffsetDateTime.parse(triaged.getReport().getIncident().getDetectedAt()).toInstant();
        } catch (DateTimeException | NullPointerException e) {
            return triaged.getReceivedAt();
        }
    }
}
