package org.psig.intake.status;

import org.psig.intake.memory.KnownReport;

/**
 * The latest verdict of an incident as the intake keeps it in memory: its summary, without the
 * reasons (most of a verdict's bytes, and a status list does not show them), and where its record
 * lies on {@code psig.incident.triaged}, so that one incident's status can read them back.
 */
public record LatestVerdict(KnownVerdict summary, KnownReport.Position position) {
}
