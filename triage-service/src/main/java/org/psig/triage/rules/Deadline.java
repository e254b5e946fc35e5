package org.psig.triage.rules;

import java.time.Instant;

/** A duty that applies to a report, the instant it falls due, and why it applies. */
public record Deadline(Duty duty, Instant dueAt, String reason) {
}
