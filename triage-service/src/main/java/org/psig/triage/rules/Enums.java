package org.psig.triage.rules;

/** The small vocabularies of a report that the rules read. Kept here so the rules need no Avro type. */
public final class Enums {

    private Enums() {
    }

    public enum DeclaredOrigin { MALICIOUS, ACCIDENTAL, UNKNOWN }

    public enum IncidentStatus { ONGOING, CONTAINED, RESOLVED }

    public enum CareSafety { NONE, POTENTIAL, PROVEN }

    public enum Functioning { NONE, DEGRADED, INTERRUPTED }

    public enum LegalQualification { SIGNIFICATIF, GRAVE, NON_QUALIFIE }

    public enum Maliciousness { MALICIOUS, NON_MALICIOUS, UNDETERMINED }

    public enum Severity { CRITICAL, HIGH, MEDIUM, LOW }
}
