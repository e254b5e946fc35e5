package org.psig.triage.rules;

/** CERT Santé's typology of incidents, each with the kind that decides maliciousness. */
public enum IncidentCategory {
    RANSOMWARE(Kind.MALICIOUS),
    SYSTEM_COMPROMISE(Kind.MALICIOUS),
    ACCOUNT_COMPROMISE(Kind.MALICIOUS),
    PHISHING(Kind.MALICIOUS),
    MALWARE(Kind.MALICIOUS),
    DDOS(Kind.MALICIOUS),
    DEFACEMENT(Kind.MALICIOUS),
    EQUIPMENT_THEFT(Kind.MALICIOUS),
    EXPLOITED_VULNERABILITY(Kind.MALICIOUS),
    DATA_LEAK(Kind.EITHER),
    OTHER(Kind.EITHER),
    INFRASTRUCTURE_FAILURE(Kind.ACCIDENTAL),
    PROVIDER_FAILURE(Kind.ACCIDENTAL),
    TELECOM_LOSS(Kind.ACCIDENTAL),
    SOFTWARE_BUG(Kind.ACCIDENTAL),
    POWER_OR_COOLING_FAILURE(Kind.ACCIDENTAL),
    HUMAN_ERROR(Kind.ACCIDENTAL);

    /** Whether a category is malicious by nature, accidental by nature, or can be either. */
    public enum Kind { MALICIOUS, ACCIDENTAL, EITHER }

    private final Kind kind;

    IncidentCategory(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
