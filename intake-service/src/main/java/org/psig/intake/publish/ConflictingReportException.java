package org.psig.intake.publish;

import java.time.Instant;
import java.util.UUID;

/** The same (finessEt, declarantReference) was already accepted with different content. */
public class ConflictingReportException extends RuntimeException {

    private final UUID incidentId;
    private final Instant receivedAt;

    public ConflictingReportException(UUID incidentId, Instant receivedAt) {
        super("incident " + incidentId + " was accepted on " + receivedAt + " with different content");
        this.incidentId = incidentId;
        this.receivedAt = receivedAt;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
