package org.psig.intake.publish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.psig.intake.memory.KnownReport;

/**
 * What the intake answers for a report or an update it holds: {@code repeat} when this very revision
 * had already been accepted, in which case {@code receivedAt} and {@code position} are the first
 * acceptance's; {@code position} is where that revision lies on {@code psig.incident.reported}.
 */
public record Receipt(UUID incidentId, int revision, Instant receivedAt, boolean repeat, List<String> warnings,
                      KnownReport.Position position) {
}
