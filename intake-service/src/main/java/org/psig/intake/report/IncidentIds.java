package org.psig.intake.report;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The incidentId is a name-based UUID of (site FINESS, declarant reference), so a resend of the
 * same report maps to the same id on every intake instance, before and after restarts.
 */
public final class IncidentIds {

    private IncidentIds() {
    }

    public static UUID of(String finessEt, String declarantReference) {
        // A separator that cannot occur in a FINESS number keeps ("1","23") apart from ("12","3").
        String name = "psig-incident-v1|" + finessEt + "|" + declarantReference;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
