package org.psig.triage.rules;

/** A notification the establishment owes to another authority, which triage flags but does not make. */
public enum Duty {
    /** GDPR art. 33: a personal-data breach, to the CNIL. */
    CNIL_NOTIFICATION,
    /** Operators of essential services (OSE) and of vital importance (OIV) tell the ANSSI without delay. */
    ANSSI_NOTIFICATION,
    /** NIS2 art. 23(4)(a): early warning to the CSIRT (ANSSI's CERT-FR in France). */
    NIS2_EARLY_WARNING,
    /** NIS2 art. 23(4)(b): incident notification to the CSIRT. */
    NIS2_INCIDENT_NOTIFICATION
}
