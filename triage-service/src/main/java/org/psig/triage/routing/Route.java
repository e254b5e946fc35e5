package org.psig.triage.routing;

/** Where a site's report goes: an ARS region code, or {@code null} when no ARS covers it, and why. */
public record Route(String regionCode, String reason) {

    public boolean routed() {
        return regionCode != null;
    }
}
