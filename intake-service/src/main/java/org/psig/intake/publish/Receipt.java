package org.psig.intake.publish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the intake answers for a report or an update it holds: {@code repeat} when this very revision
 * had already been accepted, in which case {@code receivedAt} is the first acceptance's.
 */
public record Receipt(UUID incidentId, int revision, Instant receivedAt, boolean repeat, List<String> warnings) {
}
