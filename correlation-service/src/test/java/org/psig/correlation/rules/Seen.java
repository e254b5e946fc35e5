package org.psig.correlation.rules;

import java.time.Duration;
import java.time.Instant;

/** Sightings for tests: an EHPAD of a region reporting at some hour after a fixed origin. */
final class Seen {

    static final Instant ORIGIN = Instant.parse("2026-11-30T06:00:00Z");

    private Seen() {
    }

    static Sighting outage(int establishment, String region, String provider, double hoursAfterOrigin) {
        return of("PROVIDER_FAILURE", "NON_MALICIOUS", "MEDIUM", establishment, region, provider, hoursAfterOrigin);
    }

    static Sighting phishing(int establishment, String region, double hoursAfterOrigin) {
        return of("PHISHING", "MALICIOUS", "HIGH", establishment, region, null, hoursAfterOrigin);
    }

    static Sighting of(String category, String maliciousness, String severity, int establishment, String region,
                       String provider, double hoursAfterOrigin) {
        return new Sighting(incident(category, establishment, hoursAfterOrigin), 1, "finess-" + establishment,
                "EHPAD n°" + establishment, region, category, maliciousness, severity, provider,
                ORIGIN.plus(Duration.ofSeconds(Math.round(hoursAfterOrigin * 3600))));
    }

    static Sighting revised(Sighting sighting, String severity) {
        return new Sighting(sighting.incidentId(), sighting.revision() + 1, sighting.finessEt(), sighting.establishmentName(),
                sighting.regionCode(), sighting.category(), sighting.maliciousness(), severity, sighting.provider(),
                sighting.detectedAt());
    }

    private static String incident(String category, int establishment, double hours) {
        return java.util.UUID.nameUUIDFromBytes((category + establishment + "@" + hours).getBytes()).toString();
    }
}
