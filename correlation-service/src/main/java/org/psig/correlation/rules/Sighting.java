package org.psig.correlation.rules;

import java.time.Instant;

/**
 * What correlation knows of one revision of a triaged incident: the establishment and the verdict's
 * facts, never the declarant. Region, provider may be null (no ARS covers the site; none named).
 */
public record Sighting(String incidentId, int revision, String finessEt, String establishmentName, String regionCode,
                       String category, String maliciousness, String severity, String provider, Instant detectedAt) {
}
