package org.psig.intake.memory;

import java.time.Instant;
import java.util.UUID;

/** What the intake remembers of an accepted report: enough to recognise a resend or a conflict. */
public record KnownReport(UUID incidentId, String fingerprint, Instant receivedAt, String finessEt, String finessEj) {
}
