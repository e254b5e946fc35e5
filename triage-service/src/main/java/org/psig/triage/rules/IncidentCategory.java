package org.psig.triage.rules;

/**
 * CERT Santé's typology of incidents, each with the kind that decides maliciousness and its ENISA
 * RSIT class and type (MISP taxonomy {@code rsit}, version 1003). Ransomware and defacement have no
 * RSIT type of their own: RSIT files both under unauthorised modification of information.
 */
public enum IncidentCategory {
    RANSOMWARE(Kind.MALICIOUS, "information-content-security", "unauthorised-information-modification"),
    SYSTEM_COMPROMISE(Kind.MALICIOUS, "intrusions", "system-compromise"),
    ACCOUNT_COMPROMISE(Kind.MALICIOUS, "intrusions", "unprivileged-account-compromise"),
    PHISHING(Kind.MALICIOUS, "fraud", "phishing"),
    MALWARE(Kind.MALICIOUS, "malicious-code", "infected-system"),
    DDOS(Kind.MALICIOUS, "availability", "ddos"),
    DEFACEMENT(Kind.MALICIOUS, "information-content-security", "unauthorised-information-modification"),
    EQUIPMENT_THEFT(Kind.MALICIOUS, "intrusions", "burglary"),
    EXPLOITED_VULNERABILITY(Kind.MALICIOUS, "intrusions", "application-compromise"),
    DATA_LEAK(Kind.EITHER, "information-content-security", "data-leak"),
    OTHER(Kind.EITHER, "other", "other"),
    INFRASTRUCTURE_FAILURE(Kind.ACCIDENTAL, "availability", "outage"),
    PROVIDER_FAILURE(Kind.ACCIDENTAL, "availability", "outage"),
    TELECOM_LOSS(Kind.ACCIDENTAL, "availability", "outage"),
    SOFTWARE_BUG(Kind.ACCIDENTAL, "availability", "outage"),
    POWER_OR_COOLING_FAILURE(Kind.ACCIDENTAL, "availability", "outage"),
    HUMAN_ERROR(Kind.ACCIDENTAL, "availability", "misconfiguration");

    /** Whether a category is malicious by nature, accidental by nature, or can be either. */
    public enum Kind { MALICIOUS, ACCIDENTAL, EITHER }

    private final Kind kind;
    private final Rsit rsit;

    IncidentCategory(Kind kind, String rsitClass, String rsitType) {
        this.kind = kind;
        this.rsit = new Rsit(rsitClass, rsitType);
    }

    public Kind kind() {
        return kind;
    }

    public Rsit rsit() {
        return rsit;
    }
}
