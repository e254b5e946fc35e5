package org.psig.intake.publish;

import java.util.UUID;

/**
 * An update that cannot follow the incident as it stands: a revision already accepted with other
 * content, a revision that skips one, or anything after the closure.
 */
public class RevisionConflictException extends RuntimeException {

    private final UUID incidentId;
    private final int currentRevision;
    private final boolean closed;

    public RevisionConflictException(UUID incidentId, int currentRevision, boolean closed, String message) {
        super(message);
        this.incidentId = incidentId;
        this.currentRevision = currentRevision;
        this.closed = closed;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public int currentRevision() {
        return currentRevision;
    }

    public boolean closed() {
        return closed;
    }
}
