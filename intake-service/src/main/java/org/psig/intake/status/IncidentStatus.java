package org.psig.intake.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The status the declarant reads, contract v1 lifecycle addendum: the current revision, its state,
 * the latest verdict (absent before triage) and every notification sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentStatus(UUID incidentId, String declarantReference, int revision, State state, Instant receivedAt,
                             KnownVerdict verdict, List<Notified> notified, List<String> warnings) {

    /** ACCEPTED: written, not yet triaged; TRIAGED; NOTIFIED: every recipient of the current revision told; CLOSED. */
    public enum State { ACCEPTED, TRIAGED, NOTIFIED, CLOSED }
}
