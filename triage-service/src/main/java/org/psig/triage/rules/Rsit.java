package org.psig.triage.rules;

/**
 * A class and type of the ENISA Reference Security Incident Taxonomy, as MISP's {@code rsit}
 * taxonomy spells them, so analysts can tag and correlate in MISP or TheHive as they are.
 */
public record Rsit(String rsitClass, String rsitType) {

    /** The MISP machine tag, e.g. {@code rsit:availability="outage"}. */
    public String machineTag() {
        return "rsit:" + rsitClass + "=\"" + rsitType + "\"";
    }
}
